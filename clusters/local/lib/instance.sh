# shellcheck shell=bash
# clusters/local/lib/instance.sh: which local cluster instance a command acts on, and everything two instances on
# this machine must not share, derived in this one place from the instance's slot number.
#
# The slot is $SC_LOCAL_SLOT when set (two clusters of one version side by side), else the id's row position in
# clusters/versions.tsv (1.27 = 1, ...): local:1.31 and local:1.35 are two instances without anyone saying so.
# Slot <s> owns: the folder $SC_CACHE/local/<s>/ (run files, logs, PKI, containerd's image store), node address
# 10.244.<s>.1 with pods in 10.244.<s>.0/24 on bridge scl<s>, iptables chains SC-L<s>-IN and SC-L<s>-FWD, the
# cgroup parent /sc-local-<s> (kubelet's cgroupRoot), and ports 36500+10*<s> + 0..5 on 127.0.0.1 (API server,
# etcd client, etcd peer, controller-manager, scheduler, kubelet healthz). The kubelet of every slot listens on
# its own node address, port 10250 (upstream's e2e tests hard-code it). Up to 60 slots: 37100 stays below
# local-v2's 37257 and up; 10.244.0.0/24, scl0, SC-LOCAL-* and ports 36248-36443 are the single-cluster layout's
# (before slots) and no slot's. Sourced by cluster.sh, e2e.sh, kind.sh and local-v2 (uses constants.sh, versions.sh,
# die).
# shellcheck disable=SC2034 # each file that sources this uses a different part
LOCAL_ROOT="$SC_CACHE/local"
SLOT_MAX=60

slot_of() { # id -> the slot it runs in (stdout)
  if [ -n "${SC_LOCAL_SLOT:-}" ]; then printf '%s\n' "$SC_LOCAL_SLOT"; return 0; fi
  ids | awk -v id="$1" '$0 == id {print NR; exit}'
}

# use_slot <slot>: sets every per-instance value below (and nothing else)
use_slot() {
  local s=$1
  if ! [[ $s =~ ^[1-9][0-9]*$ ]] || [ "$s" -gt "$SLOT_MAX" ]; then
    die "slot '$s' is not a number from 1 to $SLOT_MAX (SC_LOCAL_SLOT, or the id's row in $VERSIONS_TSV)"
  fi
  SLOT=$s
  INST="$LOCAL_ROOT/$s"          # kept between runs: PKI, image stores; the run's files are under $RUN
  RUN="$INST/run"                # everything of one run: removed by down (its logs stay until the next up)
  LOGS="$RUN/logs"
  PKI="$INST/pki"
  CTRD_ROOT_BASE="$INST/containerd-root"   # + -<containerd version> for a build (runtime_paths)
  CTRD_STATE="$RUN/containerd-state"       # pods' network namespaces too (netns_mounts_under_state_dir)
  CTRD_SOCK="$RUN/containerd.sock"
  CTRD_NETNS_UNDER_STATE=true
  IPAM_DIR="$RUN/cni-ipam"
  CNI_CONF_DIR="$RUN/cni-net.d"
  NODE_IP="10.244.$s.1"
  POD_CIDR="10.244.$s.0/24"
  BRIDGE="scl$s"
  IPT_IN_CHAIN="SC-L$s-IN"       # INPUT: $NODE_IP only from this machine and its pods
  IPT_CHAIN="SC-L$s-FWD"         # FORWARD: pod traffic stays in this instance's pod network
  CGROUP_NAME="sc-local-$s"
  local base=$((36500 + 10 * s))
  API_PORT=$base
  ETCD_PORT=$((base + 1))
  ETCD_PEER_PORT=$((base + 2))
  CM_PORT=$((base + 3))
  SCHED_PORT=$((base + 4))
  KUBELET_HEALTHZ_PORT=$((base + 5))
}

# use_instance <id>: the slot <id> runs in
use_instance() {
  local s
  s="$(slot_of "$1")"
  [ -n "$s" ] || die "unknown cluster id '$1'; known ids: $(ids | tr '\n' ' ')(see $VERSIONS_TSV)"
  use_slot "$s"
}

