# shellcheck shell=bash
# clusters/local/lib/images.sh: image tarballs without a registry or docker daemon, imported with ctr: sourced by cluster.sh (uses its constants, log, die)

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
  local bref dref pref have
  bref="$(prop busybox)"; dref="$(prop dind)"; pref="$(prop proxy)"
  # the tags in images.properties must be what Debian's packages here really are
  # (sed reads all of busybox's output: `| head -n1` could kill busybox with SIGPIPE under pipefail)
  have="$(/bin/busybox 2>/dev/null | sed -n '1s/^BusyBox v\([0-9.]*\).*/\1/p')"
  [ "$have" = "${bref##*:}" ] || die "busybox-static here is ${have:-missing}, images.properties says ${bref##*:}; update images.properties or install busybox-static ${bref##*:}"
  have="$(dpkg-query -W -f='${Version}' docker.io 2>/dev/null | sed 's/^[0-9]*://; s/[+~-].*//')"
  [ "$have" = "${dref##*:}" ] || die "docker.io here is ${have:-missing}, images.properties says ${dref##*:}; update images.properties or install docker.io ${dref##*:}"
  have="$(dpkg-query -W -f='${Version}' haproxy 2>/dev/null | sed 's/^[0-9]*://; s/[+~-].*//')"
  [ "$have" = "${pref##*:}" ] || die "haproxy here is ${have:-missing}, images.properties says ${pref##*:}; update images.properties or install haproxy ${pref##*:}"
  if [ ! -f "$idir/busybox-${bref##*:}.tar.id" ]; then
    local r; r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
    get_busybox
    busybox_applets "$r" "$BUSYBOX"
    add_gnu_date "$r"
    check_rootfs "$r"
    mk_image "$r" "$bref" "$idir/busybox-${bref##*:}.tar" 'null' '["sh"]'
    rm -rf "$r"; log "image $bref written"
  fi
  if [ ! -f "$idir/dind-${dref##*:}.tar.id" ] || [ "$(cat "$idir/dind-${dref##*:}.tar.recipe" 2>/dev/null)" != "$DIND_RECIPE" ]; then
    build_dind_image "$dref" "$idir/dind-${dref##*:}.tar"
    printf '%s\n' "$DIND_RECIPE" >"$idir/dind-${dref##*:}.tar.recipe"
    log "image $dref written"
  fi
  if [ ! -f "$idir/proxy-${pref##*:}.tar.id" ] || [ "$(cat "$idir/proxy-${pref##*:}.tar.recipe" 2>/dev/null)" != "$PROXY_RECIPE" ]; then
    build_proxy_image "$pref" "$idir/proxy-${pref##*:}.tar"
    printf '%s\n' "$PROXY_RECIPE" >"$idir/proxy-${pref##*:}.tar.recipe"
    log "image $pref written"
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

# The dind image's recipe: bumped when what goes into it changes, so that a cached image of an older recipe is rebuilt.
# 2: the stand-in dockerd-entrypoint.sh as the entrypoint, as docker:dind has it, and an empty /home/runner/externals,
#    for users' own pods (-Dworkload).
# 3: the stand-in removes stale pid files with find -exec rm (busybox's find has no -delete).
DIND_RECIPE=3

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
  # Stand-in for the public images of users' own pods (docker:dind's entrypoint; the ARC runner's externals folder)
  install -D -m 0755 "$REPO/clusters/local/images/dockerd-entrypoint.sh" "$r/usr/local/bin/dockerd-entrypoint.sh"
  mkdir -p "$r/home/runner/externals"
  # docker:dind's entrypoint and command (the suite's own containers always set their command)
  mk_image "$r" "$ref" "$out" '["dockerd-entrypoint.sh"]' 'null'
  rm -rf "$r"
}

# The proxy image's recipe, as DIND_RECIPE: bumped when what goes into it changes.
# 1: busybox + GNU date + Debian's haproxy with its libraries.
PROXY_RECIPE=1

# busybox (the suite's scripts) and Debian's HAProxy: the proxy sidecar (src/main/resources/scripts/proxy.sh runs it).
build_proxy_image() { # ref out
  local ref=$1 out=$2 r
  [ -x /usr/sbin/haproxy ] || die "/usr/sbin/haproxy missing (Debian haproxy); run: sudo bash .ci/install-local-cluster-deps.sh"
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
  get_busybox
  busybox_applets "$r" "$BUSYBOX"
  add_gnu_date "$r"
  check_rootfs "$r"
  copy_with_libs "$r" /usr/sbin/haproxy
  # where the public haproxy image reads its configuration (its command below, as that image runs it)
  mkdir -p "$r/usr/local/etc/haproxy"
  local out_v
  out_v="$(chroot "$r" /usr/sbin/haproxy -v 2>&1)" || die "haproxy does not run in the proxy image's rootfs: $out_v"
  mk_image "$r" "$ref" "$out" 'null' '["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]'
  rm -rf "$r"
}

# The suite's own images (images.properties), in the order every cluster takes them; pause comes with each build.
suite_image_refs() { prop busybox; prop dind; prop proxy; }
# The tarball build_images writes for an image <registry>/<path>/<name>:<tag>: $SC_CACHE/images/<name>-<tag>.tar
image_tar() { printf '%s/images/%s-%s.tar' "$SC_CACHE" "$(basename "${1%%:*}")" "${1##*:}"; }
# every suite image's tarball written (build_images writes <tar>.id last)
suite_images_built() {
  local ref refs
  mapfile -t refs < <(suite_image_refs)
  for ref in "${refs[@]}"; do [ -f "$(image_tar "$ref").id" ] || return 1; done
}

# imports a tarball unless containerd has <ref> from it already (a label records the image config digest)
import_image() { # ref tarball
  local want; want="sc.id=$(cat "$2.id")"
  ctr_ -n k8s.io images ls 2>/dev/null | awk '{print $1 "|" $NF}' | grep -F "$1|" | grep -qE "[|,]$want(,|\$)" && return 0
  ctr_ -n k8s.io images import "$2" >>"$LOGS/images.log" 2>&1 || return 1
  ctr_ -n k8s.io images label "$1" "$want" >>"$LOGS/images.log" 2>&1 || return 1
}

import_images() { # kbin
  local ref refs
  mapfile -t refs < <(suite_image_refs)
  for ref in "localhost/sidecar-conformance/pause:$(cat "$1/pause.tag")" "${refs[@]}"; do
    import_image "$ref" "$(image_tar "$ref")" || return 1
  done
}
