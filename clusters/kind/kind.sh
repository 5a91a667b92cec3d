#!/usr/bin/env bash
# kind clusters from node images built here, offline (no container registry): the kind CLI from the
# Go module proxy, Kubernetes from clusters/local's build (shared cache), a Debian base image, and a
# Docker daemon of our own (own data root and socket) that this script starts and stops.
#
#   kind.sh binaries <id>     the Go builds only (no Docker): kind, Kubernetes + kubeadm/kubectl/kube-proxy, CoreDNS, ...
#   kind.sh kubeadm <id>      Kubernetes + kubeadm/kubectl/kube-proxy only (what `config` needs to name CoreDNS)
#   kind.sh base              the base image only (Debian + kind's base files; Docker left running)
#   kind.sh build <id>        build kind, the base image, the images and the node image for <id> (cached)
#   kind.sh up <id>           build if needed, start Docker, create cluster sc-<id>, load the suite's images;
#                             stdout: the kubeconfig path
#   kind.sh load <id> <archive>...  load image archives (docker-archive, named inside) into the running sc-<id>
#   kind.sh down [<id>]       delete the cluster, stop Docker, put the host back as it was, check it
#   kind.sh status            what runs (stdout)
#   kind.sh config <id>       print the kind config `up` uses (stdout)
#   kind.sh pids              every process of the run: daemons, shims, docker-proxy, the nodes' processes
#   kind.sh daemon            start only our Docker daemon (stdout: its DOCKER_HOST); stopped by `down`
#
# Progress goes to stderr; errors are one line on stderr with a non-zero exit.
# lib/build.sh builds; lib/docker.sh runs the daemon and snapshots/restores the host; lib/cluster.sh up/down.
set -Eeuo pipefail

KIND_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# clusters/local's libraries use HERE for their own files (build-fixes, images.properties)
HERE="$(cd "$KIND_HERE/../local" && pwd)"
REPO="$(cd "$KIND_HERE/../.." && pwd)"
SC_CACHE="${SC_CACHE:-$HOME/.cache/sidecar-conformance}"
VERSIONS_TSV="${SC_VERSIONS_TSV:-$KIND_HERE/../versions.tsv}"
IMAGES_PROPERTIES="$HERE/images.properties"
# The kind release built here: the proxy serves v0.30.0, v0.32.0, v0.33.0 (not the v0.25.0-v0.31.0 that
# clusters/kind/*.yaml pin for users of the public node images).
KIND_VERSION="${SC_KIND_VERSION:-v0.30.0}"
# Runtime of the node (containerd's own config format from kind's base image): static builds from
# clusters/local's cache, the versions its table uses for 1.35.
NODE_CONTAINERD=v2.2.9
NODE_RUNC=v1.3.6
DEBIAN_SUITE=bookworm
KC="$SC_CACHE/kind"
KRUN="$KC/run"
IMG_REPO="localhost/sidecar-conformance"
POD_SUBNET="10.244.0.0/16"
NODE_POD_CIDR="10.244.0.0/24"   # the single node's podCIDR (first /24 of POD_SUBNET)

export GOTOOLCHAIN=local
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export PATH="/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"
export DOCKER_HOST="unix://$KRUN/docker.sock"

T0=$SECONDS
CMD="${1:-}"
log() { printf '[kind.sh %s %4ds] %s\n' "$CMD" $((SECONDS - T0)) "$*" >&2; }
die() { printf 'kind.sh %s: %s\n' "$CMD" "$*" >&2; exit 1; }

usage() {
  sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# shellcheck source=../local/lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=../local/lib/instance.sh
. "$HERE/lib/instance.sh"
# shellcheck source=../local/lib/build.sh
. "$HERE/lib/build.sh"
# shellcheck source=../local/lib/images.sh
. "$HERE/lib/images.sh"
# shellcheck source=lib/build.sh
. "$KIND_HERE/lib/build.sh"
# shellcheck source=lib/docker.sh
. "$KIND_HERE/lib/docker.sh"
# shellcheck source=lib/cluster.sh
. "$KIND_HERE/lib/cluster.sh"

main() {
  mkdir -p "$KRUN"
  case "$CMD" in
    binaries) check_id "${2:-}"; kind_binaries "$2"; log "binaries of $2 complete" ;;
    kubeadm) check_id "${2:-}"; build_k8s_tools "$(k8s_version_of "$2")"; log "kubeadm of $2 complete" ;;
    base) docker_start; build_base; log "base image $(base_image) built (Docker left running: kind.sh down stops it)" ;;
    build) check_id "${2:-}"; kind_build "$2"; log "build of $2 complete: node image $(node_image "$2")" ;;
    up) check_id "${2:-}"; kind_up "$2" ;;
    load) check_id "${2:-}"; kind_load "$2" "${@:3}" ;;
    down) [ -z "${2:-}" ] || check_id "$2"; kind_down "${2:-}" ;;
    status) kind_status ;;
    pids) kind_pids ;;
    daemon) docker_start; printf '%s\n' "$DOCKER_HOST" ;;
    config) check_id "${2:-}"; kind_config "$2" ;;
    *) usage ;;
  esac
}

main "$@"; exit $?
