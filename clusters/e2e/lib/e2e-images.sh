# shellcheck shell=bash
# clusters/e2e/lib/e2e-images.sh: the images upstream's focused tests need, each built for real from source
# and named for what it is, or not made at all (the tests that need it then fail with the reason recorded).
# Sourced by e2e.sh (uses lib/images.sh's mk_image, busybox_applets, copy_with_libs, import_image).
#
#   agnhost:<tag>   agnhost built from the k8s.io/kubernetes module whose test/images/agnhost/VERSION is <tag>
#                   (the e2e version's own module, else another version of the list, else a pre-release named in
#                   AGNHOST_PRERELEASES); upstream's image puts it on
#                   alpine 3.16 with curl, nc, dig, iperf, bash, coredns: ours on Debian's busybox-static applets,
#                   Debian's curl and bash (the focused tests exec sh, curl and bash in it), /agnhost-2, porter's
#                   certificate, /uploads and the user and group upstream's Dockerfile adds.
#   busybox:<tag>   upstream's is BusyBox <release> as released (docker's busybox image): ours is BusyBox compiled
#                   (defconfig, static) from the source lib/sources.sh obtains: that release where a git clone the
#                   user names or a Debian suite has it, else the newest release Debian has, recorded as a stand-in
#                   in <image>.source. Releases that call stime() (1.29.3; glibc 2.31 removed it) are linked
#                   against musl (musl-tools).
#   nginx:<tag>     upstream's is docker's nginx <release>-alpine (1.14-4: nginx 1.14, i.e. 1.14.2; 1.15-4: 1.15.12;
#                   1.27.0-2: 1.27.0): ours is nginx compiled (static; no PCRE, so without the rewrite module) from
#                   the source lib/sources.sh obtains, the same way, with Debian's busybox-static applets for sh,
#                   and docker's nginx image's paths and command.
#   pause:<tag>     the pause image of a version of the list whose build/pause TAG is <tag> (usually the cluster's
#                   own; 1.33.13's e2e manifest names 3.10 while its build/pause says 3.10.1).
# Any other image the focused tests name is reported, not made.

# e2e.test's image list (registries mapped to ours): lines "<id> <ref>" for the images we make
e2e_image_refs() { # version
  local bin repo
  bin="$(e2e_dir "$1")/bin"
  repo="$(mktemp "$SC_CACHE/tmp/repo-list.XXXXXX")"
  repo_list >"$repo"
  KUBE_TEST_REPO_LIST="$repo" "$bin/e2e.test" --list-images 2>/dev/null |
    awk -v e="$E2E_REGISTRY/" -v p="$PAUSE_REGISTRY/pause:" \
      'index($0, e "agnhost:") == 1 {print "agnhost " $0} index($0, e "busybox:") == 1 {print "busybox " $0}
       index($0, e "nginx:") == 1 {print "nginx " $0} index($0, p) == 1 {print "pause " $0}'
  rm -f "$repo"
}

repo_list() {
  printf 'promoterE2eRegistry: %s\ngcRegistry: %s\n' "$E2E_REGISTRY" "$PAUSE_REGISTRY"
}

image_tar() { printf '%s/images/e2e-%s-%s.tar' "$SC_CACHE" "$1" "$2"; }  # name tag

# agnhost tags that e2e manifests name and no release of the list carries: a release branch's manifest was bumped
# to an image built from master. Each is the k8s.io/kubernetes pre-release (served by the module proxy) whose
# test/images/agnhost/VERSION is that tag. 2.47, named by 1.28.15, 1.29.15 and 1.30.14 (whose VERSION files say
# 2.45, 2.45, 2.48): v1.30.0-alpha.2 says 2.46, v1.30.0-alpha.3 2.47, v1.30.0-beta.0 2.48.
AGNHOST_PRERELEASES="v1.30.0-alpha.3"

# The k8s.io/kubernetes version whose agnhost is <tag>: the e2e version's own, else one of the list's, else one
# of AGNHOST_PRERELEASES.
agnhost_source() { # e2e-version tag
  local v
  for v in "$1" $(ids | while read -r i; do k8s_version_of "$i"; echo; done | sort -u) $AGNHOST_PRERELEASES; do
    moddl "k8s.io/kubernetes@$v" >/dev/null 2>&1 || continue
    if [ "$(cat "$MODDL_DIR/test/images/agnhost/VERSION" 2>/dev/null)" = "$2" ]; then printf '%s' "$v"; return 0; fi
  done
  return 1
}

# The agnhost image's recipe: bumped when what goes into it changes, so that an image of an older recipe in the
# cache is made again (1: busybox applets and curl; 2: and bash).
AGNHOST_RECIPE=2

