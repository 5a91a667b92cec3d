# shellcheck shell=bash
# clusters/kind/lib/build.sh: everything a kind node needs, built here and cached under $SC_CACHE/kind:
#   cli/<kind>/bin/kind                 the kind CLI (module proxy)
#   coredns/<v>, local-path/<v>         CoreDNS and local-path-provisioner (module proxy)
#   base/<kind>/                        the base image: Debian (debootstrap) + kind's images/base/files
#   node/<k8s>/                         image archives, the kubernetes-server tarball, the node image's marker
# Kubernetes (+ kubeadm, kubectl, kube-proxy), etcd, containerd, runc, pause, busybox and dind come from
# clusters/local's functions and cache (sourced by kind.sh). Sourced by kind.sh (uses its constants, log, die).

LOCAL_PATH_VERSION=v0.0.30   # the newest github.com/rancher/local-path-provisioner the proxy serves
# Debian packages of the base image: kind's images/base/Dockerfile list (without nfs-common and
# open-iscsi: no NFS or iSCSI volumes here), plus Debian's CNI plugins (the CNI we install)
BASE_PACKAGES="systemd,conntrack,iptables,nftables,iproute2,ethtool,util-linux,mount,kmod,libseccomp2,pigz,fuse-overlayfs,bash,ca-certificates,curl,jq,procps,containernetworking-plugins"

kind_bin() { printf '%s/cli/%s/bin/kind' "$KC" "$KIND_VERSION"; }
base_image() { printf '%s/kind-base:%s-%s' "$IMG_REPO" "$KIND_VERSION" "$DEBIAN_SUITE"; }
node_image() { printf '%s/kind-node:%s' "$IMG_REPO" "$(k8s_version_of "$1")"; }
node_dir() { printf '%s/node/%s' "$KC" "$(k8s_version_of "$1")"; }

build_kind_cli() {
  local dir="$KC/cli/$KIND_VERSION"
  [ -x "$dir/bin/kind" ] && return 0
  mkdir -p "$dir/bin" "$dir/logs"
  run_step "kind $KIND_VERSION: building the CLI" "$dir/logs/build.log" \
    env CGO_ENABLED=0 GOBIN="$dir/bin" bash -c "cd '$SC_CACHE' && go install sigs.k8s.io/kind@$KIND_VERSION"
}

# a main package at a module's root (CoreDNS, local-path-provisioner), through clusters/local's tool_wrapper
build_go_tool() { # name module version binary
  local name=$1 m=$2 ver=$3 bin=$4 dir="$KC/$1/$3"
  [ -f "$dir/bin/.complete" ] && return 0
  mkdir -p "$dir/bin" "$dir/logs"
  moddl "$m@$ver"
  tool_wrapper "$dir" "$name" "$m" "$ver" "$m"
  run_step "$name $ver: resolving module graph" "$dir/logs/mod.log" bash -c "cd '$dir/src' && go mod tidy -e"
  run_step "$name $ver: building" "$dir/logs/build.log" \
    env CGO_ENABLED=0 bash -c "cd '$dir/src' && go build -trimpath -ldflags '-s -w' -o '$dir/bin/$bin' $m"
  touch "$dir/bin/.complete"
}

# The images kubeadm names for <k8s version>: "name tag" lines (kube-apiserver v1.31.4, etcd 3.5.15-0, ...)
kubeadm_images() { # k8s version
  "$(k8s_dir "$1")/bin/kubeadm" config images list --kubernetes-version "$1" 2>/dev/null |
    sed 's#.*/##' | tr ':' ' '
}
coredns_of() { kubeadm_images "$(k8s_version_of "$1")" | awk '$1 == "coredns" {print $2}'; }

# ---------------------------------------------------------------- base image
# Debian's apt source of this host (never a hard-coded mirror)
apt_mirror() {
  local u
  u="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v -- '-security' | sed -n 1p)"
  [ -n "$u" ] || u="$(awk '$1 == "deb" && $0 !~ /security/ {for (i = 2; i <= NF; i++) if ($i ~ /:\/\//) {print $i; exit}}' /etc/apt/sources.list 2>/dev/null)"
  [ -n "$u" ] || die "no Debian mirror in /etc/apt/sources.list(.d); debootstrap needs one"
  printf '%s' "$u"
}