# the slots that have a folder here (stdout, one per line, ascending)
known_slots() {
  local d
  for d in "$LOCAL_ROOT"/*/; do
    d=${d%/}; d=${d##*/}
    if [[ $d =~ ^[1-9][0-9]*$ ]]; then echo "$d"; fi
  done | sort -n
}

# "<slot> <id>" of every instance marked running (up started, down not finished), for the other cluster scripts'
# one-at-a-time checks (kind, local-v2)
running_instances() {
  local s id
  for s in $(known_slots); do
    id="$(cat "$LOCAL_ROOT/$s/run/current" 2>/dev/null || true)"
    if [ -n "$id" ]; then echo "$s $id"; fi
  done
}

# The run that holds an instance. The suite starts a local cluster with SC_LOCAL_OWNER=<its pid>; up records that pid
# and its start time (so a reused pid is not taken for the run) in $RUN/owner. Another up of the same slot while that
# run lives would tear its cluster down under it: up refuses instead, and a down that names another owner leaves the
# instance alone. A down without SC_LOCAL_OWNER (a person at the shell) stops it whoever holds it.
proc_start() { # pid -> its start time in clock ticks since boot (stdout; nothing when no such process)
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 0
  stat=${stat##*) }   # the command name may hold spaces and parentheses: fields from the state on
  # shellcheck disable=SC2086 # split on purpose
  set -- $stat
  printf '%s\n' "${20:-}"  # field 22 of /proc/<pid>/stat: the 20th after the name
}
owner_record() { # after up marked the instance: who holds it (nothing without SC_LOCAL_OWNER)
  [ -n "${SC_LOCAL_OWNER:-}" ] || return 0
  printf '%s %s\n' "$SC_LOCAL_OWNER" "$(proc_start "$SC_LOCAL_OWNER")" >"$RUN/owner"
}
owner_other_live() { # stdout: the pid of a live run other than $SC_LOCAL_OWNER that holds this instance; else nothing
  local pid="" start=""
  [ ! -f "$RUN/owner" ] || read -r pid start <"$RUN/owner" || true
  [ -n "$pid" ] && [ -n "$start" ] && [ "$pid" != "${SC_LOCAL_OWNER:-}" ] || return 0
  [ "$(proc_start "$pid")" != "$start" ] || printf '%s\n' "$pid"
}
# a slot no instance here is marked running in (stdout), for the message that asks for one
free_slot() {
  local s
  for ((s = 1; s <= SLOT_MAX; s++)); do
    [ -n "$(cat "$LOCAL_ROOT/$s/run/current" 2>/dev/null || true)" ] || { echo "$s"; return 0; }
  done
}

# The ports our clusters listen on lie inside the kernel's ephemeral range (32768-60999): any program's outgoing
# connection may take one as its local port, and the next up cannot bind it (seen: 127.0.0.1:36610 "address already
# in use" with nothing listening). up reserves them (net.ipv4.ip_local_reserved_ports: the kernel never hands them
# out as ephemeral ports); the last down releases them, leaving any other program's (local-v2's) reservations.
instance_port_ranges() { printf '36500-%s' $((36500 + 10 * SLOT_MAX + 9)); }
reserve_ports() { # ranges, e.g. 36500-37109,37443
  local cur want r missing=""
  cur="$(sysctl -n net.ipv4.ip_local_reserved_ports 2>/dev/null)" || return 0
  want="$1"
  for r in ${want//,/ }; do case ",$cur," in *",$r,"*) ;; *) missing+="${missing:+,}$r" ;; esac; done
  [ -z "$missing" ] && return 0
  sysctl -q -w "net.ipv4.ip_local_reserved_ports=${cur:+$cur,}$missing" >/dev/null 2>&1 ||
    log "could not reserve ports $missing (net.ipv4.ip_local_reserved_ports): another program's connection may take one"
}
release_ports() { # ranges reserve_ports added (clusters/local at its last down, local-v2 at its down)
  local cur keep="" r
  cur="$(sysctl -n net.ipv4.ip_local_reserved_ports 2>/dev/null)" || return 0
  for r in ${cur//,/ }; do case ",$1," in *",$r,"*) ;; *) keep+="${keep:+,}$r" ;; esac; done
  [ "$keep" = "$cur" ] || sysctl -q -w "net.ipv4.ip_local_reserved_ports=$keep" >/dev/null 2>&1 || true
}