build_agnhost_image() { # e2e-version tag ref
  local tag=$2 ref=$3 out v dir r
  out="$(image_tar agnhost "$tag")"
  [ -f "$out.id" ] && [ "$(cat "$out.recipe" 2>/dev/null)" = "$AGNHOST_RECIPE" ] && return 0
  v="$(agnhost_source "$1" "$tag")" || { log "agnhost $tag: no module of the list has test/images/agnhost/VERSION $tag: not made"; return 0; }
  dir="$SC_CACHE/e2e/agnhost/$tag"
  if [ ! -x "$dir/bin/agnhost" ]; then
    mkdir -p "$dir/src" "$dir/bin" "$dir/logs"
    moddl "k8s.io/kubernetes@$v"
    k8s_gomod "$v" sidecar-conformance.local/agnhost >"$dir/src/go.mod"
    printf '//go:build tools\n\npackage tools\n\nimport _ "k8s.io/kubernetes/test/images/agnhost"\n' >"$dir/src/tools.go"
    run_step "agnhost $tag (from $v): resolving module graph" "$dir/logs/mod.log" bash -c "cd '$dir/src' && go mod tidy -e"
    run_step "agnhost $tag (from $v): building" "$dir/logs/build.log" \
      env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -ldflags '-s -w' -o '$dir/bin/agnhost.tmp' k8s.io/kubernetes/test/images/agnhost"
    cp "$MODDL_DIR/test/images/agnhost/porter/localhost.crt" "$MODDL_DIR/test/images/agnhost/porter/localhost.key" "$dir/bin/"
    mv -f "$dir/bin/agnhost.tmp" "$dir/bin/agnhost"
  fi
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
  busybox_applets "$r" /bin/busybox
  copy_with_libs "$r" /usr/bin/curl
  # upstream's image installs bash, and tests exec it: Probing container's "should mark readiness on pods to false
  # and disable liveness probes while pod is in progress of terminating" runs /bin/bash -c (1.37's full selection
  # failed there: "exec: /bin/bash: no such file or directory")
  copy_with_libs "$r" /bin/bash
  cp "$dir/bin/agnhost" "$dir/bin/localhost.crt" "$dir/bin/localhost.key" "$r/"
  ln -s agnhost "$r/agnhost-2"
  mkdir -p "$r/uploads" "$r/home/user-defined-in-image"
  printf 'user-defined-in-image:x:1000:1000::/home/user-defined-in-image:/bin/sh\n' >>"$r/etc/passwd"
  printf 'user-defined-in-image:x:1000:\ngroup-defined-in-image:x:50000:user-defined-in-image\n' >>"$r/etc/group"
  mk_image "$r" "$ref" "$out" '["/agnhost"]' '["pause"]'
  printf '%s\n' "$AGNHOST_RECIPE" >"$out.recipe"
  rm -rf "$r"
  log "image $ref written: agnhost $tag built from k8s.io/kubernetes@$v"
}

# The source of <program> for the image tag <tag> ("1.36.1-1": release 1.36.1) unpacked into a new temporary folder:
# sets SRC_DIR, SRC_VERSION, SRC_ORIGIN (lib/sources.sh); when none can be had, says so in one line and returns 1.
image_source() { # program tag
  SRC_DIR="$(mktemp -d "$SC_CACHE/tmp/$1-src.XXXXXX")"
  fetch_source "$1" "${2%-*}" "$SRC_DIR" && return 0
  log "$1 $2: $SRC_ORIGIN: not made"
  rm -rf "$SRC_DIR"
  return 1
}