# debootstrap can leave /proc (and others) mounted in the rootfs
rootfs_umount() { # rootfs
  local m
  for m in $({ grep -F " $1/" /proc/mounts || true; } | awk '{print $2}' | sort -r); do umount -l "$m" 2>/dev/null || true; done
}

build_base() {
  local dir="$KC/base/$KIND_VERSION-$DEBIAN_SUITE" ref kmod r
  ref="$(base_image)"
  if [ -f "$dir/.complete" ] && docker image inspect "$ref" >/dev/null 2>&1; then return 0; fi
  command -v debootstrap >/dev/null || { apt-get install -y -q debootstrap >&2 || die "debootstrap missing; run: apt-get install debootstrap"; }
  moddl "sigs.k8s.io/kind@$KIND_VERSION"; kmod="$MODDL_DIR"
  mkdir -p "$dir/logs"
  r="$dir/rootfs"
  if [ ! -f "$dir/.debootstrap-complete" ]; then
    rm -rf "$r"
    run_step "base image: debootstrap $DEBIAN_SUITE (minbase + kind's packages)" "$dir/logs/debootstrap.log" \
      debootstrap --variant=minbase --include="$BASE_PACKAGES" "$DEBIAN_SUITE" "$r" "$(apt_mirror)"
    touch "$dir/.debootstrap-complete"
  fi
  rootfs_umount "$r"
  log "base image: kind's images/base/files, containerd $NODE_CONTAINERD, runc $NODE_RUNC"
  local f="$kmod/images/base/files"
  install -m 0755 "$f"/usr/local/bin/* "$r/usr/local/bin/"
  mkdir -p "$r/kind/bin" "$r/LICENSES" "$r/etc/containerd" "$r/etc/default" "$r/etc/sysctl.d" \
           "$r/etc/systemd/system/kubelet.service.d" "$r/etc/kubernetes/manifests" "$r/opt/cni/bin"
  cp -r "$f/kind/." "$r/kind/"; chmod -R a+rX "$r/kind"; chmod 0755 "$r"/kind/bin/*
  install -m 0644 "$f"/etc/crictl.yaml "$r/etc/"
  install -m 0644 "$f"/etc/containerd/* "$r/etc/containerd/"
  install -m 0644 "$f"/etc/default/* "$r/etc/default/"
  install -m 0644 "$f"/etc/sysctl.d/* "$r/etc/sysctl.d/"
  install -m 0644 "$f"/etc/systemd/system/*.service "$f"/etc/systemd/system/*.slice "$r/etc/systemd/system/"
  install -m 0644 "$f"/etc/systemd/system/kubelet.service.d/* "$r/etc/systemd/system/kubelet.service.d/"
  # this host's bounding set lacks CAP_SYS_RESOURCE (dropped from the node by our runtime wrapper):
  # no negative OOM scores for containerd/journald, and containerd may not lower its containers' scores
  sed -i 's/^OOMScoreAdjust=.*/OOMScoreAdjust=0/' "$r/etc/systemd/system/containerd.service"
  mkdir -p "$r/etc/systemd/system/systemd-journald.service.d"
  printf '[Service]\nOOMScoreAdjust=0\n' >"$r/etc/systemd/system/systemd-journald.service.d/10-sc-no-oom-adjust.conf"
  sed -i 's/^\([[:space:]]*restrict_oom_score_adj\) = false/\1 = true/' "$r/etc/containerd/config.toml"
  grep -q 'restrict_oom_score_adj = true' "$r/etc/containerd/config.toml" || die "kind's containerd config has no restrict_oom_score_adj line to set"
  # the runtime: static containerd 2.x and runc built by clusters/local (kind's base builds the same from source)
  install -m 0755 "$SC_CACHE/containerd/$NODE_CONTAINERD"/bin/{containerd,containerd-shim-runc-v2,ctr} "$r/usr/local/bin/"
  install -m 0755 "$SC_CACHE/runc/$NODE_RUNC/bin/runc" "$r/usr/local/sbin/runc"
  "$r/usr/local/bin/ctr" oci spec |
    jq '.hooks.createContainer[.hooks.createContainer | length] |= . + {"path": "/kind/bin/mount-product-files.sh"}' |
    jq 'del(.process.rlimits)' >"$r/etc/containerd/cri-base.json"
  # `kind build node-image` fetches every image kubeadm and kind's manifests name that it did not build,
  # with `ctr content fetch` in the build container. Offline, a fetch is recorded instead: the node image
  # then lacks those images (kindnetd: we install our own CNI; kind's storage images: replaced by ours;
  # kubeadm's etcd/CoreDNS names: the cluster config points kubeadm at the images we built).
  mv -f "$r/usr/local/bin/ctr" "$r/usr/local/bin/ctr.real"
  cat >"$r/usr/local/bin/ctr" <<'SH'
#!/bin/sh
# sidecar-conformance: offline node-image build (see clusters/kind/lib/build.sh)
case " $* " in
  *" content fetch "*)
    for i in "$@"; do last=$i; done
    echo "$last" >>/kind/not-fetched-offline.txt
    exit 0 ;;
