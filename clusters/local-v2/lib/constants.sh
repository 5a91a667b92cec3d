# shellcheck shell=bash
# clusters/local-v2/lib/constants.sh: paths, addresses and ports of the cgroup v2 variant of the local cluster.
# The node (containerd, runc, kubelet, pods) runs inside a User-Mode Linux guest booted with cgroup v2; the control
# plane runs on this machine. Sourced by cluster.sh after clusters/local/lib/constants.sh, whose values it overrides
# where the two clusters differ (so that the reused clusters/local/lib functions act on this cluster's files).
# shellcheck disable=SC2034,SC2153 # each file that sources this uses a different part; SC_CACHE is clusters/local's
V2_HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # clusters/local-v2
V2_CACHE="$SC_CACHE/local-v2"            # rootfs image, its recipe, the PKI and the runs of this cluster
V2_IMG="$V2_CACHE/rootfs.img"            # the guest's disk (Debian, systemd, cgroup v2); never written by a run
V2_RECIPE="$V2_CACHE/rootfs.recipe"      # what the image was built from (rebuilt when it changes)
RUN="$V2_CACHE/run"                      # everything per run; removed by down
PKI="$V2_CACHE/pki"
UML_BIN="${SC_UML_KERNEL:-/usr/bin/linux.uml}"   # Debian's user-mode-linux (kernel 6.1, no cpuset, no PSI)
UML_ID="sc-local-v2"                     # the guest's umid: its mconsole socket is $RUN/uml/$UML_ID/mconsole
GUEST_MEM="${SC_V2_GUEST_MEM:-3G}"
DEBIAN_SUITE="bookworm"
NODE_NAME="sc-local-v2"
# The guest's only network: a tap device on a bridge this script makes; nothing else reaches it (firewall below).
BRIDGE="scv2"
TAP="scv2t0"
HOST_IP="10.245.0.1"                     # the bridge's own address: the API server listens here
NODE_IP="10.245.0.2"                     # the guest's eth0: the node's InternalIP, the kubelet on 10250
NET_CIDR="10.245.0.0/24"
POD_CIDR="10.246.0.0/24"                 # pods inside the guest (CNI bridge scv2p0); routed to the guest from here
POD_BRIDGE="scv2p0"
SERVICE_CIDR="10.97.0.0/24"
IPT_IN_CHAIN="SC-V2-IN"                  # INPUT: the bridge's address answers this machine and the node only
IPT_CHAIN="SC-V2-FWD"                    # FORWARD: nothing from the guest is forwarded anywhere
# Ports: the control plane on 127.0.0.1 (the API server on $HOST_IP, where the guest reaches it), none of them the
# local cluster's, so that a leftover of one never blocks the other.
API_PORT="${SC_V2_API_PORT:-37443}"
ETCD_PORT=37379
ETCD_PEER_PORT=37380
CM_PORT=37257
SCHED_PORT=37259
KUBELET_PORT=10250
