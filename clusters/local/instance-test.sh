#!/usr/bin/env bash
# Self-test of lib/instance.sh, no cluster needed: every id of clusters/versions.tsv gets its own slot and, from it,
# its own folder, node address, pod network, bridge, firewall chains, cgroup parent and ports; none of them is the
# single-cluster layout's (before slots) or local-v2's (read from its constants: every slot 1-60 is checked against
# them, so local-v2 runs beside any instance); SC_LOCAL_SLOT picks a slot; a bad slot is refused.
#   instance-test.sh     stdout: one line per id, then "instance-test: ok"; exit 1 with the first clash
set -euo pipefail
# shellcheck source=lib/constants.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/constants.sh"
die() { printf 'instance-test.sh: %s\n' "$*" >&2; exit 1; }
# shellcheck source=lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=lib/instance.sh
. "$HERE/lib/instance.sh"

# local-v2's own names, read from its constants (clusters/local-v2/lib/constants.sh, in a bash of its own: they would
# override this script's), one "kind:value" per line
# shellcheck disable=SC2016 # expanded by that bash
mapfile -t V2 < <(env -u SC_V2_API_PORT SC_CACHE="$SC_CACHE" bash -c '. "$1"
  printf "%s\n" "port:$API_PORT" "port:$ETCD_PORT" "port:$ETCD_PEER_PORT" "port:$CM_PORT" "port:$SCHED_PORT" \
    "ip:$HOST_IP" "ip:$NODE_IP" "net:$NET_CIDR" "net:$POD_CIDR" "link:$BRIDGE" "link:$TAP" "link:$POD_BRIDGE" \
    "chain:$IPT_IN_CHAIN" "chain:$IPT_CHAIN" "dir:$V2_CACHE"' _ "$HERE/../local-v2/lib/constants.sh")
if [ "${#V2[@]}" != 15 ] || ! [[ ${V2[0]} =~ ^port:[0-9]+$ ]]; then
  die "could not read local-v2's names from clusters/local-v2/lib/constants.sh"
fi

# what no slot may take: the single-cluster layout (ports, address, bridge, chains, folder) and local-v2's
declare -A owner=(
  [port:36443]=single-cluster [port:36379]=single-cluster [port:36380]=single-cluster [port:36257]=single-cluster
  [port:36259]=single-cluster [port:36248]=single-cluster
  [ip:10.244.0.1]=single-cluster [net:10.244.0.0/24]=single-cluster
  [link:scl0]=single-cluster
  [chain:SC-LOCAL-IN]=single-cluster [chain:SC-LOCAL-FWD]=single-cluster
  [dir:$SC_CACHE/run]=single-cluster [cgroup:kubepods]=single-cluster
)
for name in "${V2[@]}"; do owner[$name]=local-v2; done

# a.b.c.d[/n] -> "first last" as numbers
ip_range() {
  local ip=${1%/*} n=32 a b c d
  [[ $1 == */* ]] && n=${1#*/}
  IFS=. read -r a b c d <<<"$ip"
  local x=$(((a << 24) | (b << 16) | (c << 8) | d)) size=$((1 << (32 - n)))
  echo "$((x / size * size)) $((x / size * size + size - 1))"
}
overlap() { # cidr-or-ip cidr-or-ip: true when they share an address
  local a1 a2 b1 b2
  read -r a1 a2 <<<"$(ip_range "$1")"; read -r b1 b2 <<<"$(ip_range "$2")"
  [ "$a1" -le "$b2" ] && [ "$b1" -le "$a2" ]
}

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
# every slot (SC_LOCAL_SLOT may pick any) beside local-v2: no port, address, network, link, chain or folder of local-v2,
# no overlap of its pod network with local-v2's networks or addresses, and local's process search (a command line
# naming $INST/) never matches local-v2's folder (local-v2 makes no cgroup on this machine: its pods are in the guest)
for ((s = 1; s <= SLOT_MAX; s++)); do
  use_slot "$s"
  for name in "port:$API_PORT" "port:$ETCD_PORT" "port:$ETCD_PEER_PORT" "port:$CM_PORT" "port:$SCHED_PORT" \
    "port:$KUBELET_HEALTHZ_PORT" "ip:$NODE_IP" "net:$POD_CIDR" "link:$BRIDGE" "chain:$IPT_IN_CHAIN" "chain:$IPT_CHAIN" \
    "dir:$INST"; do
    [ "${owner[$name]:-}" != local-v2 ] || die "slot $s and local-v2 both take $name"
  done
  for name in "${V2[@]}"; do
    case $name in
      net:* | ip:*) ! overlap "$POD_CIDR" "${name#*:}" || die "slot $s's pods $POD_CIDR overlap local-v2's ${name#*:}" ;;
      dir:*) case "${name#dir:}/" in *"$INST/"*) die "slot $s's process search ($INST/) matches local-v2's folder ${name#dir:}" ;; esac ;;
    esac
  done
done
echo "local-v2: ${V2[*]}: none of slots 1-$SLOT_MAX takes or overlaps any"
# bad slots are refused (die exits the subshell)
for bad in 0 61 x -1 ""; do
  if (use_slot "$bad") 2>/dev/null; then die "slot '$bad' was accepted"; fi
done
unset SC_LOCAL_SLOT
if (use_instance no-such-id) 2>/dev/null; then die "an unknown id got a slot"; fi
# the run that holds an instance (owner_record, owner_other_live): only a live run other than the caller counts; a
# dead pid, or a pid reused by another process (another start time), does not
RUN="$(mktemp -d)"
trap 'rm -rf "$RUN"; kill "${held:-}" 2>/dev/null || true' EXIT
sleep 300 & held=$!
[ -z "$(owner_other_live)" ] || die "an instance nobody recorded was taken as held"
SC_LOCAL_OWNER=$held owner_record
[ -z "$(SC_LOCAL_OWNER=$held owner_other_live)" ] || die "the owner's own down or up was refused"
[ "$(owner_other_live)" = "$held" ] || die "a live owner (pid $held) was not seen by another run"
[ "$(SC_LOCAL_OWNER=$$ owner_other_live)" = "$held" ] || die "a live owner (pid $held) was not seen by run $$"
printf '%s %s\n' "$held" "$(($(proc_start "$held") + 1))" >"$RUN/owner"
[ -z "$(owner_other_live)" ] || die "a reused pid (another start time) was taken for the owner"
SC_LOCAL_OWNER=$held owner_record
kill "$held"; wait "$held" 2>/dev/null || true
[ -z "$(owner_other_live)" ] || die "a dead owner (pid $held) still holds the instance"
echo "owner: a live other run holds an instance; the owner itself, a dead pid and a reused pid do not"
echo "instance-test: ok ($n ids, each its own slot; SC_LOCAL_SLOT, bad slots and the owner checked)"
