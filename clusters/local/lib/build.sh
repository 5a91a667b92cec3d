# shellcheck shell=bash
# clusters/local/lib/build.sh: Kubernetes, etcd, containerd and runc from the Go module proxy,
# cached per version under $SC_CACHE/{k8s,etcd,containerd,runc}/<version>/ (one build lock).
# Sourced by cluster.sh (uses its constants, log, die).

# ---------------------------------------------------------------- deps
need_deps() {
  local missing=() t
  for t in go gcc openssl containerd ctr runc containerd-shim-runc-v2 iptables ip nsenter \
           perl dockerd /usr/bin/docker /usr/sbin/haproxy jq curl /bin/busybox /usr/lib/cni/bridge /usr/lib/cni/host-local /usr/lib/cni/loopback; do
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

# The go.mod of a wrapper module <name> that requires k8s.io/kubernetes@$v: every staging module
# (relative replace in upstream's go.mod, $MODDL_GOMOD from moddl) replaced with v0.Y.Z, upstream's
# go line and GODEBUG defaults kept. Also used by clusters/e2e/e2e.sh (e2e.test, agnhost).
k8s_gomod() { # version module-name
  local v=$1 minor staging_ver
  minor="$(minor_of "$v")"
  staging_ver="v0.${v#v1.}"
  echo "module $2"
  echo
  grep -E '^go [0-9]' "$MODDL_GOMOD"
  # keep upstream's GODEBUG defaults (single line or block form)
  awk '/^godebug \(/{b=1} b{print} b&&/^\)/{b=0} /^godebug [^(]/{print}' "$MODDL_GOMOD"
  echo
  echo "require k8s.io/kubernetes $v"
  echo
  echo "replace ("
  sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._/-]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' "$MODDL_GOMOD" |
    sort -u | while read -r m; do printf '\t%s => %s %s\n' "$m" "$m" "$staging_ver"; done
  echo ")"
  # extra requirements / replaces needed on a newer Go (see README "old versions")
  if [ -f "$HERE/build-fixes/$minor.mod" ]; then cat "$HERE/build-fixes/$minor.mod"; fi
}

# -ldflags stamping version $v (commit and date from moddl's $MODDL_HASH, $MODDL_TIME), as upstream's builds do.
k8s_ldflags() { # version
  local v=$1 minor p ldflags="-s -w"
  minor="$(minor_of "$v")"
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $p.gitVersion=$v -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitCommit=${MODDL_HASH:-0000000000000000000000000000000000000000}"
    ldflags+=" -X $p.gitTreeState=clean -X $p.buildDate=${MODDL_TIME:-1970-01-01T00:00:00Z}"
  done
  if [ -f "$HERE/build-fixes/$minor.ldflags" ]; then ldflags+=" $(cat "$HERE/build-fixes/$minor.ldflags")"; fi
  printf '%s' "$ldflags"
}

