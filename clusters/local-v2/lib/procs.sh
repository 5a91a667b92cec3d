# shellcheck shell=bash
# clusters/local-v2/lib/procs.sh: up, down, status of the cgroup v2 cluster: the control plane as processes on this
# machine, the node in the UML guest. Sourced by cluster.sh (uses its constants, log, die). clusters/local's procs.sh
# is NOT sourced: its down and stray search act on every process, mount and file of clusters/local.

# ---------------------------------------------------------------- processes (as clusters/local's, on this $RUN)
# A pid file holds "<pid> <start time>" (field 22 of /proc/<pid>/stat): a pid the kernel has given to another
# process since (ours killed by someone else) is never signalled.
pidfile() { printf '%s/pids/%s.pid' "$RUN" "$1"; }
started_at() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null; }
write_pidfile() { echo "$2 $(started_at "$2")" >"$(pidfile "$1")"; }
pid_of() { # name -> the pid, if that process still runs
  local p t f
  f="$(pidfile "$1")"
  [ -f "$f" ] || return 1
  read -r p t <"$f" || return 1
  [ -n "$p" ] && [ -n "$t" ] && [ "$(started_at "$p")" = "$t" ] && echo "$p"
}
alive() { pid_of "$1" >/dev/null; }
start_proc() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  mkdir -p "$RUN/pids"
  # fds 7-9 hold our locks: daemons must not inherit them
  setsid "$@" >"$logf" 2>&1 </dev/null 7>&- 8>&- 9>&- &
  write_pidfile "$name" $!
}
# names... : TERM, wait up to 3 s, then KILL; only the pids of our pid files. (The API server takes the full 10 s
# clusters/local allows to drain its watches; its etcd and the whole cluster are thrown away anyway.)
stop_procs() {
  local n p i pids=()
  for n in "$@"; do
    if p="$(pid_of "$n")"; then kill -TERM "$p" 2>/dev/null || true; pids+=("$p"); fi
  done
  for ((i = 0; i < 30; i++)); do
    local rest=()
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && rest+=("$p"); done
    [ "${#rest[@]}" = 0 ] && break
    pids=("${rest[@]}")
    sleep 0.1
  done
  [ "${#pids[@]}" = 0 ] || kill -KILL "${pids[@]}" 2>/dev/null || true
  for n in "$@"; do rm -f "$(pidfile "$n")"; done
}
wait_for() { # description timeout-seconds process-to-watch cmd...
  local what=$1 t=$2 proc=$3; shift 3
  local end=$((SECONDS + t))
  until "$@" >/dev/null 2>&1; do
    if [ -n "$proc" ] && ! alive "$proc"; then
      fail "$proc exited while waiting for $what: $(tail -n 3 "$LOGS/$proc.log" 2>/dev/null | tr '\n' ' ' | cut -c1-400)"
    fi
    [ $SECONDS -lt $end ] || fail "timed out after ${t}s waiting for $what (logs: $LOGS)"
    sleep 0.2
  done
}
port_free() { [ -z "$(ss -Hltn "sport = :$1")" ]; }

# The machine-wide lock of clusters/local and clusters/kind, held for this script's up, down, restart-kubelet and
# boot-check. clusters/local takes it for moments only; its up or down beside this one waits while this script holds
# it (bounded, 300 s), and is not refused. Never stops another cluster.
lock_clusters() {
  mkdir -p "$RUN"
  exec 9>"$SC_CACHE/cluster.lock"
  flock -w 300 9 || die "another cluster script is starting or stopping a cluster (lock $SC_CACHE/cluster.lock); retry"
}
# A kind cluster restores the whole firewall on down (this cluster's chains included): not beside it. clusters/local's
# instances are: nothing of theirs is this cluster's (bridge scl<s>, chains SC-L<s>-*, cgroup /sc-local-<s>, ports
# 36500+10*<s>, folder $SC_CACHE/local/<s>/; clusters/local/instance-test.sh checks that none is ours).
cluster_running_elsewhere() {
  local other
  other="$(cat "$SC_CACHE/kind/run/current" 2>/dev/null || true)"
  [ -z "$other" ] || die "the kind cluster sc-$other is running (it restores the whole firewall on down: not beside local-v2); run: clusters/kind/kind.sh down"
}

