# shellcheck shell=bash
# clusters/local-v2/lib/guest.sh: the guest's network (bridge, tap, firewall, route to its pods), booting and halting
# the UML guest, and running commands in it. Sourced by cluster.sh (uses its constants, log, die).

UML_MAC="fe:fd:0a:f5:00:02"

# ---------------------------------------------------------------- network
# A bridge with the host's address and the guest's tap on it; the API server listens on the bridge's address. The
# firewall keeps both ends private: the bridge's address answers this machine (lo) and the node's own address only
# (not its pods, not anything arriving on another interface), and nothing from the bridge is forwarded anywhere.
# iptables -w: clusters/local's instances and their kubelets change the tables at the same time (legacy iptables).
v2_net_up() {
  ip link add "$BRIDGE" type bridge
  ip addr add "$HOST_IP/${NET_CIDR#*/}" dev "$BRIDGE"
  ip tuntap add dev "$TAP" mode tap
  ip link set "$TAP" master "$BRIDGE"
  ip link set "$TAP" up
  ip link set "$BRIDGE" up
  # this machine reaches the pods (as it does those of clusters/local) through the node
  ip route add "$POD_CIDR" via "$NODE_IP" dev "$BRIDGE"
  iptables -w 5 -N "$IPT_IN_CHAIN" 2>/dev/null || iptables -w 5 -F "$IPT_IN_CHAIN"
  iptables -w 5 -A "$IPT_IN_CHAIN" -d "$HOST_IP" -i lo -j RETURN
  iptables -w 5 -A "$IPT_IN_CHAIN" -i "$BRIDGE" -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN
  iptables -w 5 -A "$IPT_IN_CHAIN" -i "$BRIDGE" -s "$NODE_IP" -d "$HOST_IP" -j RETURN
  iptables -w 5 -A "$IPT_IN_CHAIN" -i "$BRIDGE" -j DROP
  iptables -w 5 -A "$IPT_IN_CHAIN" -d "$HOST_IP" -j DROP
  iptables -w 5 -I INPUT 1 -j "$IPT_IN_CHAIN"
  iptables -w 5 -N "$IPT_CHAIN" 2>/dev/null || iptables -w 5 -F "$IPT_CHAIN"
  iptables -w 5 -A "$IPT_CHAIN" -i "$BRIDGE" -j REJECT
  iptables -w 5 -A "$IPT_CHAIN" -o "$BRIDGE" -j REJECT
  iptables -w 5 -I FORWARD 1 -j "$IPT_CHAIN"
}

v2_net_down() {
  local chain builtin
  for chain in "$IPT_IN_CHAIN" "$IPT_CHAIN"; do
    for builtin in INPUT FORWARD; do
      while iptables -w 5 -D "$builtin" -j "$chain" 2>/dev/null; do :; done
    done
    iptables -w 5 -F "$chain" 2>/dev/null || true
    iptables -w 5 -X "$chain" 2>/dev/null || true
  done
  ip link delete "$TAP" 2>/dev/null || true
  ip link delete "$BRIDGE" 2>/dev/null || true   # takes its address and the route to the pods with it
}

v2_net_left() { # prints what of the network is still there
  ip link show "$TAP" >/dev/null 2>&1 && echo "tap $TAP"
  ip link show "$BRIDGE" >/dev/null 2>&1 && echo "bridge $BRIDGE"
  iptables -w 5 -S 2>/dev/null | grep -qE -- "-N ($IPT_IN_CHAIN|$IPT_CHAIN)$" && echo "iptables chains $IPT_IN_CHAIN/$IPT_CHAIN"
  return 0
}

# ---------------------------------------------------------------- the guest
# every host process of the guest: UML runs each guest process as a host process forked from the kernel's, so all
# carry the kernel's command line with our umid
uml_pids() {
  local p
  for p in $(pgrep -f "umid=$UML_ID( |\$)"); do
    [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = "$UML_BIN" ] && echo "$p"
  done
  return 0
}

