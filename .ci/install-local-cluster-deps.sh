#!/usr/bin/env bash
# Installs (idempotently) the Debian packages the local single-node cluster
# (clusters/local/cluster.sh) needs: container runtime pieces, CNI plugins,
# images' ingredients, certificate tooling and the C toolchain for pause.
# The Kubernetes components and etcd themselves are built from Go modules.
set -euo pipefail

PKGS=(
  runc                          # OCI runtime used by containerd
  containerd                    # CRI runtime (Debian 1.6.x; ctr for image import)
  containernetworking-plugins   # bridge, host-local, loopback, portmap in /usr/lib/cni
  iptables conntrack ipset ethtool socat iproute2 kmod util-linux mount procps psmisc
  busybox-static                # busybox and dind images
  musl-tools                    # older BusyBox releases for upstream e2e (clusters/e2e: they call stime())
  bzip2 xz-utils                # unpack the upstream tarballs of Debian source packages (clusters/e2e/lib/sources.sh)
  coreutils perl                # GNU date (nanoseconds) in the images; binary patch of busybox
  docker.io tini                # dind image content (dockerd, docker CLI, docker-init)
  haproxy                       # proxy image content (HAProxy; its service is never started here)
  openssl ca-certificates       # local PKI
  gcc libc6-dev                 # static pause binary
  libseccomp-dev pkg-config     # runc built from the module proxy with seccomp (cgo)
  time                          # /usr/bin/time -v for bench.sh
  jq curl                       # JSON and HTTPS probes in cluster.sh
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-local-cluster-deps: all ${#PKGS[@]} packages present" >&2
  exit 0
fi
echo "install-local-cluster-deps: installing ${missing[*]}" >&2
SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
# Never let package scripts start system daemons (containerd/docker): the local
# cluster runs its own containerd on its own socket.
policy=/usr/sbin/policy-rc.d
made_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod +x "$policy"
  made_policy=1
fi
cleanup() { if [ "$made_policy" = 1 ]; then "${SUDO[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 update -q >&2
"${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}" >&2