esac
exec /usr/local/bin/ctr.real "$@"
SH
  chmod 0755 "$r/usr/local/bin/ctr"
  ln -sf ctr.real "$r/usr/local/bin/ctr-real"
  # kind's containerd looks for CNI plugins in /opt/cni/bin
  local p
  for p in ptp bridge host-local portmap loopback; do ln -sf "/usr/lib/cni/$p" "$r/opt/cni/bin/$p"; done
  # the clean-up kind's Dockerfile does, then its systemctl calls (expanded in the chroot)
  # shellcheck disable=SC2016
  chroot "$r" /bin/sh -ec '
    find /lib/systemd/system/sysinit.target.wants/ -name "systemd-tmpfiles-setup.service" -delete
    rm -f /lib/systemd/system/multi-user.target.wants/* /etc/systemd/system/*.wants/* \
          /lib/systemd/system/local-fs.target.wants/* /lib/systemd/system/sockets.target.wants/*udev* \
          /lib/systemd/system/sockets.target.wants/*initctl* /lib/systemd/system/basic.target.wants/*
    grep -q "^ReadKMsg=no" /etc/systemd/journald.conf || echo "ReadKMsg=no" >>/etc/systemd/journald.conf
    ln -sf "$(command -v systemd)" /sbin/init
    systemctl enable kubelet.service containerd.service undo-mount-hacks.service
    systemctl mask systemd-binfmt.service
    apt-get clean; rm -rf /var/lib/apt/lists/* /var/cache/debconf/*-old /var/log/*.log' >>"$dir/logs/chroot.log" 2>&1 ||
    { rootfs_umount "$r"; die "base image: configuring the rootfs failed; see $dir/logs/chroot.log"; }
  rootfs_umount "$r"
  log "base image: importing into Docker as $ref"
  tar --numeric-owner -C "$r" -cf - . |
    docker import --change 'ENV container=docker' \
      --change 'ENTRYPOINT ["/usr/local/bin/entrypoint", "/sbin/init"]' - "$ref.import" >/dev/null ||
    die "docker import of the base rootfs failed"
  # docker 20.10's import --change rejects STOPSIGNAL: one Dockerfile line on top
  printf 'FROM %s\nSTOPSIGNAL SIGRTMIN+3\n' "$ref.import" |
    docker build -q -t "$ref" - >/dev/null 2>>"$dir/logs/docker-build.log" || die "docker build of the base image (STOPSIGNAL) failed"
  docker rmi "$ref.import" >/dev/null 2>&1 || true
  touch "$dir/.complete"
}

# ---------------------------------------------------------------- image archives for the node
# docker-archive with several images (manifest.json entries), from single-image archives:
# kind's tarball build reads four fixed archive names and imports every image in them.
merge_archives() { # out in.tar...
  local out=$1 w i l sum cfg names; shift
  w="$(mktemp -d "$SC_CACHE/tmp/merge.XXXXXX")"
  mkdir -p "$w/out"; echo '[]' >"$w/out/manifest.json"
  for i in "$@"; do
    rm -rf "$w/in"; mkdir -p "$w/in"
    tar -C "$w/in" -xf "$i"
    cfg="$(jq -r '.[0].Config' "$w/in/manifest.json")"
    cp "$w/in/$cfg" "$w/out/$cfg"   # config files are named by their digest
    names=()
    for l in $(jq -r '.[0].Layers[]' "$w/in/manifest.json"); do
      sum="$(sha256sum "$w/in/$l" | cut -d' ' -f1)"
      [ -f "$w/out/$sum.tar" ] || mv "$w/in/$l" "$w/out/$sum.tar"
      names+=("$sum.tar")
    done
    jq --slurpfile m "$w/in/manifest.json" '. + [$m[0][0] | .Layers = $ARGS.positional]' --args "${names[@]}" \
      <"$w/out/manifest.json" >"$w/m.tmp"
    mv -f "$w/m.tmp" "$w/out/manifest.json"
  done
  # names without "./" (kind looks for "manifest.json"), manifest first
  (cd "$w/out" && tar -cf "$out.tmp" manifest.json ./*[!t].json ./*.tar --transform 's#^\./##')
  mv -f "$out.tmp" "$out"
  rm -rf "$w"
}

# kube-proxy (iptables mode) needs iptables: Debian's xtables (legacy and nft) with their libraries, and a
# wrapper that uses the backend the node's kubelet uses (as upstream's kube-proxy image does)
kube_proxy_rootfs() { # rootfs kbin
  local r=$1 kb=$2 x l
  mkdir -p "$r/usr/local/bin" "$r/usr/sbin" "$r/bin" "$r/tmp" "$r/etc" "$r/run" "$r/var/run"
  cp "$kb/kube-proxy" "$r/usr/local/bin/kube-proxy"
  cp /bin/busybox "$r/bin/busybox"; ln -s busybox "$r/bin/sh"
  for x in /usr/sbin/xtables-legacy-multi /usr/sbin/xtables-nft-multi /usr/sbin/conntrack; do
    [ -x "$x" ] || die "$x missing (Debian iptables, conntrack); run: apt-get install iptables conntrack"
    copy_with_libs "$r" "$x"
  done
  mkdir -p "$r/usr/lib/x86_64-linux-gnu"; cp -a /usr/lib/x86_64-linux-gnu/xtables "$r/usr/lib/x86_64-linux-gnu/"
  for l in /usr/lib/x86_64-linux-gnu/xtables/*.so; do
    local d
    for d in $(ldd "$l" 2>/dev/null | grep -o '/[^ ]*' | sort -u); do
      [ -e "$r$d" ] || { mkdir -p "$r$(dirname "$d")"; cp -L "$d" "$r$d"; }
    done
  done
  cat >"$r/usr/sbin/iptables-wrapper" <<'SH'
#!/bin/sh
# the backend with more rules is the node's (kind's entrypoint decides the same way)
legacy=$( (xtables-legacy-multi iptables-save; xtables-legacy-multi ip6tables-save) 2>/dev/null | grep -c '^-')
nft=$( (xtables-nft-multi iptables-save; xtables-nft-multi ip6tables-save) 2>/dev/null | grep -c '^-')
if [ "${legacy:-0}" -ge "${nft:-0}" ]; then mode=legacy; else mode=nft; fi
exec "xtables-$mode-multi" "$(basename "$0")" "$@"
SH
  chmod 0755 "$r/usr/sbin/iptables-wrapper"
  for x in iptables iptables-save iptables-restore ip6tables ip6tables-save ip6tables-restore; do
    ln -sf iptables-wrapper "$r/usr/sbin/$x"
  done
  for x in basename grep; do ln -sf /bin/busybox "$r/bin/$x"; done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$r/etc/passwd"
}

node_archives() { # id
  local id=$1 v kb nd ev etag ptag ctag w r c
  v="$(k8s_version_of "$id")"; kb="$(k8s_dir "$v")/bin"; nd="$(node_dir "$id")"
  ev="$(etcd_of "$id")"; etag="${ev#v}"; ptag="$(cat "$kb/pause.tag")"; ctag="$(coredns_of "$id")"
  [ -n "$ctag" ] || die "kubeadm $v names no CoreDNS image"
  [ -f "$nd/.archives-complete" ] && return 0
  w="$nd/kubernetes/server/bin"; rm -rf "$nd/kubernetes" "$nd/parts"; mkdir -p "$w" "$nd/parts"
  log "node $v: image archives (control plane, kube-proxy, etcd $etag, CoreDNS $ctag, pause $ptag, local-path $LOCAL_PATH_VERSION)"
  # control plane: one layer shared by the three images (the multi-call binary and its names)
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"
  mkdir -p "$r/usr/local/bin" "$r/tmp"; chmod 1777 "$r/tmp"
  cp "$kb/kube" "$r/usr/local/bin/kube"
  for c in kube-apiserver kube-controller-manager kube-scheduler; do ln -s kube "$r/usr/local/bin/$c"; done
  for c in kube-apiserver kube-controller-manager kube-scheduler; do
    mk_image "$r" "registry.k8s.io/$c:$v" "$w/$c.tar" "[\"/usr/local/bin/$c\"]" 'null'
  done
  rm -rf "$r"
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"; kube_proxy_rootfs "$r" "$kb"
  mk_image "$r" "registry.k8s.io/kube-proxy:$v" "$nd/parts/kube-proxy.tar" '["/usr/local/bin/kube-proxy"]' 'null'; rm -rf "$r"
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"; mkdir -p "$r/usr/local/bin" "$r/var/lib/etcd" "$r/tmp"
  cp "$SC_CACHE/etcd/$ev/bin/etcd" "$r/usr/local/bin/etcd"
  mk_image "$r" "$IMG_REPO/etcd:$etag" "$nd/parts/etcd.tar" '["/usr/local/bin/etcd"]' 'null'; rm -rf "$r"
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"; mkdir -p "$r/etc/coredns" "$r/tmp"
  cp "$KC/coredns/$ctag/bin/coredns" "$r/coredns"
  mk_image "$r" "$IMG_REPO/coredns:$ctag" "$nd/parts/coredns.tar" '["/coredns"]' 'null'; rm -rf "$r"
  r="$(mktemp -d "$SC_CACHE/tmp/rootfs.XXXXXX")"; mkdir -p "$r/usr/local/bin" "$r/tmp" "$r/etc"
  cp "$KC/local-path/$LOCAL_PATH_VERSION/bin/local-path-provisioner" "$r/usr/local/bin/"
  mk_image "$r" "$IMG_REPO/local-path-provisioner:$LOCAL_PATH_VERSION" "$nd/parts/local-path.tar" '["local-path-provisioner"]' 'null'; rm -rf "$r"
  # kind imports every image of kube-proxy.tar: the images kubeadm and our manifests run travel with it
  merge_archives "$w/kube-proxy.tar" "$nd/parts/kube-proxy.tar" "$nd/parts/etcd.tar" "$nd/parts/coredns.tar" \
    "$SC_CACHE/images/pause-$ptag.tar" "$nd/parts/local-path.tar" "$SC_CACHE/images/busybox-$(prop busybox | sed 's/.*://').tar"
  rm -rf "$nd/parts"
  # kubeadm, kubelet, kubectl as regular files (kind's extraction skips symlinks)
  cp "$kb/kubeadm" "$kb/kubectl" "$w/"; cp -L "$kb/kubelet" "$w/kubelet"
  printf '%s\n' "$v" >"$nd/kubernetes/version"
  log "node $v: kubernetes-server tarball"
  tar -C "$nd" -cf - kubernetes | gzip -1 >"$nd/kubernetes-server-linux-amd64.tar.gz"
  rm -rf "$nd/kubernetes"
  touch "$nd/.archives-complete"
}

# Our CNI (kindnetd's source is not served): Debian's ptp + host-local + portmap, the plugin chain
# kindnetd itself writes, for the single node's pod range.
cni_conflist() {
  jq -n --arg subnet "$NODE_POD_CIDR" '{
    cniVersion: "0.4.0", name: "sc-ptp",
    plugins: [
      {type: "ptp", ipMasq: false, mtu: 1500,
       ipam: {type: "host-local", dataDir: "/run/cni-ipam-state", routes: [{dst: "0.0.0.0/0"}], ranges: [[{subnet: $subnet}]]}},
      {type: "portmap", capabilities: {portMappings: true}}]}'
}

build_node() { # id
  local id=$1 v nd ref ptag built
  v="$(k8s_version_of "$id")"; nd="$(node_dir "$id")"; ref="$(node_image "$id")"
  ptag="$(cat "$(k8s_dir "$v")/bin/pause.tag")"
  if [ -f "$nd/.complete" ] && [ "$(cat "$nd/.complete")" = "$(docker image inspect -f '{{.Id}}' "$ref" 2>/dev/null)" ]; then return 0; fi
  node_archives "$id"
  built="$ref-kind-build"
  run_step "node $v: kind build node-image" "$nd/build-node-image.log" \
    "$(kind_bin)" build node-image --type file --base-image "$(base_image)" --image "$built" "$nd/kubernetes-server-linux-amd64.tar.gz"
  # what kind's build could not fetch offline (recorded by the base image's ctr), then our changes on top:
  # our CNI, kind's storage manifest pointed at our images, the sandbox image we built
  local w; w="$(mktemp -d "$SC_CACHE/tmp/node.XXXXXX")"
  cni_conflist >"$w/10-sc-ptp.conflist"
  cat >"$w/Dockerfile" <<EOF
FROM $built
COPY 10-sc-ptp.conflist /etc/cni/net.d/10-sc-ptp.conflist
RUN sed -i -e 's#image: docker.io/kindest/local-path-provisioner:[^ ]*#image: $IMG_REPO/local-path-provisioner:$LOCAL_PATH_VERSION#' \\
      -e 's#docker.io/kindest/local-path-helper:[^ ]*#$(prop busybox)#' /kind/manifests/default-storage.yaml \\
 && sed -i 's#^\\([[:space:]]*sandbox_image\\) = .*#\\1 = "$IMG_REPO/pause:$ptag"#' /etc/containerd/config.toml \\
 && mv -f /usr/local/bin/ctr.real /usr/local/bin/ctr && rm -f /usr/local/bin/ctr-real \\
 && grep -q '$IMG_REPO/pause:$ptag' /etc/containerd/config.toml && ! grep -q kindest/local-path /kind/manifests/default-storage.yaml
EOF
  docker build -q -t "$ref" "$w" >/dev/null 2>"$nd/build-layer.log" || die "node $v: our layer on kind's node image failed; see $nd/build-layer.log"
  rm -rf "$w"
  docker rmi "$built" >/dev/null 2>&1 || true
  log "node $v: not in the node image (fetched by kind online): $(docker run --rm --entrypoint cat "$ref" /kind/not-fetched-offline.txt 2>/dev/null | sort | tr '\n' ' ')"
  docker image inspect -f '{{.Id}}' "$ref" >"$nd/.complete"
}

kind_built() { # id: everything cached (no Docker needed to answer)
  local v; v="$(k8s_version_of "$1")"
  [ -x "$(kind_bin)" ] && [ -f "$(k8s_dir "$v")/bin/.tools-complete" ] && [ -f "$(node_dir "$1")/.complete" ] &&
    [ -f "$KC/base/$KIND_VERSION-$DEBIAN_SUITE/.complete" ]
}

# everything that needs no Docker daemon (Go builds)
kind_binaries() { # id
  local id=$1 v
  v="$(k8s_version_of "$id")"
  need_deps
  mkdir -p "$SC_CACHE/tmp"
  # clusters/local's builds of what a node needs (not its runtime: the node has its own): Kubernetes, etcd,
  # pause, busybox, dind, proxy, under clusters/local's build lock when something is missing
  local ev kb
  ev="$(etcd_of "$id")"; kb="$(k8s_dir "$v")/bin"
  if ! { [ -f "$kb/.complete" ] && [ -x "$SC_CACHE/etcd/$ev/bin/etcd" ] &&
         [ -f "$SC_CACHE/images/pause-$(cat "$kb/pause.tag" 2>/dev/null).tar.id" ] &&
         suite_images_built; }; then
    exec 6>"$SC_CACHE/build.lock"
    flock 6
    build_etcd "$ev"
    build_k8s "$v"
    build_images "$v"
    flock -u 6
  fi
  # kind's own lock: clusters/local's build.lock is held for long by unrelated builds (e2e binaries);
  # what is shared with it is either complete already (build_all) or has its own lock (build_k8s_tools)
  mkdir -p "$KC"
  exec 8>"$KC/build.lock"
  flock 8
  build_kind_cli
  build_k8s_tools "$v"         # + kubeadm, kubectl, kube-proxy
  build_go_tool coredns github.com/coredns/coredns "$(coredns_of "$id")" coredns
  build_go_tool local-path github.com/rancher/local-path-provisioner "$LOCAL_PATH_VERSION" local-path-provisioner
  build_containerd "$NODE_CONTAINERD"
  build_runc "$NODE_RUNC"
  flock -u 8
}

kind_build() { # id (starts Docker for the image builds and stops it again unless it already ran)
  kind_binaries "$1"
  local started=0
  if ! docker_running; then docker_start; started=1; fi
  build_base
  build_node "$1"
  # a build runs no node (its build container is unprivileged): the host snapshot Docker's start took is dropped,
  # so that `up` takes its own, under the cluster lock, while no other cluster changes the host
  if [ "$started" = 1 ]; then docker_stop; [ -f "$KRUN/current" ] || rm -f "$KRUN/host.before"; fi
}