# wait_for (clusters/local) calls fail: here it tears down this cluster
UP_ACTIVE=0
fail() {
  local msg=$1
  if [ "$UP_ACTIVE" = 1 ]; then UP_ACTIVE=0; v2_down 1 >/dev/null 2>&1 || true; msg+="; nothing was left running"; fi
  die "$msg"
}

CONTROL_PLANE="kube-scheduler kube-controller-manager kube-apiserver etcd"

# this cluster's listening ports, kept out of the kernel's ephemeral range while it runs (instance.sh reserve_ports)
v2_port_ranges() { printf '%s,%s-%s,%s-%s' "$API_PORT" "$CM_PORT" "$SCHED_PORT" "$ETCD_PORT" "$ETCD_PEER_PORT"; }
v2_down() { # quiet=0|1
  local quiet=${1:-0} id left=""
  id="$(cat "$RUN/current" 2>/dev/null || true)"
  [ "$quiet" = 1 ] || log "stopping ${id:-the local-v2 cluster}"
  guest_halt || left+="guest processes $(uml_pids | tr '\n' ' ')"
  dbg "down: guest halted"
  # shellcheck disable=SC2086 # word list
  stop_procs $CONTROL_PLANE
  dbg "down: control plane stopped"
  v2_net_down
  release_ports "$(v2_port_ranges)"
  dbg "down: network removed, ports released"
  # the last run's logs stay (the next run replaces them) for a look after a failed up
  local d
  for d in "$RUN"/*/; do
    [ -d "$d" ] || continue
    if [ -d "$d/logs" ]; then rm -rf "$V2_CACHE/last-logs"; cp -a "$d/logs" "$V2_CACHE/last-logs"; fi
    rm -rf "$d"
  done
  rm -f "$RUN/current"
  local n; n="$(v2_net_left | tr '\n' ' ')"
  [ -z "$n" ] || left+=" $n"
  local p
  for p in $CONTROL_PLANE; do alive "$p" && left+=" $p"; done
  [ -z "$left" ] || { log "WARNING: still there: $left"; return 1; }
  [ "$quiet" = 1 ] || log "stopped; no guest, control-plane process, tap, bridge or firewall rule of local-v2 remains"
}

v2_api() { # path -> body (admin credentials)
  curl -sf --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" "https://$HOST_IP:$API_PORT$1"
}
node_ready() {
  v2_api "/api/v1/nodes/$NODE_NAME" | jq -e '.status.conditions[] | select(.type == "Ready") | .status == "True"' >/dev/null
}

# the kubelet runs in the guest: its log (on the share) says when it gave up
node_ready_or_kubelet_failed() {
  local why
  why="$(grep -m1 -E '"command failed"|^F[0-9]{4} ' "$LOGS/kubelet.log" 2>/dev/null | cut -c1-400 || true)"
  [ -z "$why" ] || fail "the kubelet in the guest failed: $why"
  node_ready
}

v2_up() {
  local id=$1 v minor gates kbin etcdbin
  v="$(k8s_version_of "$id")"; minor="$(minor_of "$v")"; gates="$(gates_of "$id")"
  kbin="$(k8s_dir "$v")/bin"
  etcdbin="$SC_CACHE/etcd/$(etcd_of "$id")/bin/etcd"
  check_kubelet_fields "$id" "$kbin"   # the row's kubelet column (clusters/local/lib/runtime.sh), before anything runs
  lock_clusters
  cluster_running_elsewhere
  if [ -n "$(cat "$RUN/current" 2>/dev/null)" ] || [ -n "$(uml_pids)" ] || [ -n "$(v2_net_left)" ]; then
    log "tearing down the running/leftover local-v2 cluster $(cat "$RUN/current" 2>/dev/null || echo '(unknown)')"
    v2_down 1 || die "could not stop the previous local-v2 cluster (see cluster.sh status); run: cluster.sh down"
  fi
  reserve_ports "$(v2_port_ranges)"
  local port
  for port in $API_PORT $ETCD_PORT $ETCD_PEER_PORT $CM_PORT $SCHED_PORT; do
    port_free "$port" || die "port $port is in use by another program; free it (ss -ltnp 'sport = :$port') and retry"
  done
  UP_ACTIVE=1
  trap 'fail "unexpected error in local-v2/cluster.sh line $LINENO (logs: $LOGS)"' ERR
  trap 'fail "interrupted"' INT TERM HUP
  local dir="$RUN/$id"
  LOGS="$dir/logs"
  rm -rf "$dir"; mkdir -p "$LOGS" "$dir/cmd" "$RUN/pids"
  chmod 700 "$RUN"
  echo "$id" >"$RUN/current"
  local kcfg; kcfg="$(kubelet_of "$id")"
  log "starting $id (kubernetes $v, containerd $(containerd_of "$id"), runc $(runc_of "$id")${gates:+, feature gates $gates}${kcfg:+, kubelet $kcfg}) with a cgroup v2 node in UML"
  v2_make_pki
  node_files "$id" "$dir" "$kbin" "$minor" "$gates"
  v2_net_up
  local fg=()
  [ -z "$gates" ] || fg=("--feature-gates=$gates")
  # the guest first: its boot (~15 s) overlaps the control plane's start
  local t0; t0="$(date +%s.%N)"
  guest_boot "$dir" "$LOGS/console.log" "$(store_img "$id")"
  start_proc etcd "$LOGS/etcd.log" "$etcdbin" --name sc-local-v2 --data-dir "$dir/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "sc-local-v2=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls "" \
    --unsafe-no-fsync --quota-backend-bytes 1073741824 --log-level warn
  wait_for "etcd" 30 etcd curl -sf --max-time 2 "http://127.0.0.1:$ETCD_PORT/health"
  start_proc kube-apiserver "$LOGS/kube-apiserver.log" "$kbin/kube-apiserver" \
    --bind-address="$HOST_IP" --advertise-address="$HOST_IP" --secure-port="$API_PORT" \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" \
    --service-cluster-ip-range="$SERVICE_CIDR" --endpoint-reconciler-type=none \
    --client-ca-file="$PKI/ca.crt" --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
    --kubelet-preferred-address-types=InternalIP,Hostname \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --authorization-mode=Node,RBAC --allow-privileged=true \
    --enable-admission-plugins=NodeRestriction \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-extra-headers-prefix=X-Remote-Extra- --requestheader-group-headers=X-Remote-Group \
    --requestheader-username-headers=X-Remote-User \
    --proxy-client-cert-file="$PKI/front-proxy-client.crt" --proxy-client-key-file="$PKI/front-proxy-client.key" \
    --profiling=false "${fg[@]}"
  wait_for "kube-apiserver /readyz" 90 kube-apiserver v2_api /readyz
  log "kube-apiserver ready on $HOST_IP:$API_PORT"
  start_proc kube-controller-manager "$LOGS/kube-controller-manager.log" "$kbin/kube-controller-manager" \
    --kubeconfig="$dir/controller-manager.kubeconfig" --bind-address=127.0.0.1 --secure-port="$CM_PORT" \
    --leader-elect=false --use-service-account-credentials=true \
    --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" --profiling=false "${fg[@]}"
  start_proc kube-scheduler "$LOGS/kube-scheduler.log" "$kbin/kube-scheduler" \
    --kubeconfig="$dir/scheduler.kubeconfig" --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" \
    --leader-elect=false --profiling=false "${fg[@]}"
  guest_wait_file "$dir" guest-booted 180 "the guest's boot"
  log "guest booted in $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')s: $(tr '\n' ' ' <"$dir/guest-booted")"
  guest_wait_status "$dir" images 180 "containerd and the image imports in the guest"
  log "guest: containerd up, images imported"
  guest_wait_status "$dir" kubelet 60 "the kubelet's start in the guest"
  wait_for "node $NODE_NAME Ready" 180 "" node_ready_or_kubelet_failed
  log "node $NODE_NAME Ready"
  wait_for "default service account" 60 kube-controller-manager v2_api /api/v1/namespaces/default/serviceaccounts/default
  local p
  for p in $CONTROL_PLANE; do
    alive "$p" || fail "$p died during start-up: $(tail -n 3 "$LOGS/$p.log" | tr '\n' ' ' | cut -c1-400)"
  done
  guest_alive || fail "the guest died during start-up (console: $LOGS/console.log)"
  trap - ERR INT TERM HUP
  UP_ACTIVE=0
  log "cluster $id up (kubernetes $v, cgroup v2 node) in $((SECONDS - T0))s"
  printf '%s\n' "$dir/kubeconfig"
}

# the node script's progress: one word per line in <run-dir>/node-status (network, containerd, images, kubelet), or
# "failed: <why>"
guest_wait_status() { # run-dir word timeout what
  local end=$((SECONDS + $3)) why
  until grep -qx "$2" "$1/node-status" 2>/dev/null; do
    why="$(sed -n 's/^failed: //p' "$1/node-status" 2>/dev/null | head -n1 || true)"
    [ -z "$why" ] || fail "the node script in the guest failed: $why (logs: $1/logs)"
    guest_alive || fail "the guest exited while waiting for $4 (console: $(tail -n 3 "$1/logs/console.log" 2>/dev/null | tr '\n' ' ' | cut -c1-300))"
    [ $SECONDS -lt $end ] || fail "timed out after $3s waiting for $4 (logs: $1/logs)"
    sleep 0.2
  done
}

# A node-level fault (as clusters/local's restart-kubelet): the kubelet in the guest stopped with SIGTERM (its pods'
# containers keep running) and started again. stdout: when it stopped, started and answered /healthz again.
v2_restart_kubelet() {
  local id=$1 cur
  cur="$(cat "$RUN/current" 2>/dev/null || true)"
  [ "$cur" = "$id" ] || die "local-v2 cluster $id is not running${cur:+ (cluster $cur is)}; start it with: cluster.sh up $id"
  log "restarting the kubelet of $id in the guest (its pods keep running)"
  SC_V2_EXEC_TIMEOUT=120 guest_exec bash "$GUEST_SHARE/node.sh" restart-kubelet
}

v2_status() {
  local cur p
  cur="$(cat "$RUN/current" 2>/dev/null || true)"
  if [ -z "$cur" ]; then
    echo "no local-v2 cluster running"
    local left; left="$(uml_pids | wc -l) guest process(es); $(v2_net_left | tr '\n' ' ')"
    [ "$left" = "0 guest process(es); " ] || echo "WARNING: leftovers: $left; run: cluster.sh down"
    return 0
  fi
  local kcfg; kcfg="$(kubelet_of "$cur" 2>/dev/null || true)"
  echo "cluster: $cur (kubernetes $(k8s_version_of "$cur"), containerd $(containerd_of "$cur"), runc $(runc_of "$cur"), etcd $(etcd_of "$cur")${kcfg:+, kubelet $kcfg}), cgroup v2 node in UML"
  echo "kubeconfig: $RUN/$cur/kubeconfig"
  for p in $CONTROL_PLANE; do
    if alive "$p"; then echo "$p: running (pid $(pid_of "$p"))"; else echo "$p: NOT running"; fi
  done
  if guest_alive; then echo "guest: running (pid $(pid_of guest), $(uml_pids | wc -l) host processes)"; else echo "guest: NOT running"; fi
  echo "node script: $(tr '\n' ' ' <"$RUN/$cur/node-status" 2>/dev/null)"
  if node_ready 2>/dev/null; then echo "node $NODE_NAME: Ready"; else echo "node $NODE_NAME: not Ready"; fi
}

# boot-check: the guest alone (no cluster): boot, its facts, halt. Nothing is left behind.
do_boot_check() {
  lock_clusters
  cluster_running_elsewhere
  [ -z "$(cat "$RUN/current" 2>/dev/null)" ] || die "a local-v2 cluster is running; run: cluster.sh down"
  local dir="$RUN/boot-check"
  rm -rf "$dir"; mkdir -p "$dir/logs"
  UP_ACTIVE=1
  trap 'fail "interrupted"' INT TERM HUP
  echo boot-check >"$RUN/current"
  v2_net_up
  local t0; t0="$(date +%s.%N)"
  guest_boot "$dir" "$dir/logs/console.log"
  log "guest starting (UML $(uml_kernel_release), mem $GUEST_MEM)"
  guest_wait_file "$dir" guest-booted 180 "the guest's boot"
  local secs; secs="$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
  log "guest booted in ${secs}s (wall clock, host side)"
  printf 'boot_seconds=%s\n' "$secs"
  cat "$dir/guest-booted"
  v2_down 1
  trap - INT TERM HUP
  UP_ACTIVE=0
}