build_busybox_image() { # tag ref
  local tag=$1 ref=$2 out ver dir src r
  out="$(image_tar busybox "$tag")"
  [ -f "$out.id" ] && return 0
  image_source busybox "$tag" || return 0
  src=$SRC_DIR ver=$SRC_VERSION
  dir="$SC_CACHE/e2e/busybox/$ver"
  if [ ! -x "$dir/bin/busybox" ]; then
    rm -rf "$dir/src"; mkdir -p "$dir/bin" "$dir/logs"; mv "$src" "$dir/src"
    run_step "busybox $ver: configuring (defconfig, static)" "$dir/logs/config.log" bash -c \
      "cd '$dir/src' && make defconfig && sed -i -e 's/^# CONFIG_STATIC is not set/CONFIG_STATIC=y/' -e 's/^CONFIG_TC=y/# CONFIG_TC is not set/' .config && yes '' | make oldconfig"
    local libc=glibc cc=()
    if grep -qw 'stime' "$dir/src/coreutils/date.c"; then
      # older releases (1.29.3; 1.31.1 still) call stime(), which glibc removed in 2.31: linked against musl instead, which has it
      # (docker's busybox images came as uclibc, glibc and musl builds of the same release). Debian's musl-dev has no
      # kernel headers and no crypt.h: the first from linux-libc-dev, the second declares nothing BusyBox uses
      # (CONFIG_USE_BB_CRYPT: its own crypt). The BusyBox source is not changed.
      command -v musl-gcc >/dev/null ||
        { log "busybox $ver: calls stime(), which this glibc lacks; install musl-tools to link it against musl: not made"; rm -rf "$dir/src"; return 0; }
      mkdir -p "$dir/musl-include"
      ln -sfn /usr/include/linux "$dir/musl-include/linux"; ln -sfn /usr/include/asm-generic "$dir/musl-include/asm-generic"
      ln -sfn /usr/include/mtd "$dir/musl-include/mtd"; ln -sfn "/usr/include/$(gcc -dumpmachine)/asm" "$dir/musl-include/asm"
      printf '/* musl declares crypt() in unistd.h */\n#include <unistd.h>\n' >"$dir/musl-include/crypt.h"
      libc=musl; cc=(CC=musl-gcc "EXTRA_CFLAGS=-isystem $dir/musl-include")
    fi
    printf '%s\n' "$libc" >"$dir/bin/libc"
    log "busybox $ver: compiling (static, $libc) ..."
    if ! (cd "$dir/src" && make -j2 "${cc[@]}" busybox) >"$dir/logs/build.log" 2>&1; then
      log "busybox $ver: does not build here ($(grep -m2 -E 'undefined reference|error:' "$dir/logs/build.log" | tr '\n' ' ' | cut -c1-200)): not made; log: $dir/logs/build.log"
      rm -rf "$dir/src"
      return 0
    fi
    "$dir/src/busybox" 2>&1 | sed -n 1p | grep -q "^BusyBox v$ver " || die "busybox $ver: the binary built from $SRC_ORIGIN does not say BusyBox v$ver"
    cp "$dir/src/busybox" "$dir/bin/busybox"
    rm -rf "$dir/src"
  fi
  rm -rf "$src"
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
  busybox_applets "$r" "$dir/bin/busybox"
  mk_image "$r" "$ref" "$out" 'null' '["sh"]'
  rm -rf "$r"
  printf 'BusyBox %s compiled from %s; static, %s, defconfig with CONFIG_TC off (tc is known not to build against newer kernel headers; no focused test uses it)\n' \
    "$ver" "$SRC_ORIGIN" "$(cat "$dir/bin/libc" 2>/dev/null || echo glibc)" >"$out.source"
  log "image $ref written: $(cat "$out.source")"
}

build_nginx_image() { # tag ref
  local tag=$1 ref=$2 out ver dir src r
  out="$(image_tar nginx "$tag")"
  [ -f "$out.id" ] && return 0
  image_source nginx "$tag" || return 0
  src=$SRC_DIR ver=$SRC_VERSION
  dir="$SC_CACHE/e2e/nginx/$ver"
  if [ ! -x "$dir/bin/nginx" ]; then
    rm -rf "$dir/src"; mkdir -p "$dir/bin" "$dir/logs"; mv "$src" "$dir/src"
    # a release tarball has ./configure; the git tree only auto/configure (the same script)
    local configure=./auto/configure
    [ -f "$dir/src/configure" ] && configure=./configure
    run_step "nginx $ver: configuring (static, no PCRE)" "$dir/logs/config.log" bash -c \
      "cd '$dir/src' && $configure --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --conf-path=/etc/nginx/nginx.conf \
        --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid \
        --lock-path=/var/run/nginx.lock --http-client-body-temp-path=/var/cache/nginx/client_temp \
        --http-proxy-temp-path=/var/cache/nginx/proxy_temp --http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp \
        --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp --http-scgi-temp-path=/var/cache/nginx/scgi_temp \
        --user=nginx --group=nginx --without-pcre --without-http_rewrite_module \
        --with-cc-opt='-Wno-error' --with-ld-opt='-static'"
    run_step "nginx $ver: compiling" "$dir/logs/build.log" bash -c "cd '$dir/src' && make -j2"
    "$dir/src/objs/nginx" -v 2>&1 | grep -q "nginx/$ver\$" || die "nginx $ver: the binary built from $SRC_ORIGIN does not say nginx/$ver"
    cp "$dir/src/objs/nginx" "$dir/bin/nginx"
    mkdir -p "$dir/bin/conf" "$dir/bin/html"
    cp "$dir/src/conf/"* "$dir/bin/conf/"
    cp "$dir/src/docs/html/"* "$dir/bin/html/" 2>/dev/null || cp "$dir/src/html/"* "$dir/bin/html/"
    rm -rf "$dir/src"
  fi
  rm -rf "$src"
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
  busybox_applets "$r" /bin/busybox
  mkdir -p "$r/usr/sbin" "$r/etc/nginx" "$r/usr/share/nginx/html" "$r/var/log/nginx" "$r/var/cache/nginx"
  cp "$dir/bin/nginx" "$r/usr/sbin/nginx"
  cp "$dir/bin/conf/"* "$r/etc/nginx/"
  cp "$dir/bin/html/"* "$r/usr/share/nginx/html/"
  # as docker's image: the server's root where its html is, logs to the container's output
  sed -i 's#^\([[:space:]]*\)root[[:space:]]*html;#\1root /usr/share/nginx/html;#' "$r/etc/nginx/nginx.conf"
  ln -s /dev/stdout "$r/var/log/nginx/access.log"; ln -s /dev/stderr "$r/var/log/nginx/error.log"
  printf 'nginx:x:101:101:nginx:/var/cache/nginx:/bin/false\n' >>"$r/etc/passwd"
  printf 'nginx:x:101:\n' >>"$r/etc/group"
  mk_image "$r" "$ref" "$out" 'null' '["nginx","-g","daemon off;"]'
  rm -rf "$r"
  printf 'nginx %s compiled from %s; static, without PCRE (so without the rewrite module), docker'"'"'s image'"'"'s paths and command\n' \
    "$ver" "$SRC_ORIGIN" >"$out.source"
  log "image $ref written: $(cat "$out.source")"
}