# guest_boot <run-dir> <console-log> [store image]: starts the guest in the background (pid file $RUN/pids/guest.pid). The run dir
# is shared read-write at /sc/run, the build cache read-only at /sc/cache; the disk is a copy-on-write file over the
# cached image. Guest memory is a file UML unlinks at once, in /dev/shm/$UML_ID (else $RUN/uml).
guest_boot() {
  local rdir=$1 console=$2 store=()
  # the second disk: containerd's image store (/var/lib/containerd), copy-on-write as the first
  [ -z "${3:-}" ] || { rm -f "$RUN/store.cow"; store=("ubd1=$RUN/store.cow,$3"); }
  local mem="$RUN/uml"
  # guest memory on tmpfs: on a disk file the host writes the guest's dirty pages back to disk (40x slower imports)
  if [ "$(stat -fc %T /dev/shm 2>/dev/null)" = tmpfs ]; then mem="/dev/shm/$UML_ID"; fi
  mkdir -p "$RUN/uml" "$RUN/pids" "$mem"
  rm -f "$RUN/root.cow"
  TMPDIR="$mem" setsid "$UML_BIN" "umid=$UML_ID" "uml_dir=$RUN/uml" "mem=$GUEST_MEM" \
    "ubd0=$RUN/root.cow,$V2_IMG" "${store[@]}" root=/dev/ubda rw con=null con0=fd:0,fd:1 \
    "eth0=tuntap,$TAP,$UML_MAC" quiet "sc.run=$rdir" "sc.cache=$SC_CACHE" \
    </dev/null >"$console" 2>&1 8>&- 9>&- &
  write_pidfile guest $!
}

guest_alive() { alive guest; }

# waits (bounded) until the guest's sc-node-start has written <file> into the run dir
guest_wait_file() { # run-dir file timeout what
  local end=$((SECONDS + $3))
  until [ -f "$1/$2" ]; do
    guest_alive || fail "the guest exited while waiting for $4 (console: $(tail -n 3 "$1/logs/console.log" 2>/dev/null | tr '\n' ' ' | cut -c1-300))"
    [ $SECONDS -lt $end ] || fail "timed out after $3s waiting for $4 (console: $1/logs/console.log)"
    sleep 0.2
  done
}

# halts the guest (mconsole: the kernel stops at once; its disk is thrown away anyway), then kills what is left
guest_halt() {
  local p i
  if [ -S "$RUN/uml/$UML_ID/mconsole" ]; then
    timeout 5 uml_mconsole "$RUN/uml/$UML_ID/mconsole" halt >/dev/null 2>&1 || true
  fi
  for ((i = 0; i < 50; i++)); do [ -z "$(uml_pids)" ] && break; sleep 0.1; done
  for p in $(uml_pids); do kill -KILL "$p" 2>/dev/null || true; done
  for ((i = 0; i < 50; i++)); do [ -z "$(uml_pids)" ] && break; sleep 0.1; done
  rm -f "$RUN/pids/guest.pid" "$RUN/root.cow" "$RUN/store.cow"
  rm -rf "$RUN/uml" "/dev/shm/$UML_ID"
  [ -z "$(uml_pids)" ]
}

# guest_exec <cmd...>: runs a command in the running guest through the run dir (the node script's command loop
# picks up $RUN/<id>/cmd/<n>.sh and writes <n>.out and <n>.rc). Bounded by SC_V2_EXEC_TIMEOUT (60 s).
guest_exec() {
  local id dir n end
  id="$(cat "$RUN/current" 2>/dev/null || true)"
  if [ -z "$id" ] || ! guest_alive; then die "no local-v2 guest is running; start one with: cluster.sh up <id>"; fi
  dir="$RUN/$id/cmd"
  [ -d "$dir" ] || die "the guest's command loop is not ready (no $dir); wait for up to finish"
  n="$(date +%s%N)-$$"
  printf '%q ' "$@" >"$dir/$n.tmp"
  mv -f "$dir/$n.tmp" "$dir/$n.sh"
  end=$((SECONDS + ${SC_V2_EXEC_TIMEOUT:-60}))
  until [ -f "$dir/$n.rc" ]; do
    [ $SECONDS -lt $end ] || { rm -f "$dir/$n.sh"; die "no answer from the guest within ${SC_V2_EXEC_TIMEOUT:-60}s"; }
    sleep 0.1
  done
  cat "$dir/$n.out"
  local rc; rc="$(cat "$dir/$n.rc")"
  rm -f "$dir/$n.out" "$dir/$n.rc"
  return "$rc"
}
