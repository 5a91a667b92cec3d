#!/usr/bin/env bash
# Local single-node Kubernetes built from Kubernetes' own Go modules, run as
# plain processes on 127.0.0.1 (no container registry, no internet needed).
#
#   cluster.sh build <id>     build binaries + images for <id> (cached)
#   cluster.sh up <id>        build if needed, start, wait for Ready; stdout: kubeconfig path
#   cluster.sh down [<id>]    stop everything, unmount, remove network devices/rules
#   cluster.sh status         print what is running (stdout)
#   cluster.sh kubeconfig <id> print the kubeconfig path of <id>
#
# Progress goes to stderr; errors are one line on stderr with a non-zero exit.
set -Eeuo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SC_CACHE="${SC_CACHE:-$HOME/.cache/sidecar-conformance}"
VERSIONS_TSV="$HERE/versions.tsv"
IMAGES_PROPERTIES="$HERE/images.properties"
ETCD_VERSION="${SC_ETCD_VERSION:-v3.5.35}"
NODE_NAME="127.0.0.1"   # kubelet refuses a loopback --node-ip; an IP node name becomes the InternalIP (as in hack/local-up-cluster.sh)
# Ports (all on 127.0.0.1). Non-default so they do not clash with anything else.
API_PORT="${SC_API_PORT:-36443}"
ETCD_PORT=36379
ETCD_PEER_PORT=36380
CM_PORT=36257
SCHED_PORT=36259
KUBELET_PORT=36250
KUBELET_HEALTHZ_PORT=36248
# Pod network: its own bridge, never leaves this machine (see firewall rules).
BRIDGE="scl0"
POD_CIDR="10.244.0.0/24"
SERVICE_CIDR="10.96.0.0/24"
CNI_NET_NAME="sidecar-conformance"
IPT_CHAIN="SC-LOCAL-FWD"

export GOTOOLCHAIN=local
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export PATH="/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