build_e2e_images() { # version
  local id ref
  while read -r id ref; do
    case $id in
      agnhost) build_agnhost_image "$1" "${ref##*:}" "$ref" ;;
      busybox) build_busybox_image "${ref##*:}" "$ref" ;;
      nginx) build_nginx_image "${ref##*:}" "$ref" ;;
    esac
  done < <(e2e_image_refs "$1")
}

# What the focused tests need: each image they name, and whether and how we make it.
e2e_images_plan() { # version
  local v=$1 kdir id ref f
  moddl "k8s.io/kubernetes@$v"; kdir="$MODDL_DIR"
  while read -r id ref; do
    case $id in
      pause) if [ -f "$SC_CACHE/images/pause-${ref##*:}.tar.id" ]; then printf '%s\tmade: pause.c of a build/pause whose TAG is %s\n' "$ref" "${ref##*:}"
             else printf '%s\tNOT made (no version of the list has build/pause TAG %s)\n' "$ref" "${ref##*:}"; fi ;;
      *) f="$(image_tar "$id" "${ref##*:}")"
         if [ -f "$f.source" ] && [ -f "$f.id" ]; then printf '%s\tmade: %s\n' "$ref" "$(cat "$f.source")"
         elif [ -f "$f.id" ]; then printf '%s\tmade: see clusters/e2e/lib/e2e-images.sh\n' "$ref"
         else printf '%s\tNOT made (tests that need it fail; e2e.sh build says why)\n' "$ref"; fi ;;
    esac
  done < <(e2e_image_refs "$v")
  # other images named in the focused tests' sources
  for f in $(focus_files); do [ -f "$kdir/test/e2e/$f" ] && grep -oh 'imageutils\.[A-Z][A-Za-z0-9]*' "$kdir/test/e2e/$f"; done |
    sort -u | sed 's/imageutils\.//' | grep -vxE 'Agnhost|BusyBox|Nginx|Pause|GetE2EImage|GetPauseImageName|ImageID|Config' |
    sed 's/$/\tnamed in the focused sources, not made (a test that needs it fails, unless the skip regex leaves it out)/' || true
}

# "<ref> <archive>" of every image made for the version's tests. The pause image e2e.test names may differ from the
# cluster's (1.33.13's manifest says 3.10, its build/pause 3.10.1): the pause image built from another version's
# build/pause with that tag, if there is one.
e2e_made_images() { # version
  local id ref f
  while read -r id ref; do
    if [ "$id" = pause ]; then f="$SC_CACHE/images/pause-${ref##*:}.tar"; else f="$(image_tar "$id" "${ref##*:}")"; fi
    [ -f "$f.id" ] && printf '%s %s\n' "$ref" "$f"
  done < <(e2e_image_refs "$1")
  return 0
}

e2e_image_archives() { # version -> one archive per line (each names its image: RepoTags)
  e2e_made_images "$1" | cut -d' ' -f2
}

# imports every made image into the running local cluster's containerd
import_e2e_images() { # version
  local ref f
  load_runtime
  while read -r ref f; do
    import_image "$ref" "$f" || die "importing $ref into containerd failed (log: $LOGS/images.log)"
  done < <(e2e_made_images "$1")
}
