# shellcheck shell=bash
# clusters/local/lib/constants.sh: what every local cluster instance shares (paths of the scripts and caches).
# Sourced by cluster.sh and clusters/e2e/e2e.sh (which reuse lib/*.sh).
# shellcheck disable=SC2034 # each file that sources this uses a different part
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # clusters/local
REPO="$(cd "$HERE/../.." && pwd)"
SC_CACHE="${SC_CACHE:-$HOME/.cache/sidecar-conformance}"
VERSIONS_TSV="${SC_VERSIONS_TSV:-$HERE/../versions.tsv}"   # the one version list (clusters/versions.tsv)
IMAGES_PROPERTIES="$HERE/images.properties"
NODE_NAME="sc-local"
# The kubelet listens on its node's address (instance.sh: one per instance), on 10250: the port upstream's e2e
# tests hard-code (ports.KubeletPort) when they go through the node proxy. Every other port, the node's address,
# the pod network, the firewall chains and the run's folders are per instance: lib/instance.sh.
KUBELET_PORT=10250
# Services exist in the API only (no kube-proxy): no instance routes them, so all may name the same range.
SERVICE_CIDR="10.96.0.0/24"
CNI_NET_NAME="sidecar-conformance"

export GOTOOLCHAIN=local
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export PATH="/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