T0=$SECONDS
CMD="${1:-}"
dbg() { if [ "${SC_DEBUG:-0}" = 1 ]; then printf '[cluster.sh %s %s] %s\n' "$CMD" "$(date +%T.%N | cut -c1-12)" "$*" >&2; fi; }
log() { printf '[cluster.sh %s %4ds] %s\n' "$CMD" $((SECONDS - T0)) "$*" >&2; }
die() { printf 'cluster.sh %s: %s\n' "$CMD" "$*" >&2; exit 1; }

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# ---------------------------------------------------------------- versions
ids() { awk -F'\t' '!/^#/ && NF {print $1}' "$VERSIONS_TSV"; }
row() { awk -F'\t' -v id="$1" '!/^#/ && $1 == id' "$VERSIONS_TSV"; }
k8s_version_of() { row "$1" | cut -f2; }
gates_of() { local g; g="$(row "$1" | cut -f3)"; [ "$g" = "-" ] && g=""; printf '%s' "$g"; }
check_id() {
  [ -n "${1:-}" ] || die "missing cluster id; known ids: $(ids | tr '\n' ' ')"
  [ -n "$(row "$1")" ] || die "unknown cluster id '$1'; known ids: $(ids | tr '\n' ' ')(see $VERSIONS_TSV)"
}
minor_of() { local v=${1#v}; v=${v#*.}; printf '%s' "${v%%.*}"; }

# ---------------------------------------------------------------- deps
need_deps() {
  local missing=() t
  for t in go gcc openssl containerd ctr runc containerd-shim-runc-v2 iptables ip nsenter \
           perl dockerd /usr/bin/docker jq curl /bin/busybox /usr/lib/cni/bridge /usr/lib/cni/host-local /usr/lib/cni/loopback; do
    if [[ $t == /* ]]; then [ -x "$t" ] || missing+=("$t"); else command -v "$t" >/dev/null 2>&1 || missing+=("$t"); fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && [ "${SC_NO_INSTALL:-}" != 1 ]; then
    log "missing ${missing[*]}: running .ci/install-local-cluster-deps.sh"
    bash "$REPO/.ci/install-local-cluster-deps.sh" >&2 || die "installing dependencies failed; run: sudo bash .ci/install-local-cluster-deps.sh"
  else
    die "missing ${missing[*]}; run: sudo bash .ci/install-local-cluster-deps.sh"
  fi
}

# ---------------------------------------------------------------- build helpers
# Runs a long command with its output in a log file, printing a heartbeat.
run_step() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  local s=$SECONDS
  log "$name ..."
  "$@" >"$logf" 2>&1 &
  local pid=$!
  local last=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if [ $((SECONDS - last)) -ge 30 ]; then last=$SECONDS; log "  $name: still running ($((SECONDS - s))s)"; fi
  done
  if ! wait "$pid"; then
    local why
    why="$(grep -m1 -iE 'error|cannot|undefined|invalid|not available|no such|refused' "$logf" | cut -c1-300 || true)"
    die "$name failed after $((SECONDS - s))s: ${why:-see log}; full log: $logf (a retry reuses everything already downloaded/compiled)"
  fi
  log "$name done in $((SECONDS - s))s"
}

moddl() { # module@version -> sets MODDL_DIR, MODDL_GOMOD, MODDL_TIME, MODDL_HASH
  local json
  json="$(cd "$SC_CACHE" && go mod download -json "$1")" || die "go mod download $1 failed (is GOPROXY reachable?)"
  MODDL_DIR="$(jq -r .Dir <<<"$json")"
  MODDL_GOMOD="$(jq -r .GoMod <<<"$json")"
  MODDL_TIME="$(jq -r '.Time // empty' <"$(jq -r .Info <<<"$json")")"
  MODDL_HASH="$(jq -r '.Origin.Hash // empty' <"$(jq -r .Info <<<"$json")")"
}

k8s_dir() { printf '%s/k8s/%s' "$SC_CACHE" "$1"; }

# Generates the wrapper module for k8s.io/kubernetes@$v in $dir/src.
k8s_wrapper() { # version dir kdir
  local v=$1 dir=$2 kdir=$3 minor staging_ver
  minor="$(minor_of "$v")"
  staging_ver="v0.${v#v1.}"
  local src="$dir/src"
  rm -rf "$src"; mkdir -p "$src"
  {
    echo "module sidecar-conformance.local/kube"
    echo
    grep -E '^go [0-9]' "$MODDL_GOMOD"
    # keep upstream's GODEBUG defaults (single line or block form)
    awk '/^godebug \(/{b=1} b{print} b&&/^\)/{b=0} /^godebug [^(]/{print}' "$MODDL_GOMOD"
    echo
    echo "require k8s.io/kubernetes $v"
    echo
    echo "replace ("
    # every staging module (relative replace in upstream's go.mod) -> v0.Y.Z
    sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._/-]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' "$MODDL_GOMOD" |
      sort -u | while read -r m; do printf '\t%s => %s %s\n' "$m" "$m" "$staging_ver"; done
    echo ")"
  } >"$src/go.mod"
  # extra requirements / replaces needed on a newer Go (see README "old versions")
  if [ -f "$HERE/build-fixes/$minor.mod" ]; then cat "$HERE/build-fixes/$minor.mod" >>"$src/go.mod"; fi
  local c f pkg alias fn
  for c in kube-apiserver kube-controller-manager kube-scheduler kubelet; do
    f="$(grep -l '^func main()' "$kdir/cmd/$c"/*.go | head -n1)"
    [ -n "$f" ] || die "no main() in $kdir/cmd/$c"
    pkg="k8s.io/kubernetes/cmd/$c/app"
    alias="$(tr -d '-' <<<"$c")app"
    fn="main_$(tr '-' '_' <<<"$c")"
    sed -e "s#^\([[:space:]]*\)\"$pkg\"#\1$alias \"$pkg\"#" \
        -e "/^import/,/^)/!s#\\<app\\.#$alias.#g" \
        -e "s#^func main()#func $fn()#" "$f" >"$src/$c.go"
  done
  cat >"$src/main.go" <<'GO'
// Multi-call binary (like the old hyperkube): dispatches on argv[0] or argv[1].
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	name := filepath.Base(os.Args[0])
	if name == "kube" && len(os.Args) > 1 {
		name = os.Args[1]
		os.Args = append([]string{name}, os.Args[2:]...)
	}
	switch name {
	case "kube-apiserver":
		main_kube_apiserver()
	case "kube-controller-manager":
		main_kube_controller_manager()
	case "kube-scheduler":
		main_kube_scheduler()
	case "kubelet":
		main_kubelet()
	default:
		fmt.Fprintln(os.Stderr, "usage: kube {kube-apiserver|kube-controller-manager|kube-scheduler|kubelet} [flags]")
		os.Exit(2)
	}
}
GO
}

build_k8s() { # version
  local v=$1 dir kdir
  dir="$(k8s_dir "$v")"
  if [ -x "$dir/bin/kube" ] && [ -f "$dir/bin/.complete" ]; then return 0; fi
  mkdir -p "$dir/bin" "$dir/logs"
  log "kubernetes $v: downloading k8s.io/kubernetes module"
  moddl "k8s.io/kubernetes@$v"
  kdir="$MODDL_DIR"
  k8s_wrapper "$v" "$dir" "$kdir"
  local minor date commit ldflags
  minor="$(minor_of "$v")"
  date="${MODDL_TIME:-1970-01-01T00:00:00Z}"
  commit="${MODDL_HASH:-0000000000000000000000000000000000000000}"
  ldflags="-s -w"
  local p
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $p.gitVersion=$v -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitCommit=$commit"
    ldflags+=" -X $p.gitTreeState=clean -X $p.buildDate=$date"
  done
  if [ -f "$HERE/build-fixes/$minor.ldflags" ]; then ldflags+=" $(cat "$HERE/build-fixes/$minor.ldflags")"; fi
  run_step "kubernetes $v: resolving module graph" "$dir/logs/mod.log" \
    bash -c "cd '$dir/src' && go mod tidy -e"
  [ "${PREFETCH_ONLY:-0}" = 1 ] && return 0
  run_step "kubernetes $v: compiling+linking multi-call binary (long on a cold cache)" "$dir/logs/build.log" \
    env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -tags providerless -ldflags '$ldflags' -o '$dir/bin/kube.tmp' ."
  mv -f "$dir/bin/kube.tmp" "$dir/bin/kube"
  for p in kube-apiserver kube-controller-manager kube-scheduler kubelet; do ln -sfn kube "$dir/bin/$p"; done
  # pause, from the same module's build/pause
  local ptag
  ptag="$(sed -n 's/^TAG ?= *//p' "$kdir/build/pause/Makefile" | head -n1)"
  gcc -Os -Wall -Werror -static -DVERSION="v$ptag-sidecar-conformance" -o "$dir/bin/pause" "$kdir/build/pause/linux/pause.c" \
    || die "gcc could not build pause.c; run: sudo bash .ci/install-local-cluster-deps.sh"
  printf '%s\n' "$ptag" >"$dir/bin/pause.tag"
  # which KubeletConfiguration fields this version knows (podLogsDir, failCgroupV1, ...)
  local kmod
  kmod="$(cd "$dir/src" && go list -m -f '{{.Dir}}' k8s.io/kubelet)"
  grep -o 'json:"[A-Za-z]*' "$kmod/config/v1beta1/types.go" | cut -d'"' -f2 | sort -u >"$dir/bin/kubelet-config-fields"
  "$dir/bin/kube-apiserver" --version >&2
  touch "$dir/bin/.complete"
}

build_etcd() {
  local dir="$SC_CACHE/etcd/$ETCD_VERSION"
  if [ -x "$dir/bin/etcd" ]; then return 0; fi
  mkdir -p "$dir/src" "$dir/bin" "$dir/logs"
  cat >"$dir/src/go.mod" <<EOF
module sidecar-conformance.local/etcd

go 1.23

require go.etcd.io/etcd/server/v3 $ETCD_VERSION
EOF
  cat >"$dir/src/main.go" <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  run_step "etcd $ETCD_VERSION: resolving module graph" "$dir/logs/mod.log" \
    bash -c "cd '$dir/src' && go mod tidy -e"
  run_step "etcd $ETCD_VERSION: building" "$dir/logs/build.log" \
    env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -ldflags '-s -w' -o '$dir/bin/etcd.tmp' ."
  mv -f "$dir/bin/etcd.tmp" "$dir/bin/etcd"
}

# ---------------------------------------------------------------- images (no registry, no docker daemon)
prop() { sed -n "s/^$1=//p" "$IMAGES_PROPERTIES"; }

# mk_image <rootfs dir> <image ref> <out tar> <entrypoint json> <cmd json>
# Writes a docker-archive tarball (manifest.json + config + one uncompressed layer).
mk_image() {
  local root=$1 ref=$2 out=$3 ep=$4 cmdj=$5 w
  w="$(mktemp -d "$SC_CACHE/tmp/img.XXXXXX")"
  tar --numeric-owner --owner=0 --group=0 --sort=name --mtime='1970-01-01 00:00:00Z' -C "$root" -cf "$w/layer.tar" .
  local diff cfg cfgsum
  diff="sha256:$(sha256sum "$w/layer.tar" | cut -d' ' -f1)"
  cfg="$(jq -cn --arg diff "$diff" --argjson ep "$ep" --argjson cmd "$cmdj" '{
    architecture: "amd64", os: "linux", created: "1970-01-01T00:00:00Z",
    config: {Env: ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], Entrypoint: $ep, Cmd: $cmd, WorkingDir: "/"},
    rootfs: {type: "layers", diff_ids: [$diff]},
    history: [{created: "1970-01-01T00:00:00Z", created_by: "sidecar-conformance clusters/local/cluster.sh"}]}')"
  cfgsum="$(printf '%s' "$cfg" | sha256sum | cut -d' ' -f1)"
  printf '%s' "$cfg" >"$w/$cfgsum.json"
  jq -cn --arg c "$cfgsum.json" --arg r "$ref" '[{Config: $c, RepoTags: [$r], Layers: ["layer.tar"]}]' >"$w/manifest.json"
  tar -C "$w" -cf "$out.tmp" manifest.json "$cfgsum.json" layer.tar
  mv -f "$out.tmp" "$out"
  printf '%s\n' "$cfgsum" >"$out.id"
  rm -rf "$w"
}

# Debian's busybox-static, with one change: its shell always runs its own applets
# in preference to PATH (FEATURE_SH_STANDALONE) and its `date` has no %N
# (nanoseconds). The applet name "date" is renamed to "datE" in the binary's
# applet table so that `date` resolves through PATH to GNU date (copied with its
# libc). Every other applet is untouched.
BUSYBOX=""
get_busybox() {
  BUSYBOX="$SC_CACHE/tmp/busybox-patched"
  local src=/bin/busybox prev next n
  if [ ! -x "$src" ] || ldd "$src" >/dev/null 2>&1; then
    die "/bin/busybox is not Debian's busybox-static; run: sudo bash .ci/install-local-cluster-deps.sh"
  fi
  prev="$("$src" --list | grep -x -B1 date | sed -n 1p)"
  next="$("$src" --list | grep -x -A1 date | tail -n1)"
  n="$(PREV="$prev" NEXT="$next" perl -0777 -ne '$n = () = /\0\Q$ENV{PREV}\E\0date\0\Q$ENV{NEXT}\E\0/g; print $n' "$src")"
  [ "$n" = 1 ] || die "cannot find busybox's applet table entry for date (found $n); busybox-static changed?"
  PREV="$prev" NEXT="$next" perl -0777 -pe 's/\0\Q$ENV{PREV}\E\0date\0\Q$ENV{NEXT}\E\0/\0$ENV{PREV}\0datE\0$ENV{NEXT}\0/' "$src" >"$BUSYBOX.tmp"
  chmod 755 "$BUSYBOX.tmp"; mv -f "$BUSYBOX.tmp" "$BUSYBOX"
  "$BUSYBOX" --list | grep -qx date && die "patching busybox's date applet failed"
  return 0
}

# checks an image rootfs: every applet the suite's scripts use, and date with nanoseconds
check_rootfs() { # rootfs
  local r=$1 out
  # shellcheck disable=SC2016
  out="$(chroot "$r" /bin/sh -c 'for a in sh date dd httpd wget nc kill sleep touch cat ps grep awk head tail mkdir ls find tr; do command -v $a >/dev/null || echo "missing:$a"; done; date +%Y-%m-%dT%H:%M:%S.%N' 2>&1)" ||
    die "image rootfs check failed: $out"
  [[ $out =~ ^[0-9-]+T[0-9:]+\.[0-9]{9}$ ]] || die "image rootfs check failed: $out"
}

busybox_applets() { # rootfs busybox-binary
  local r=$1 bb=$2 a
  chmod 755 "$r"
  mkdir -p "$r/bin" "$r/sbin" "$r/usr/bin" "$r/usr/sbin" "$r/tmp" "$r/etc" "$r/proc" "$r/sys" "$r/dev" "$r/var/run" "$r/root"
  chmod 1777 "$r/tmp"
  cp "$bb" "$r/bin/busybox"
  local lib
  for lib in $(ldd "$bb" 2>/dev/null | grep -o '/[^ ]*' | sort -u); do
    mkdir -p "$r$(dirname "$lib")"; cp -L "$lib" "$r$lib"
  done
  for a in $("$bb" --list); do
    [ "$a" = busybox ] && continue
    [ -e "$r/bin/$a" ] || ln -s busybox "$r/bin/$a"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$r/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$r/etc/group"
  printf '127.0.0.1 localhost\n' >"$r/etc/hosts"
}

build_images() { # k8s version
  local v=$1 dir idir
  dir="$(k8s_dir "$v")"
  idir="$SC_CACHE/images"
  mkdir -p "$idir" "$SC_CACHE/tmp"
  local ptag; ptag="$(cat "$dir/bin/pause.tag" 2>/dev/null || true)"
  if [ -n "$v" ] && [ ! -f "$idir/pause-$ptag.tar.id" ]; then
    local r; r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
    cp "$dir/bin/pause" "$r/pause"
    mk_image "$r" "localhost/sidecar-conformance/pause:$ptag" "$idir/pause-$ptag.tar" '["/pause"]' 'null'
    rm -rf "$r"; log "image pause:$ptag written"
  fi
  local bref dref have
  bref="$(prop busybox)"; dref="$(prop dind)"
  # the tags in images.properties must be what Debian's packages here really are
  have="$(/bin/busybox 2>/dev/null | sed -n '1s/^BusyBox v\([0-9.]*\).*/\1/p')"
  [ "$have" = "${bref##*:}" ] || die "busybox-static here is ${have:-missing}, images.properties says ${bref##*:}; update images.properties or install busybox-static ${bref##*:}"
  have="$(dpkg-query -W -f='${Version}' docker.io 2>/dev/null | sed 's/^[0-9]*://; s/[+~-].*//')"
  [ "$have" = "${dref##*:}" ] || die "docker.io here is ${have:-missing}, images.properties says ${dref##*:}; update images.properties or install docker.io ${dref##*:}"
  if [ ! -f "$idir/busybox-${bref##*:}.tar.id" ]; then
    local r; r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
    get_busybox
    busybox_applets "$r" "$BUSYBOX"
    add_gnu_date "$r"
    check_rootfs "$r"
    mk_image "$r" "$bref" "$idir/busybox-${bref##*:}.tar" 'null' '["sh"]'
    rm -rf "$r"; log "image $bref written"
  fi
  if [ ! -f "$idir/dind-${dref##*:}.tar.id" ]; then
    build_dind_image "$dref" "$idir/dind-${dref##*:}.tar"
    log "image $dref written"
  fi
}

# copy_with_libs <rootfs> <file>... : files at the same path plus their shared libraries (ldd)
copy_with_libs() {
  local r=$1 f lib; shift
  for f in "$@"; do
    mkdir -p "$r$(dirname "$f")"; rm -f "$r$f"; cp -L "$f" "$r$f"
    for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*' | sort -u); do
      [ -e "$r$lib" ] && continue
      mkdir -p "$r$(dirname "$lib")"; cp -L "$lib" "$r$lib"
    done
  done
}

# busybox's date lacks %N (nanoseconds): use GNU date (coreutils) with its libc
add_gnu_date() { # rootfs
  local r=$1
  rm -f "$r/bin/date"
  copy_with_libs "$r" /bin/date
  [ -e "$r/usr/bin/date" ] || ln -s ../../bin/date "$r/usr/bin/date"
}

build_dind_image() { # ref out
  local ref=$1 out=$2 r f
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
  # static busybox: /bin/busybox must run alone (tar -C / -cf - bin | docker import - ...)
  get_busybox
  busybox_applets "$r" "$BUSYBOX"
  add_gnu_date "$r"
  check_rootfs "$r"
  mkdir -p "$r/var/lib/docker" "$r/etc/docker" "$r/run" "$r/usr/lib/x86_64-linux-gnu"
  # Debian's docker.io / containerd / runc / tini files (not whatever docker CLI is first in PATH)
  local files=(/usr/sbin/dockerd /usr/bin/docker /usr/sbin/docker-proxy /usr/bin/containerd
               /usr/bin/containerd-shim-runc-v2 /usr/bin/ctr /usr/sbin/runc /usr/bin/tini-static)
  for f in "${files[@]}"; do [ -x "$f" ] || die "$f missing (Debian docker.io/containerd/runc/tini); run: sudo bash .ci/install-local-cluster-deps.sh"; done
  copy_with_libs "$r" "${files[@]}"
  ln -sf tini-static "$r/usr/bin/docker-init"
  ln -sf ../sbin/runc "$r/usr/bin/runc"
  # iptables (dockerd probes it even with --iptables=false)
  local x
  for x in /usr/sbin/xtables-legacy-multi /usr/sbin/xtables-nft-multi; do [ -x "$x" ] && copy_with_libs "$r" "$x"; done
  if [ -x "$r/usr/sbin/xtables-legacy-multi" ]; then
    for x in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
      ln -sf xtables-legacy-multi "$r/usr/sbin/$x"; rm -f "$r/bin/$x"
    done
  fi
  [ -d /usr/lib/x86_64-linux-gnu/xtables ] && cp -a /usr/lib/x86_64-linux-gnu/xtables "$r/usr/lib/x86_64-linux-gnu/"
  for lib in /usr/lib/x86_64-linux-gnu/xtables/*.so; do
    [ -e "$lib" ] || continue
    for l in $(ldd "$lib" 2>/dev/null | grep -o '/[^ ]*' | sort -u); do
      [ -e "$r$l" ] || { mkdir -p "$r$(dirname "$l")"; cp -L "$l" "$r$l"; }
    done
  done
  printf 'docker:x:999:\n' >>"$r/etc/group"
  mk_image "$r" "$ref" "$out" 'null' '["dockerd","--host=unix:///var/run/docker.sock"]'
  rm -rf "$r"
}

build_all() { # id
  local id=$1 v
  v="$(k8s_version_of "$id")"
  need_deps
  mkdir -p "$SC_CACHE/tmp"
  # fast path (no lock: another version may be building): everything is cached
  local kb; kb="$(k8s_dir "$v")/bin"
  if [ -f "$kb/.complete" ] && [ -x "$SC_CACHE/etcd/$ETCD_VERSION/bin/etcd" ] &&
     [ -f "$SC_CACHE/images/pause-$(cat "$kb/pause.tag").tar.id" ] &&
     [ -f "$SC_CACHE/images/busybox-$(prop busybox | sed 's/.*://').tar.id" ] &&
     [ -f "$SC_CACHE/images/dind-$(prop dind | sed 's/.*://').tar.id" ]; then
    return 0
  fi
  exec 8>"$SC_CACHE/build.lock"
  flock 8
  build_etcd
  build_k8s "$v"
  build_images "$v"
  flock -u 8
}

# ---------------------------------------------------------------- runtime layout
RUN="$SC_CACHE/run"
CTRD_ROOT="$SC_CACHE/containerd-root"     # keeps imported images between runs
CTRD_STATE="$RUN/containerd-state"
CTRD_SOCK="$RUN/containerd.sock"
PKI="$SC_CACHE/pki"
IPAM_DIR="$RUN/cni-ipam"
CNI_CONF_DIR="$RUN/cni-net.d"
ctr_() { ctr --address "$CTRD_SOCK" "$@"; }

# ---------------------------------------------------------------- PKI (openssl)
pki_key() { [ -f "$1" ] || openssl ecparam -name prime256v1 -genkey -noout -out "$1" 2>/dev/null; }
pki_ca() { # name cn
  [ -f "$PKI/$1.crt" ] && return 0
  pki_key "$PKI/$1.key"
  openssl req -x509 -new -key "$PKI/$1.key" -subj "/CN=$2" -days 3650 -sha256 \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign,digitalSignature \
    -out "$PKI/$1.crt" 2>/dev/null
}
pki_cert() { # name ca subject eku [san]
  [ -f "$PKI/$1.crt" ] && return 0
  local name=$1 ca=$2 subj=$3 eku=$4 san=${5:-} ext
  pki_key "$PKI/$name.key"
  ext="$(mktemp)"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$eku"
    [ -n "$san" ] && echo "subjectAltName=$san"
  } >"$ext"
  openssl req -new -key "$PKI/$name.key" -subj "$subj" 2>/dev/null |
    openssl x509 -req -CA "$PKI/$ca.crt" -CAkey "$PKI/$ca.key" -CAcreateserial -days 3650 -sha256 \
      -extfile "$ext" -out "$PKI/$name.crt" 2>/dev/null
  rm -f "$ext"
}
make_pki() {
  mkdir -p "$PKI"; chmod 700 "$PKI"
  # regenerate everything if the CA is about to expire or the node name changed
  if [ -f "$PKI/ca.crt" ] && { ! openssl x509 -checkend 86400 -noout -in "$PKI/ca.crt" >/dev/null 2>&1 ||
       [ "$(cat "$PKI/node-name" 2>/dev/null)" != "$NODE_NAME" ]; }; then rm -rf "${PKI:?}"/*; fi
  pki_ca ca "sidecar-conformance-local-ca"
  pki_ca front-proxy-ca "sidecar-conformance-local-front-proxy-ca"
  pki_cert apiserver ca "/CN=kube-apiserver" serverAuth \
    "IP:127.0.0.1,IP:${SERVICE_CIDR%0/*}1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  pki_cert apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
  pki_cert admin ca "/O=system:masters/CN=sidecar-conformance-admin" clientAuth
  pki_cert controller-manager ca "/CN=system:kube-controller-manager" clientAuth
  pki_cert scheduler ca "/CN=system:kube-scheduler" clientAuth
  pki_cert kubelet-client ca "/O=system:nodes/CN=system:node:$NODE_NAME" clientAuth
  pki_cert kubelet-serving ca "/CN=$NODE_NAME" serverAuth "IP:127.0.0.1,DNS:localhost"
  pki_cert front-proxy-client front-proxy-ca "/CN=front-proxy-client" clientAuth
  [ -f "$PKI/sa.key" ] || openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  [ -f "$PKI/sa.pub" ] || openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
  printf '%s\n' "$NODE_NAME" >"$PKI/node-name"
}
kubeconfig() { # out cert-name context
  local b64='base64 -w0'
  cat >"$1" <<KC
apiVersion: v1
kind: Config
clusters:
- name: sidecar-conformance-local
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $($b64 <"$PKI/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $($b64 <"$PKI/$2.crt")
    client-key-data: $($b64 <"$PKI/$2.key")
contexts:
- name: $3
  context:
    cluster: sidecar-conformance-local
    user: $2
current-context: $3
KC
  chmod 600 "$1"
}
api() { # path -> body (admin credentials)
  curl -sf --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" "https://127.0.0.1:$API_PORT$1"
}

# ---------------------------------------------------------------- processes
pidfile() { printf '%s/pids/%s.pid' "$RUN" "$1"; }
alive() { local p; p="$(cat "$(pidfile "$1")" 2>/dev/null)" || return 1; [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
start_proc() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  mkdir -p "$RUN/pids"
  # fds 8/9 hold our locks: daemons must not inherit them
  setsid "$@" >"$logf" 2>&1 </dev/null 8>&- 9>&- &
  echo $! >"$(pidfile "$name")"
}
stop_procs() { # names... : TERM, wait up to 10s, then KILL
  local n p pids=()
  for n in "$@"; do
    p="$(cat "$(pidfile "$n")" 2>/dev/null || true)"
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill -TERM "$p" 2>/dev/null || true; pids+=("$p"); fi
    rm -f "$(pidfile "$n")"
  done
  local i
  for ((i = 0; i < 100; i++)); do
    local left=()
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
    [ "${#left[@]}" = 0 ] && return 0
    pids=("${left[@]}")
    sleep 0.1
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
}
# every process that is ours even without a pid file (a killed run): binaries
# under $SC_CACHE, and containerd / shims serving our socket.
stray_pids() {
  {
    # (processes come and go while find runs: ignore its errors)
    find /proc/[0-9]*/exe -maxdepth 0 -lname "$SC_CACHE/*" 2>/dev/null | cut -d/ -f3 || true
    ps -eo pid=,comm=,args= 2>/dev/null |
      awk -v s="$CTRD_SOCK" -v c="$RUN/containerd.toml" '$2 ~ /^containerd/ && (index($0, s) || index($0, c)) {print $1}' || true
  } | { grep -vx "$$" || true; } | sort -un
}
# processes of pods (kubelet's cgroupfs hierarchy)
pod_pids() {
  find /sys/fs/cgroup/pids/kubepods /sys/fs/cgroup/memory/kubepods /sys/fs/cgroup/cpu/kubepods \
    -name cgroup.procs -exec cat {} + 2>/dev/null | sort -un || true
}

wait_for() { # description timeout-seconds process-to-watch cmd...
  local what=$1 t=$2 proc=$3; shift 3
  local end=$((SECONDS + t))
  until "$@" >/dev/null 2>&1; do
    if [ -n "$proc" ] && ! alive "$proc"; then
      fail "$proc exited while waiting for $what: $(tail -n 3 "$LOGS/$proc.log" 2>/dev/null | tr '\n' ' ' | cut -c1-400)"
    fi
    [ $SECONDS -lt $end ] || fail "timed out after ${t}s waiting for $what (logs: $LOGS)"
    sleep 0.2
  done
}

# ---------------------------------------------------------------- cleanup
umount_ours() {
  local pass m
  for pass in 1 2 3; do
    local mps
    mps="$(awk -v c="$SC_CACHE/" '{print $5}' /proc/self/mountinfo |
      awk -v c="$SC_CACHE/" 'index($0, c) == 1 || $0 ~ /^\/(var\/)?run\/netns\/cni-/' | awk '{print length, $0}' | sort -rn | cut -d' ' -f2-)"
    [ -z "$mps" ] && return 0
    while read -r m; do
      [ -n "$m" ] || continue
      m="$(printf '%b' "${m//\\0/\\0}")"
      umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done <<<"$mps"
    [ "$pass" = 3 ] || sleep 0.2
  done
}
ipt_cleanup() {
  local ipt t rule chain
  for ipt in iptables ip6tables; do
    command -v "$ipt" >/dev/null 2>&1 || continue
    for t in filter nat mangle; do
      "$ipt" -t "$t" -S >/dev/null 2>&1 || continue
      # rules in built-in chains that jump to our or kubelet's chains
      "$ipt" -t "$t" -S 2>/dev/null | grep -E "^-A (INPUT|OUTPUT|FORWARD|PREROUTING|POSTROUTING) .*-j ($IPT_CHAIN|KUBE-[A-Z-]+)( |$)" |
        while read -r rule; do
          # shellcheck disable=SC2086
          "$ipt" -t "$t" -D ${rule#-A } 2>/dev/null || true
        done
      for chain in $("$ipt" -t "$t" -S 2>/dev/null | awk -v c="$IPT_CHAIN" '$1 == "-N" && ($2 == c || $2 ~ /^KUBE-/) {print $2}'); do
        "$ipt" -t "$t" -F "$chain" 2>/dev/null || true
      done
      for chain in $("$ipt" -t "$t" -S 2>/dev/null | awk -v c="$IPT_CHAIN" '$1 == "-N" && ($2 == c || $2 ~ /^KUBE-/) {print $2}'); do
        "$ipt" -t "$t" -X "$chain" 2>/dev/null || true
      done
    done
  done
}
net_cleanup() {
  local n l
  for n in $(ip netns list 2>/dev/null | awk '$1 ~ /^cni-/ {print $1}'); do ip netns delete "$n" 2>/dev/null || true; done
  for l in $(ip -o link show master "$BRIDGE" 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1); do
    ip link delete "$l" 2>/dev/null || true
  done
  ip link delete "$BRIDGE" 2>/dev/null || true
  ipt_cleanup
}
# kubelet sets these kernel tunables (protectKernelDefaults=false), the CNI bridge
# plugin turns on ip_forward: put them back on down
SYSCTLS="vm.overcommit_memory vm.panic_on_oom kernel.panic kernel.panic_on_oops kernel.keys.root_maxkeys kernel.keys.root_maxbytes net.ipv4.ip_forward"
sysctl_save() {
  [ -f "$RUN/sysctl.orig" ] && return 0
  local k
  for k in $SYSCTLS; do printf '%s=%s\n' "$k" "$(sysctl -n "$k" 2>/dev/null)"; done >"$RUN/sysctl.orig"
}
sysctl_restore() {
  [ -f "$RUN/sysctl.orig" ] || return 0
  local kv
  while read -r kv; do if [ -n "${kv#*=}" ]; then sysctl -q -w "$kv" >/dev/null 2>&1 || true; fi; done <"$RUN/sysctl.orig"
  rm -f "$RUN/sysctl.orig"
}
cgroup_cleanup() {
  find /sys/fs/cgroup/*/kubepods -depth -type d -exec rmdir {} \; 2>/dev/null || true
}

do_down() { # quiet=0|1
  local quiet=${1:-0} id=""
  id="$(cat "$RUN/current" 2>/dev/null || true)"
  [ "$quiet" = 1 ] || log "stopping ${id:-local cluster}"
  dbg "down: stop kubelet, scheduler, controller-manager"
  stop_procs kubelet kube-scheduler kube-controller-manager
  dbg "down: kill pod processes"
  # containers: kill pod processes, then remove tasks/containers through containerd if it still answers
  local p
  for p in $(pod_pids); do kill -KILL "$p" 2>/dev/null || true; done
  local ctrd_ok=0
  if alive containerd && timeout 3 ctr --address "$CTRD_SOCK" version >/dev/null 2>&1; then ctrd_ok=1; fi
  dbg "down: containerd answers: $ctrd_ok"
  if [ "$ctrd_ok" = 1 ]; then
    local c
    for c in $(timeout 20 ctr --address "$CTRD_SOCK" -n k8s.io tasks ls -q 2>/dev/null); do
      timeout 10 ctr --address "$CTRD_SOCK" -n k8s.io tasks rm -f "$c" >/dev/null 2>&1 || true
    done
    for c in $(timeout 20 ctr --address "$CTRD_SOCK" -n k8s.io containers ls -q 2>/dev/null); do
      timeout 10 ctr --address "$CTRD_SOCK" -n k8s.io containers rm "$c" >/dev/null 2>&1 || true
    done
  fi
  dbg "down: stop containerd, apiserver, etcd"
  stop_procs containerd kube-apiserver etcd
  dbg "down: strays"
  for p in $(stray_pids) $(pod_pids); do kill -KILL "$p" 2>/dev/null || true; done
  local i
  for ((i = 0; i < 50; i++)); do [ -z "$(stray_pids)" ] && break; sleep 0.1; done
  dbg "down: unmount"
  umount_ours
  dbg "down: network"
  net_cleanup
  dbg "down: cgroups, sysctls, files"
  cgroup_cleanup
  sysctl_restore
  # CRI bookkeeping of dead sandboxes must not survive; a killed containerd may leave a bad store
  rm -rf "$CTRD_ROOT/io.containerd.grpc.v1.cri" "$CTRD_STATE" "$IPAM_DIR" "$CNI_CONF_DIR"
  if [ "$ctrd_ok" = 0 ] && [ -d "$CTRD_ROOT" ]; then rm -rf "$CTRD_ROOT"; fi
  local d
  for d in "$RUN"/*/; do
    [ -d "$d" ] || continue
    rm -rf "$d/etcd" "$d/kubelet" "$d/pod-logs"
  done
  rm -f "$RUN/current" "$RUN/containerd.toml" "$CTRD_SOCK" "$CTRD_SOCK.ttrpc"
  dbg "down: final check"
  local left; left="$(stray_pids | tr '\n' ' ')"
  [ -z "$left" ] || { log "WARNING: processes still alive: $left"; return 1; }
  [ "$quiet" = 1 ] || log "stopped; no process, mount, bridge or netns of the local cluster remains"
}

# ---------------------------------------------------------------- up
UP_ACTIVE=0
fail() {
  local msg=$1
  if [ "$UP_ACTIVE" = 1 ]; then UP_ACTIVE=0; do_down 1 >/dev/null 2>&1 || true; msg+="; nothing was left running"; fi
  die "$msg"
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

write_configs() { # id kdir-bin minor gates
  local id=$1 minor=$3 gates=$4 dir="$RUN/$1"
  local ptag; ptag="$(cat "$2/pause.tag")"
  mkdir -p "$CTRD_ROOT" "$CTRD_STATE" "$CNI_CONF_DIR" "$IPAM_DIR" "$dir/kubelet" "$dir/etcd"
  cat >"$RUN/containerd.toml" <<TOML
version = 2
root = "$CTRD_ROOT"
state = "$CTRD_STATE"
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]
[grpc]
  address = "$CTRD_SOCK"
[ttrpc]
  address = "$CTRD_SOCK.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$CTRD_ROOT/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "localhost/sidecar-conformance/pause:$ptag"
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  enable_selinux = false
  disable_apparmor = true
  enable_cdi = false
  # this host may lack CAP_SYS_RESOURCE (cannot lower oom_score_adj): clamp instead of failing
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$CNI_CONF_DIR"
    max_conf_num = 1
TOML
  cat >"$CNI_CONF_DIR/10-$CNI_NET_NAME.conflist" <<JSON
{
  "cniVersion": "0.4.0",
  "name": "$CNI_NET_NAME",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$IPAM_DIR",
        "ranges": [[{"subnet": "$POD_CIDR"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
JSON
  if [ ! -x /usr/lib/cni/portmap ]; then
    jq 'del(.plugins[1])' "$CNI_CONF_DIR/10-$CNI_NET_NAME.conflist" >"$CNI_CONF_DIR/x"
    mv -f "$CNI_CONF_DIR/x" "$CNI_CONF_DIR/10-$CNI_NET_NAME.conflist"
  fi
  local fg_yaml=""
  if [ -n "$gates" ]; then
    fg_yaml="featureGates:"$'\n'
    local g
    for g in ${gates//,/ }; do fg_yaml+="  ${g%%=*}: ${g#*=}"$'\n'; done
  fi
  local extra=""
  if [ "$minor" -ge 31 ]; then extra+="failCgroupV1: false"$'\n'; fi
  if grep -q podLogsDir "$2/kubelet-config-fields" 2>/dev/null; then extra+="podLogsDir: $dir/pod-logs"$'\n'; fi
  cat >"$dir/kubelet.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: 127.0.0.1
port: $KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $KUBELET_HEALTHZ_PORT
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: $PKI/ca.crt
authorization:
  mode: Webhook
tlsCertFile: $PKI/kubelet-serving.crt
tlsPrivateKeyFile: $PKI/kubelet-serving.key
cgroupDriver: cgroupfs
containerRuntimeEndpoint: unix://$CTRD_SOCK
imageServiceEndpoint: unix://$CTRD_SOCK
failSwapOn: false
clusterDomain: cluster.local
evictionHard:
  memory.available: "50Mi"
  nodefs.available: "1%"
  nodefs.inodesFree: "1%"
  imagefs.available: "1%"
evictionPressureTransitionPeriod: 10s
# every image is imported locally and can never be pulled again: never GC images
# (containerd 1.6 does not report the pause image as pinned)
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
serializeImagePulls: false
nodeStatusUpdateFrequency: 4s
syncFrequency: 10s
fileCheckFrequency: 10s
shutdownGracePeriod: 0s
$extra$fg_yaml
YAML
  kubeconfig "$dir/kubeconfig" admin "sidecar-conformance-$id"
  kubeconfig "$dir/controller-manager.kubeconfig" controller-manager cm
  kubeconfig "$dir/scheduler.kubeconfig" scheduler scheduler
  kubeconfig "$dir/kubelet.kubeconfig" kubelet-client kubelet
}

import_images() { # kbin
  local ptag ref f have
  ptag="$(cat "$1/pause.tag")"
  have="$(ctr_ -n k8s.io images ls 2>/dev/null | awk '{print $1 "|" $NF}' || true)"
  for ref in "localhost/sidecar-conformance/pause:$ptag" "$(prop busybox)" "$(prop dind)"; do
    case $ref in
      */pause:*) f="$SC_CACHE/images/pause-$ptag.tar" ;;
      */busybox:*) f="$SC_CACHE/images/busybox-${ref##*:}.tar" ;;
      */dind:*) f="$SC_CACHE/images/dind-${ref##*:}.tar" ;;
    esac
    # the label records which tarball (image config digest) was imported
    local want; want="sc.id=$(cat "$f.id")"
    grep -F "$ref|" <<<"$have" | grep -qE "[|,]$want(,|\$)" && continue
    ctr_ -n k8s.io images import "$f" >>"$LOGS/images.log" 2>&1 || return 1
    ctr_ -n k8s.io images label "$ref" "$want" >>"$LOGS/images.log" 2>&1 || return 1
  done
}

node_ready() {
  api "/api/v1/nodes/$NODE_NAME" | jq -e '.status.conditions[] | select(.type == "Ready") | .status == "True"' >/dev/null
}

do_up() {
  local id=$1 v minor gates kbin etcdbin
  v="$(k8s_version_of "$id")"; minor="$(minor_of "$v")"; gates="$(gates_of "$id")"
  build_all "$id"
  kbin="$(k8s_dir "$v")/bin"
  etcdbin="$SC_CACHE/etcd/$ETCD_VERSION/bin/etcd"
  mkdir -p "$RUN"
  exec 9>"$SC_CACHE/cluster.lock"
  flock -w 300 9 || die "another cluster.sh up/down is running (lock $SC_CACHE/cluster.lock)"
  local cur; cur="$(cat "$RUN/current" 2>/dev/null || true)"
  if [ -n "$cur" ] || [ -n "$(stray_pids)" ] || ip link show "$BRIDGE" >/dev/null 2>&1; then
    log "tearing down the running/leftover local cluster ${cur:-(unknown)}"
    do_down 1 || die "could not stop the previous local cluster (see cluster.sh status); run: cluster.sh down"
  fi
  local port
  for port in $API_PORT $ETCD_PORT $ETCD_PEER_PORT $CM_PORT $SCHED_PORT $KUBELET_PORT $KUBELET_HEALTHZ_PORT; do
    port_free "$port" || die "port 127.0.0.1:$port is in use by another program; free it (ss -ltnp 'sport = :$port') and retry"
  done
  UP_ACTIVE=1
  trap 'fail "unexpected error in cluster.sh line $LINENO (logs: $LOGS)"' ERR
  trap 'fail "interrupted"' INT TERM HUP
  local dir="$RUN/$id"
  LOGS="$dir/logs"
  rm -rf "$dir"; mkdir -p "$LOGS" "$RUN/pids"
  echo "$id" >"$RUN/current"
  sysctl_save
  log "starting $id (kubernetes $v${gates:+, feature gates $gates})"
  make_pki
  write_configs "$id" "$kbin" "$minor" "$gates"
  local fg=()
  [ -z "$gates" ] || fg=("--feature-gates=$gates")

  start_proc containerd "$LOGS/containerd.log" containerd --config "$RUN/containerd.toml"
  start_proc etcd "$LOGS/etcd.log" "$etcdbin" --name sc-local --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "sc-local=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls "" \
    --unsafe-no-fsync --quota-backend-bytes 1073741824 --log-level warn
  wait_for "etcd" 30 etcd curl -sf --max-time 2 "http://127.0.0.1:$ETCD_PORT/health"
  start_proc kube-apiserver "$LOGS/kube-apiserver.log" "$kbin/kube-apiserver" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --service-cluster-ip-range="$SERVICE_CIDR" --endpoint-reconciler-type=none \
    --client-ca-file="$PKI/ca.crt" --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
    --kubelet-preferred-address-types=InternalIP,Hostname \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --authorization-mode=Node,RBAC --allow-privileged=true \
    --enable-admission-plugins=NodeRestriction \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-extra-headers-prefix=X-Remote-Extra- --requestheader-group-headers=X-Remote-Group \
    --requestheader-username-headers=X-Remote-User \
    --proxy-client-cert-file="$PKI/front-proxy-client.crt" --proxy-client-key-file="$PKI/front-proxy-client.key" \
    --profiling=false "${fg[@]}"
  wait_for "containerd" 30 containerd ctr --address "$CTRD_SOCK" version
  import_images "$kbin" || fail "importing images into containerd failed (log: $LOGS/images.log)"
  log "containerd up, images imported"
  # firewall: pod traffic never leaves the pod network (no NAT, no route to the outside)
  iptables -N "$IPT_CHAIN" 2>/dev/null || iptables -F "$IPT_CHAIN"
  iptables -A "$IPT_CHAIN" -s "$POD_CIDR" -d "$POD_CIDR" -j ACCEPT
  iptables -A "$IPT_CHAIN" -s "$POD_CIDR" -j REJECT
  iptables -A "$IPT_CHAIN" -d "$POD_CIDR" -j REJECT
  iptables -I FORWARD 1 -j "$IPT_CHAIN"
  wait_for "kube-apiserver /readyz" 90 kube-apiserver api /readyz
  log "kube-apiserver ready"
  start_proc kube-controller-manager "$LOGS/kube-controller-manager.log" "$kbin/kube-controller-manager" \
    --kubeconfig="$dir/controller-manager.kubeconfig" --bind-address=127.0.0.1 --secure-port="$CM_PORT" \
    --leader-elect=false --use-service-account-credentials=true \
    --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" --profiling=false "${fg[@]}"
  start_proc kube-scheduler "$LOGS/kube-scheduler.log" "$kbin/kube-scheduler" \
    --kubeconfig="$dir/scheduler.kubeconfig" --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" \
    --leader-elect=false --profiling=false "${fg[@]}"
  start_proc kubelet "$LOGS/kubelet.log" "$kbin/kubelet" \
    --config="$dir/kubelet.yaml" --kubeconfig="$dir/kubelet.kubeconfig" \
    --hostname-override="$NODE_NAME" --root-dir="$dir/kubelet" --cert-dir="$dir/kubelet/pki"
  wait_for "node $NODE_NAME Ready" 120 kubelet node_ready
  log "node $NODE_NAME Ready"
  wait_for "default service account" 60 kube-controller-manager api /api/v1/namespaces/default/serviceaccounts/default
  local p
  for p in etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet; do
    alive "$p" || fail "$p died during start-up: $(tail -n 3 "$LOGS/$p.log" | tr '\n' ' ' | cut -c1-400)"
  done
  trap - ERR INT TERM HUP
  UP_ACTIVE=0
  log "cluster $id up (kubernetes $v) in $((SECONDS - T0))s"
  printf '%s\n' "$dir/kubeconfig"
}

do_status() {
  local cur p n
  cur="$(cat "$RUN/current" 2>/dev/null || true)"
  if [ -z "$cur" ]; then
    echo "no local cluster running"
    n="$(stray_pids | wc -l)"; [ "$n" = 0 ] || echo "WARNING: $n leftover process(es); run: cluster.sh down"
    return 0
  fi
  echo "cluster: $cur (kubernetes $(k8s_version_of "$cur"))"
  echo "kubeconfig: $RUN/$cur/kubeconfig"
  for p in etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet; do
    if alive "$p"; then echo "$p: running (pid $(cat "$(pidfile "$p")"))"; else echo "$p: NOT running"; fi
  done
  if node_ready 2>/dev/null; then echo "node $NODE_NAME: Ready"; else echo "node $NODE_NAME: not Ready"; fi
}

# ---------------------------------------------------------------- main
# (everything is in functions and the last line runs main: editing this file
# while it runs cannot make bash read a half-changed script)
main() {
  LOGS="$RUN/logs"
  case "$CMD" in
    build) check_id "${2:-}"; build_all "$2"; log "build of $2 complete" ;;
    prefetch) check_id "${2:-}"; PREFETCH_ONLY=1 build_k8s "$(k8s_version_of "$2")" ;;  # modules only
    images) need_deps; mkdir -p "$SC_CACHE/tmp"; build_images "" ;;  # busybox + dind only (no k8s version)
    up) check_id "${2:-}"; do_up "$2" ;;
    down)
      [ -z "${2:-}" ] || check_id "$2"
      mkdir -p "$RUN"; exec 9>"$SC_CACHE/cluster.lock"; flock -w 300 9 || die "another cluster.sh up/down is running"
      cur="$(cat "$RUN/current" 2>/dev/null || true)"
      if [ -n "${2:-}" ] && [ -n "$cur" ] && [ "$cur" != "$2" ]; then
        log "cluster $cur is running, not $2: left as it is (cluster.sh down without an id stops any)"
        exit 0
      fi
      do_down 0 || die "some processes could not be stopped; see: cluster.sh status" ;;
    status) do_status ;;
    pids) # every process of the local cluster (control plane, containerd, shims, pod processes)
      { for p in etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet; do
          if alive "$p"; then cat "$(pidfile "$p")"; fi; done; stray_pids; pod_pids; } | sort -un ;;
    kubeconfig) check_id "${2:-}"; printf '%s\n' "$RUN/$2/kubeconfig" ;;
    *) usage ;;
  esac
}

main "$@"; exit $?
