#!/usr/bin/env bash
# Self-test of lib/instance.sh, no cluster needed: every id of clusters/versions.tsv gets its own slot and, from it,
# its own folder, node address, pod network, bridge, firewall chains, cgroup parent and ports; none of them is the
# single-cluster layout's (before slots) or local-v2's; SC_LOCAL_SLOT picks a slot; a bad slot is refused.
#   instance-test.sh     stdout: one line per id, then "instance-test: ok"; exit 1 with the first clash
set -euo pipefail
# shellcheck source=lib/constants.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/constants.sh"
die() { printf 'instance-test.sh: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=lib/instance.sh
. "$HERE/lib/instance.sh"

# what no slot may take: the single-cluster layout (ports, address, bridge, chains, folder) and local-v2's
declare -A owner=(
  [port:36443]=single-cluster [port:36379]=single-cluster [port:36380]=single-cluster [port:36257]=single-cluster
  [port:36259]=single-cluster [port:36248]=single-cluster
  [port:37443]=local-v2 [port:37379]=local-v2 [port:37380]=local-v2 [port:37257]=local-v2 [port:37259]=local-v2
  [ip:10.244.0.1]=single-cluster [net:10.244.0.0/24]=single-cluster [ip:10.245.0.1]=local-v2 [ip:10.245.0.2]=local-v2
  [net:10.245.0.0/24]=local-v2 [net:10.246.0.0/24]=local-v2
  [link:scl0]=single-cluster [link:scv2]=local-v2 [link:scv2p0]=local-v2
  [chain:SC-LOCAL-IN]=single-cluster [chain:SC-LOCAL-FWD]=single-cluster [chain:SC-V2-IN]=local-v2 [chain:SC-V2-FWD]=local-v2
  [dir:$SC_CACHE/run]=single-cluster [dir:$SC_CACHE/local-v2]=local-v2 [cgroup:kubepods]=single-cluster
)
claim() { # what who
  [ -z "${owner[$1]:-}" ] || die "$2 and ${owner[$1]} both take $1"
  owner[$1]=$2
}

n=0
for id in $(ids); do
  unset SC_LOCAL_SLOT
  use_instance "$id"
  who="$id (slot $SLOT)"
  for p in "$API_PORT" "$ETCD_PORT" "$ETCD_PEER_PORT" "$CM_PORT" "$SCHED_PORT" "$KUBELET_HEALTHZ_PORT"; do
    if [ "$p" -le 1024 ] || [ "$p" -ge 65536 ]; then die "$who: port $p out of range"; fi
    claim "port:$p" "$who"
  done
  claim "ip:$NODE_IP" "$who"
  claim "net:$POD_CIDR" "$who"
  [ "${#BRIDGE}" -le 15 ] || die "$who: bridge name $BRIDGE is longer than an interface name may be (15)"
  claim "link:$BRIDGE" "$who"
  claim "chain:$IPT_IN_CHAIN" "$who"; claim "chain:$IPT_CHAIN" "$who"
  claim "dir:$INST" "$who"
  claim "cgroup:$CGROUP_NAME" "$who"
  case $RUN/ in "$INST"/*) ;; *) die "$who: run folder $RUN is not under its instance folder $INST" ;; esac
  case $CTRD_SOCK in "$INST"/*) ;; *) die "$who: containerd socket $CTRD_SOCK is not under $INST" ;; esac
  [ "${#CTRD_SOCK}" -lt 100 ] || die "$who: socket path $CTRD_SOCK.ttrpc is too long for a unix socket"
  printf '%-14s slot %-2s api %s etcd %s/%s cm %s sched %s healthz %s node %s pods %s %s %s/%s /%s\n' "$id" "$SLOT" \
    "$API_PORT" "$ETCD_PORT" "$ETCD_PEER_PORT" "$CM_PORT" "$SCHED_PORT" "$KUBELET_HEALTHZ_PORT" "$NODE_IP" \
    "$POD_CIDR" "$BRIDGE" "$IPT_IN_CHAIN" "$IPT_CHAIN" "$CGROUP_NAME"
  n=$((n + 1))
done
[ "$n" -gt 0 ] || die "no ids in $VERSIONS_TSV"

# an explicit slot wins over the id's row, and the same id in two slots shares nothing
use_instance 1.31; a="$API_PORT $NODE_IP $BRIDGE $INST"
SC_LOCAL_SLOT=40 use_instance 1.31; b="$API_PORT $NODE_IP $BRIDGE $INST"
[ "$SLOT" = 40 ] || die "SC_LOCAL_SLOT=40 gave slot $SLOT"
[ "$a" != "$b" ] || die "slot 40 and 1.31's own slot give the same instance: $a"
# the largest slot stays below local-v2's ports
use_slot "$SLOT_MAX"
[ "$KUBELET_HEALTHZ_PORT" -lt 37257 ] || die "slot $SLOT_MAX reaches port $KUBELET_HEALTHZ_PORT (local-v2 starts at 37257)"
# bad slots are refused (die exits the subshell)
for bad in 0 61 x -1 ""; do
  if (use_slot "$bad") 2>/dev/null; then die "slot '$bad' was accepted"; fi
done
unset SC_LOCAL_SLOT
if (use_instance no-such-id) 2>/dev/null; then die "an unknown id got a slot"; fi
echo "instance-test: ok ($n ids, each its own slot; SC_LOCAL_SLOT and bad slots checked)"
