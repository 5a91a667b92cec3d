# shellcheck shell=bash
# clusters/local/lib/constants.sh: paths, ports and network of the local cluster.
# Sourced by cluster.sh and clusters/e2e/e2e.sh (which reuse lib/*.sh).
# shellcheck disable=SC2034 # each file that sources this uses a different part
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # clusters/local
REPO="$(cd "$HERE/../.." && pwd)"
SC_CACHE="${SC_CACHE:-$HOME/.cache/sidecar-conformance}"
VERSIONS_TSV="${SC_VERSIONS_TSV:-$HERE/../versions.tsv}"   # the one version list (clusters/versions.tsv)
IMAGES_PROPERTIES="$HERE/images.properties"
NODE_NAME="sc-local"
# The node's address (InternalIP): the pod bridge's own address, which cluster.sh puts on the bridge before the
# kubelet starts. Not loopback, because the API server refuses to proxy to a loopback node address ("address not
# allowed"); the bridge exists only on this machine and the firewall drops anything for it arriving from outside.
NODE_IP="10.244.0.1"
# Ports on 127.0.0.1, non-default so they do not clash with anything else; the kubelet alone listens on $NODE_IP,
# on 10250: the port upstream's e2e tests hard-code (ports.KubeletPort) when they go through the node proxy.
API_PORT="${SC_API_PORT:-36443}"
ETCD_PORT=36379
ETCD_PEER_PORT=36380
CM_PORT=36257
SCHED_PORT=36259
KUBELET_PORT=10250
KUBELET_HEALTHZ_PORT=36248
# Pod network: its own bridge, never leaves this machine (see firewall rules).
BRIDGE="scl0"
POD_CIDR="10.244.0.0/24"
SERVICE_CIDR="10.96.0.0/24"
CNI_NET_NAME="sidecar-conformance"
IPT_CHAIN="SC-LOCAL-FWD"     # FORWARD: pod traffic stays in the pod network
IPT_IN_CHAIN="SC-LOCAL-IN"   # INPUT: $NODE_IP only from this machine and its pods
# Runtime layout. containerd's root (imported images, kept between runs) is per containerd
# version (runtime.sh); everything under $RUN is per run.
RUN="$SC_CACHE/run"
CTRD_STATE="$RUN/containerd-state"
CTRD_SOCK="$RUN/containerd.sock"
PKI="$SC_CACHE/pki"
IPAM_DIR="$RUN/cni-ipam"
CNI_CONF_DIR="$RUN/cni-net.d"

export GOTOOLCHAIN=local
export GOFLAGS="${GOFLAGS:-} -mod=mod"
export PATH="/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH"