# Generates the wrapper module for k8s.io/kubernetes@$v in $dir/src.
k8s_wrapper() { # version dir kdir
  local v=$1 dir=$2 kdir=$3
  local src="$dir/src"
  rm -rf "$src"; mkdir -p "$src"
  k8s_gomod "$v" sidecar-conformance.local/kube >"$src/go.mod"
  local c f pkg alias fn
  for c in kube-apiserver kube-controller-manager kube-scheduler kubelet; do
    f="$(grep -l '^func main()' "$kdir/cmd/$c"/*.go | sed -n 1p)"
    [ -n "$f" ] || die "no main() in $kdir/cmd/$c"
    pkg="k8s.io/kubernetes/cmd/$c/app"
    alias="$(tr -d '-' <<<"$c")app"
    fn="main_$(tr '-' '_' <<<"$c")"
    sed -e "s#^\([[:space:]]*\)\"$pkg\"#\1$alias \"$pkg\"#" \
        -e "/^import/,/^)/!s#\\<app\\.#$alias.#g" \
        -e "s#^func main()#func $fn()#" "$f" >"$src/$c.go"
  done
  # kubeadm, kubectl and kube-proxy (clusters/kind's node images): built from the same module graph,
  # so tidy must see their imports (a tools file is never compiled)
  printf '//go:build tools\n\npackage main\n\nimport (\n\t_ "k8s.io/kubernetes/cmd/kubeadm"\n\t_ "k8s.io/kubernetes/cmd/kubectl"\n\t_ "k8s.io/kubernetes/cmd/kube-proxy"\n)\n' >"$src/tools.go"
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

# kubeadm, kubectl, kube-proxy of <version> (what a kubeadm node needs besides the multi-call binary),
# from the same wrapper module and Go build cache as build_k8s, into the same bin/. The local
# cluster does not need them; clusters/kind/kind.sh does.
build_k8s_tools() { # version
  local v=$1 dir c
  dir="$(k8s_dir "$v")"
  [ -f "$dir/bin/.tools-complete" ] && return 0
  build_k8s "$v"
  exec 7>"$dir/tools.lock"
  flock 7
  if [ -f "$dir/bin/.tools-complete" ]; then flock -u 7; return 0; fi
  moddl "k8s.io/kubernetes@$v"
  if [ ! -f "$dir/src/tools.go" ]; then
    k8s_wrapper "$v" "$dir" "$MODDL_DIR"
    run_step "kubernetes $v: resolving module graph (kubeadm, kubectl, kube-proxy)" "$dir/logs/mod-tools.log" \
      bash -c "cd '$dir/src' && go mod tidy -e"
  fi
  run_step "kubernetes $v: building kubeadm, kubectl, kube-proxy" "$dir/logs/build-tools.log" \
    env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -tags providerless -ldflags '$(k8s_ldflags "$v")' -o '$dir/bin/tools.tmp/' k8s.io/kubernetes/cmd/kubeadm k8s.io/kubernetes/cmd/kubectl k8s.io/kubernetes/cmd/kube-proxy"
  for c in kubeadm kubectl kube-proxy; do mv -f "$dir/bin/tools.tmp/$c" "$dir/bin/$c"; done
  rmdir "$dir/bin/tools.tmp"
  "$dir/bin/kubeadm" version -o short >&2
  touch "$dir/bin/.tools-complete"
  flock -u 7
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
  local ldflags p
  ldflags="$(k8s_ldflags "$v")"
  run_step "kubernetes $v: resolving module graph" "$dir/logs/mod.log" \
    bash -c "cd '$dir/src' && go mod tidy -e"
  [ "${PREFETCH_ONLY:-0}" = 1 ] && return 0
  run_step "kubernetes $v: compiling+linking multi-call binary (long on a cold cache)" "$dir/logs/build.log" \
    env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -tags providerless -ldflags '$ldflags' -o '$dir/bin/kube.tmp' ."
  mv -f "$dir/bin/kube.tmp" "$dir/bin/kube"
  for p in kube-apiserver kube-controller-manager kube-scheduler kubelet; do ln -sfn kube "$dir/bin/$p"; done
  # pause, from the same module's build/pause
  local ptag
  ptag="$(sed -n 's/^TAG ?= *//p' "$kdir/build/pause/Makefile" | sed -n 1p)"
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

build_etcd() { # version
  local ev=$1 dir="$SC_CACHE/etcd/$1"
  if [ -x "$dir/bin/etcd" ]; then return 0; fi
  mkdir -p "$dir/src" "$dir/bin" "$dir/logs"
  cat >"$dir/src/go.mod" <<EOF
module sidecar-conformance.local/etcd

go 1.23

require go.etcd.io/etcd/server/v3 $ev
EOF
  cat >"$dir/src/main.go" <<'GO'
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() { etcdmain.Main(os.Args) }
GO
  run_step "etcd $ev: resolving module graph" "$dir/logs/mod.log" \
    bash -c "cd '$dir/src' && go mod tidy -e"
  run_step "etcd $ev: building" "$dir/logs/build.log" \
    env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -ldflags '-s -w' -o '$dir/bin/etcd.tmp' ."
  mv -f "$dir/bin/etcd.tmp" "$dir/bin/etcd"
}

# A wrapper module that requires <module>@<version> and names the main packages
# to build in a tools.go, so that `go mod tidy` records their dependencies.
tool_wrapper() { # dir name module version pkg...
  local dir=$1 name=$2 mod=$3 ver=$4 p; shift 4
  rm -rf "$dir/src"; mkdir -p "$dir/src"
  printf 'module sidecar-conformance.local/%s\n\ngo 1.24\n\nrequire %s %s\n' "$name" "$mod" "$ver" >"$dir/src/go.mod"
  { printf '//go:build tools\n\npackage tools\n\nimport (\n'
    for p in "$@"; do printf '\t_ "%s"\n' "$p"; done
    printf ')\n'; } >"$dir/src/tools.go"
}

# containerd 2.x: daemon, runc shim and ctr, static (no cgo: no btrfs/devmapper snapshotters).
# Version stamped like upstream's Makefile (version.Version = the tag, version.Revision = the commit).
build_containerd() { # version
  local cv=$1 dir="$SC_CACHE/containerd/$1" m=github.com/containerd/containerd/v2
  if [ -f "$dir/bin/.complete" ]; then return 0; fi
  mkdir -p "$dir/bin" "$dir/logs"
  moddl "$m@$cv"
  tool_wrapper "$dir" containerd "$m" "$cv" "$m/cmd/containerd" "$m/cmd/containerd-shim-runc-v2" "$m/cmd/ctr"
  local ld="-s -w -X $m/version.Version=$cv -X $m/version.Revision=${MODDL_HASH:-unknown} -X $m/version.Package=$m"
  run_step "containerd $cv: resolving module graph" "$dir/logs/mod.log" bash -c "cd '$dir/src' && go mod tidy -e"
  run_step "containerd $cv: building containerd, containerd-shim-runc-v2, ctr" "$dir/logs/build.log" \
    env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -tags 'no_btrfs no_devmapper no_zfs no_aufs' -ldflags '$ld' -o '$dir/bin/' $m/cmd/containerd $m/cmd/containerd-shim-runc-v2 $m/cmd/ctr"
  "$dir/bin/containerd" --version >&2
  touch "$dir/bin/.complete"
}

# runc with seccomp support (-tags seccomp: cgo against Debian's libseccomp, as upstream's
# release builds do), so RuntimeDefault seccomp profiles are enforced as on real nodes.
build_runc() { # version
  local rv=$1 dir="$SC_CACHE/runc/$1" m=github.com/opencontainers/runc
  if [ -f "$dir/bin/.complete" ]; then return 0; fi
  [ -f /usr/include/seccomp.h ] || die "libseccomp-dev missing (runc is built with seccomp); run: sudo bash .ci/install-local-cluster-deps.sh"
  mkdir -p "$dir/bin" "$dir/logs"
  moddl "$m@$rv"
  tool_wrapper "$dir" runc "$m" "$rv" "$m"
  run_step "runc $rv: resolving module graph" "$dir/logs/mod.log" bash -c "cd '$dir/src' && go mod tidy -e"
  run_step "runc $rv: building (seccomp)" "$dir/logs/build.log" \
    env CGO_ENABLED=1 bash -c "cd '$dir/src' && go build -trimpath -buildmode=pie -tags 'seccomp urfave_cli_no_docs' -ldflags '-s -w -X main.gitCommit=${MODDL_HASH:-unknown}' -o '$dir/bin/runc' $m"
  "$dir/bin/runc" --version >&2
  touch "$dir/bin/.complete"
}

# Paths of the runtime of <id> (sets CTRD_BIN, SHIM_DIR, CTR_BIN, RUNC_BIN, CTRD_ROOT).
# containerd's root (its image store) is per containerd version: a 2.x store must never be
# opened by 1.6 again; Debian's has no suffix. Under $CTRD_ROOT_BASE: each local instance has its own (instance.sh).
# shellcheck disable=SC2034 # read by runtime.sh and procs.sh
runtime_paths() { # id
  local cv rv
  cv="$(containerd_of "$1")"; rv="$(runc_of "$1")"
  if [ "$cv" = debian ]; then
    CTRD_BIN=/usr/bin/containerd; SHIM_DIR=/usr/bin; CTR_BIN=/usr/bin/ctr
    CTRD_ROOT="${CTRD_ROOT_BASE:-$SC_CACHE/containerd-root}"
  else
    CTRD_BIN="$SC_CACHE/containerd/$cv/bin/containerd"; SHIM_DIR="$SC_CACHE/containerd/$cv/bin"
    CTR_BIN="$SC_CACHE/containerd/$cv/bin/ctr"; CTRD_ROOT="${CTRD_ROOT_BASE:-$SC_CACHE/containerd-root}-$cv"
  fi
  if [ "$rv" = debian ]; then RUNC_BIN=/usr/sbin/runc; else RUNC_BIN="$SC_CACHE/runc/$rv/bin/runc"; fi
}

built() { # id: everything <id> needs is in the cache
  local v kb cv rv
  v="$(k8s_version_of "$1")"; kb="$(k8s_dir "$v")/bin"; cv="$(containerd_of "$1")"; rv="$(runc_of "$1")"
  # a cached build whose pause tag the table contradicts is not "built": build_all names the mismatch
  [ -f "$kb/.complete" ] && [ "$(cat "$kb/pause.tag" 2>/dev/null)" = "$(pause_of "$1")" ] &&
    [ -x "$SC_CACHE/etcd/$(etcd_of "$1")/bin/etcd" ] &&
    { [ "$cv" = debian ] || [ -f "$SC_CACHE/containerd/$cv/bin/.complete" ]; } &&
    { [ "$rv" = debian ] || [ -f "$SC_CACHE/runc/$rv/bin/.complete" ]; } &&
    [ -f "$SC_CACHE/images/pause-$(cat "$kb/pause.tag").tar.id" ] &&
    [ -f "$SC_CACHE/images/busybox-$(prop busybox | sed 's/.*://').tar.id" ] &&
    [ -f "$SC_CACHE/images/dind-$(prop dind | sed 's/.*://').tar.id" ] &&
    [ "$(cat "$SC_CACHE/images/dind-$(prop dind | sed 's/.*://').tar.recipe" 2>/dev/null)" = "$DIND_RECIPE" ] &&
    [ -f "$SC_CACHE/images/proxy-$(prop proxy | sed 's/.*://').tar.id" ] &&
    [ "$(cat "$SC_CACHE/images/proxy-$(prop proxy | sed 's/.*://').tar.recipe" 2>/dev/null)" = "$PROXY_RECIPE" ]
}

build_all() { # id
  local id=$1 v cv rv
  v="$(k8s_version_of "$id")"; cv="$(containerd_of "$id")"; rv="$(runc_of "$id")"
  need_deps
  mkdir -p "$SC_CACHE/tmp"
  # fast path (no lock: another version may be building): everything is cached
  built "$id" && return 0
  # what the build runs (a private containerd importing images, --version checks) is no cluster's stray
  # (procs.sh: stray_pids); unset below, so that a cluster `up` starts after its build is not marked
  export SC_BUILDING=1
  exec 8>"$SC_CACHE/build.lock"
  flock 8
  build_etcd "$(etcd_of "$id")"
  build_k8s "$v"
  local ptag; ptag="$(cat "$(k8s_dir "$v")/bin/pause.tag")"
  [ "$ptag" = "$(pause_of "$id")" ] || die "$v's build/pause/Makefile says pause $ptag, $VERSIONS_TSV says $(pause_of "$id") for $id; correct the table"
  [ "$cv" = debian ] || build_containerd "$cv"
  [ "$rv" = debian ] || build_runc "$rv"
  build_images "$v"
  flock -u 8
  unset SC_BUILDING
}
