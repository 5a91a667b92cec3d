# shellcheck shell=bash
# clusters/local/lib/procs.sh: process supervision, up, down, status of one instance (instance.sh's values), and the
# list of all. Sourced by cluster.sh (uses its constants, log, die).

# ---------------------------------------------------------------- processes
pidfile() { printf '%s/pids/%s.pid' "$RUN" "$1"; }
alive() { local p; p="$(cat "$(pidfile "$1")" 2>/dev/null)" || return 1; [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
start_proc() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  mkdir -p "$RUN/pids"
  # fds 5-9 hold our locks: daemons must not inherit them
  setsid "$@" >"$logf" 2>&1 </dev/null 5>&- 6>&- 7>&- 8>&- 9>&- &
  echo $! >"$(pidfile "$name")"
}
stop_procs() { # names... : TERM, wait up to 10s, then KILL
  local n p pids=()
  for n in "$@"; do
    p="$(cat "$(pidfile "$n")" 2>/dev/null || true)"
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then kill -TERM "$p" 2>/dev/null || true; pids+=("$p"); fi
    rm -f "$(pidfile "$n")"
  done
  local i
  for ((i = 0; i < 100; i++)); do
    local left=()
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
    [ "${#left[@]}" = 0 ] && return 0
    pids=("${left[@]}")
    sleep 0.1
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
}
# Every process of this instance, even without a pid file (a killed run): a cluster binary (etcd, kube-*, containerd
# and its shims, runc; the pod-logs lock's sleep) whose command line names this instance's folder, and the processes
# of its pods (its cgroup parent). Not ours: other instances' (their folders and cgroups differ), local-v2's
# ($SC_CACHE/local-v2/), whatever a build runs (its environment says SC_BUILDING=1: builds take no cluster lock and
# may run beside a cluster), and any other program that merely names the folder (an editor, a tail -f of a log).
stray_pids() {
  {
    ps -eo pid=,comm=,args= 2>/dev/null |
      awk -v d="$INST/" '$2 ~ /^(etcd|kube-|kubelet|containerd|runc|sleep)/ && index($0, d) {print $1}' || true
    pod_pids
  } | { grep -vx "$$" || true; } | not_building | sort -un
}
# the processes an instance supervises through pid files (start_proc)
SUPERVISED="etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet"
# every pid of the instance: its pid files' and its strays (stdout, one per line)
instance_pids() {
  local p
  { for p in $SUPERVISED; do
      if alive "$p"; then cat "$(pidfile "$p")"; fi; done; stray_pids; } | sort -un
}
# Where this instance's CPU can be read (cluster.sh cpu-sources; the suite's per-component CPU measurement), one
# tab-separated "kind name value" line each: every supervised process's pid file, the containerd socket its shims name
# on their command line (a shim is reparented to init, no child of containerd), the cgroup parent of its pods.
cpu_sources() {
  local p
  for p in $SUPERVISED; do
    printf 'pidfile\t%s\t%s\n' "$p" "$(pidfile "$p")"
  done
  printf 'shims\tcontainerd-shim\t%s\n' "$CTRD_SOCK"
  printf 'cgroup\tpods\t%s\n' "$CGROUP_NAME"
}
# pids (one per line) less those whose environment carries SC_BUILDING=1
not_building() {
  local p
  while read -r p; do
    tr '\0' '\n' 2>/dev/null <"/proc/$p/environ" | grep -qx 'SC_BUILDING=1' || echo "$p"
  done
}
# the cgroup hierarchies of this machine (v1: one per controller; v2: the one)
cgroup_mounts() { awk '$9 == "cgroup" || $9 == "cgroup2" {print $5}' /proc/self/mountinfo | sort -u; }
# processes of this instance's pods (kubelet's cgroupfs hierarchy under its cgroup parent)
pod_pids() {
  local m dirs=()
  for m in $(cgroup_mounts); do [ -d "$m/$CGROUP_NAME" ] && dirs+=("$m/$CGROUP_NAME"); done
  [ "${#dirs[@]}" = 0 ] && return 0
  find "${dirs[@]}" -name cgroup.procs -exec cat {} + 2>/dev/null | sort -un || true
}
# the cgroup parent in every hierarchy, before the kubelet starts (it refuses a cgroupRoot that does not exist);
# cpuset's needs its CPUs and memory nodes before a child may hold a process, v2's the controllers enabled below it
cgroup_up() {
  local m d f
  for m in $(cgroup_mounts); do
    d="$m/$CGROUP_NAME"
    mkdir -p "$d"
    for f in cpuset.cpus cpuset.mems; do
      if [ -f "$d/$f" ] && [ -z "$(cat "$d/$f")" ]; then cat "$m/$f" >"$d/$f"; fi
    done
    if [ -f "$m/cgroup.subtree_control" ] && [ -f "$d/cgroup.subtree_control" ]; then
      sed 's/\([^ ]*\)/+\1/g' "$m/cgroup.subtree_control" >"$d/cgroup.subtree_control" 2>/dev/null || true
    fi
  done
}
cgroup_cleanup() {
  local m
  for m in $(cgroup_mounts); do
    [ -d "$m/$CGROUP_NAME" ] && find "$m/$CGROUP_NAME" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  return 0
}
cgroup_left() {
  local m
  for m in $(cgroup_mounts); do [ -d "$m/$CGROUP_NAME" ] && echo "cgroup $m/$CGROUP_NAME"; done
  return 0
}
# what is left of this instance on the machine, one line each (stdout): processes, mounts, network, cgroups
instance_left() {
  local p m
  p="$(stray_pids | tr '\n' ' ')"
  [ -z "$p" ] || echo "processes $p"
  m="$(our_mounts | wc -l)"
  [ "$m" = 0 ] || echo "$m mounts under $INST/"
  net_left
  cgroup_left
}

# The machine-wide lock (also kind.sh's and local-v2's), held only while an instance reads or changes what all share:
# its running mark with the other cluster scripts' checks, the sysctls, the kubelets' chains.
host_lock() {
  mkdir -p "$SC_CACHE"
  exec 5>"$SC_CACHE/cluster.lock"
  flock -w 300 5 || die "another cluster script holds $SC_CACHE/cluster.lock for over 300 s; retry"
}
host_unlock() { exec 5>&-; }
# The instance's own lock, held for the whole of up, down or restart-kubelet.
instance_lock() {
  mkdir -p "$INST"
  exec 9>"$INST/lock"
  flock -w 300 9 || die "another cluster.sh up/down of slot $SLOT is running (lock $INST/lock)"
}
# After an instance is gone: the last local kubelet out puts back what the kubelets share (the machine's sysctls,
# the KUBE-* chains). Any kubelet still running (another instance's, a kind node's) keeps them.
host_release() {
  host_lock
  if ! pgrep -x kubelet >/dev/null 2>&1; then
    ipt_kube_cleanup
    sysctl_restore
    release_ports "$(instance_port_ranges)"
  fi
  host_unlock
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

# ---------------------------------------------------------------- cleanup
# this instance's mounts, deepest first: pods' volumes (kubelet), containers' root filesystems, sandboxes' /dev/shm and
# network namespaces (containerd state)
our_mounts() {
  awk '{print $5}' /proc/self/mountinfo | awk -v d="$INST/" 'index($0, d) == 1' | awk '{print length, $0}' | sort -rn | cut -d' ' -f2-
}
umount_ours() {
  local pass m mps
  for pass in 1 2 3; do
    mps="$(our_mounts)"
    [ -z "$mps" ] && return 0
    while read -r m; do
      [ -n "$m" ] || continue
      m="$(printf '%b' "${m//\\0/\\0}")"
      umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done <<<"$mps"
    [ "$pass" = 3 ] || sleep 0.2
  done
}

do_down() { # quiet=0|1: this instance (instance.sh's values) only
  local quiet=${1:-0} id=""
  id="$(cat "$RUN/current" 2>/dev/null || true)"
  [ "$quiet" = 1 ] || log "stopping ${id:-the local cluster} (slot $SLOT)"
  dbg "down: stop kubelet, scheduler, controller-manager"
  stop_procs kubelet kube-scheduler kube-controller-manager pod-logs-lock
  dbg "down: kill pod processes"
  # containers: kill pod processes, then remove tasks/containers through containerd if it still answers
  local p
  for p in $(pod_pids); do kill -KILL "$p" 2>/dev/null || true; done
  load_runtime
  local ctrd_ok=0
  if alive containerd && timeout 3 "$CTR_BIN" --address "$CTRD_SOCK" version >/dev/null 2>&1; then ctrd_ok=1; fi
  dbg "down: containerd answers: $ctrd_ok"
  if [ "$ctrd_ok" = 1 ]; then
    local c
    for c in $(timeout 20 "$CTR_BIN" --address "$CTRD_SOCK" -n k8s.io tasks ls -q 2>/dev/null); do
      timeout 10 "$CTR_BIN" --address "$CTRD_SOCK" -n k8s.io tasks rm -f "$c" >/dev/null 2>&1 || true
    done
    for c in $(timeout 20 "$CTR_BIN" --address "$CTRD_SOCK" -n k8s.io containers ls -q 2>/dev/null); do
      timeout 10 "$CTR_BIN" --address "$CTRD_SOCK" -n k8s.io containers rm "$c" >/dev/null 2>&1 || true
    done
    # containerd 2.x keeps pod sandboxes in its metadata store: a fresh cluster must not inherit them
    for c in $(timeout 20 "$CTR_BIN" --address "$CTRD_SOCK" -n k8s.io sandboxes ls -q 2>/dev/null); do
      timeout 10 "$CTR_BIN" --address "$CTRD_SOCK" -n k8s.io sandboxes rm -f "$c" >/dev/null 2>&1 || true
    done
  fi
  dbg "down: stop containerd, apiserver, etcd"
  stop_procs containerd kube-apiserver etcd
  dbg "down: strays"
  for p in $(stray_pids); do kill -KILL "$p" 2>/dev/null || true; done
  local i
  for ((i = 0; i < 50; i++)); do [ -z "$(stray_pids)" ] && break; sleep 0.1; done
  dbg "down: unmount"
  umount_ours
  dbg "down: network"
  net_cleanup
  dbg "down: cgroups, files"
  cgroup_cleanup
  # CRI bookkeeping of dead sandboxes must not survive; a killed containerd may leave a bad store
  rm -rf "$CTRD_ROOT/io.containerd.grpc.v1.cri"
  if [ "$ctrd_ok" = 0 ] && [ -d "$CTRD_ROOT" ]; then rm -rf "$CTRD_ROOT"; fi
  # the run's files go; its logs stay for a look after a failed up (the next up replaces them)
  if [ -d "$RUN" ]; then find "$RUN" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} + 2>/dev/null || true; fi
  dbg "down: what all instances share"
  host_release
  dbg "down: final check"
  local left; left="$(instance_left | paste -sd';' -)"
  [ -z "$left" ] || { log "WARNING: still there: $left"; return 1; }
  [ "$quiet" = 1 ] || log "stopped; no process, mount, bridge, firewall chain or cgroup of slot $SLOT remains"
}

# down of every instance with a folder here (cluster.sh down without an id)
do_down_all() {
  local s rc=0
  for s in $(known_slots); do
    use_slot "$s"
    [ -n "$(cat "$RUN/current" 2>/dev/null)" ] || [ -n "$(instance_left)" ] || continue
    instance_lock
    do_down 0 || rc=1
    exec 9>&-
  done
  return "$rc"
}

# ---------------------------------------------------------------- up
UP_ACTIVE=0
fail() {
  local msg=$1
  if [ "$UP_ACTIVE" = 1 ]; then UP_ACTIVE=0; do_down 1 >/dev/null 2>&1 || true; msg+="; nothing was left running"; fi
  die "$msg"
}
port_free() { [ -z "$(ss -Hltn "sport = :$1")" ]; }  # on any address
# the node's address on no interface, no bridge of that name, nothing listening on the kubelet's port of the
# address (every instance's kubelet binds 10250, each on its own address)
ip_free() {
  [ -z "$(ip -o addr show to "$NODE_IP" 2>/dev/null)" ] && ! ip link show "$BRIDGE" >/dev/null 2>&1 &&
    [ -z "$(ss -Hltn "sport = :$KUBELET_PORT" | awk -v a="$NODE_IP:$KUBELET_PORT" '$4 == a || $4 ~ /^(0\.0\.0\.0|\*|\[::\]):/')" ]
}

node_ready() {
  api "/api/v1/nodes/$NODE_NAME" | jq -e '.status.conditions[] | select(.type == "Ready") | .status == "True"' >/dev/null
}

do_up() {
  local id=$1 v minor gates kcfg kbin etcdbin
  v="$(k8s_version_of "$id")"; minor="$(minor_of "$v")"; gates="$(gates_of "$id")"; kcfg="$(kubelet_of "$id")"
  build_all "$id"
  kbin="$(k8s_dir "$v")/bin"
  etcdbin="$SC_CACHE/etcd/$(etcd_of "$id")/bin/etcd"
  check_kubelet_fields "$id" "$kbin"   # the row's kubelet column, before anything runs
  instance_lock
  host_lock
  local kind; kind="$(cat "$SC_CACHE/kind/run/current" 2>/dev/null || true)"
  [ -z "$kind" ] || die "the kind cluster sc-$kind of clusters/kind/kind.sh is running (it restores the whole firewall on down: not beside a local cluster); run: clusters/kind/kind.sh down"
  local cur holder; cur="$(cat "$RUN/current" 2>/dev/null || true)"
  holder="$(owner_other_live)"
  [ -z "$holder" ] || die "slot $SLOT runs $cur for another run that is still going (pid $holder): wait for it to end, or run this one beside it with SC_LOCAL_SLOT=$(free_slot)"
  if [ -n "$cur" ] || [ -n "$(instance_left)" ]; then
    log "tearing down what slot $SLOT left running: ${cur:-(no cluster marked)}"
    host_unlock  # down takes it itself, for what all instances share
    do_down 1 || die "could not stop what slot $SLOT left (see cluster.sh status $id); run: cluster.sh down $id"
    host_lock
  fi
  local port
  for port in $API_PORT $ETCD_PORT $ETCD_PEER_PORT $CM_PORT $SCHED_PORT $KUBELET_HEALTHZ_PORT; do
    port_free "$port" || die "port $port (slot $SLOT) is in use by another program; free it (ss -ltnp 'sport = :$port') or pick another slot (SC_LOCAL_SLOT)"
  done
  ip_free || die "$NODE_IP, $KUBELET_PORT on it or the bridge $BRIDGE (slot $SLOT) is in use by another program; free it or pick another slot (SC_LOCAL_SLOT)"
  UP_ACTIVE=1
  trap 'fail "unexpected error in cluster.sh line $LINENO (logs: $LOGS)"' ERR
  trap 'fail "interrupted"' INT TERM HUP
  rm -rf "$RUN"; mkdir -p "$LOGS" "$RUN/pids"
  echo "$id" >"$RUN/current"
  owner_record
  sysctl_save
  reserve_ports "$(instance_port_ranges)"
  host_unlock
  log "starting $id (kubernetes $v${gates:+, feature gates $gates}${kcfg:+, kubelet $kcfg})"
  make_pki
  runtime_paths "$id"
  save_runtime
  write_configs "$id" "$kbin" "$minor" "$gates"
  local fg=()
  [ -z "$gates" ] || fg=("--feature-gates=$gates")
  bridge_up
  cgroup_up

  # containerd finds its shim (and Debian's shim finds runc) through PATH
  PATH="$SHIM_DIR:$(dirname "$RUNC_BIN"):$PATH" start_proc containerd "$LOGS/containerd.log" "$CTRD_BIN" --config "$RUN/containerd.toml"
  start_proc etcd "$LOGS/etcd.log" "$etcdbin" --name sc-local --data-dir "$RUN/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
    --initial-cluster "sc-local=http://127.0.0.1:$ETCD_PEER_PORT" --listen-metrics-urls "" \
    --unsafe-no-fsync --quota-backend-bytes 1073741824 --log-level warn
  wait_for "etcd" 30 etcd curl -sf --max-time 2 "http://127.0.0.1:$ETCD_PORT/health"
  start_proc kube-apiserver "$LOGS/kube-apiserver.log" "$kbin/kube-apiserver" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$API_PORT" \
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
  wait_for "containerd" 30 containerd "$CTR_BIN" --address "$CTRD_SOCK" version
  import_images "$kbin" || fail "importing images into containerd failed (log: $LOGS/images.log)"
  log "containerd up, images imported"
  # firewall: pod traffic never leaves the pod network (no NAT, no route to the outside)
  firewall_up
  wait_for "kube-apiserver /readyz" 90 kube-apiserver api /readyz
  log "kube-apiserver ready"
  start_proc kube-controller-manager "$LOGS/kube-controller-manager.log" "$kbin/kube-controller-manager" \
    --kubeconfig="$RUN/controller-manager.kubeconfig" --bind-address=127.0.0.1 --secure-port="$CM_PORT" \
    --leader-elect=false --use-service-account-credentials=true \
    --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" --profiling=false "${fg[@]}"
  start_proc kube-scheduler "$LOGS/kube-scheduler.log" "$kbin/kube-scheduler" \
    --kubeconfig="$RUN/scheduler.kubeconfig" --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" \
    --leader-elect=false --profiling=false "${fg[@]}"
  grep -q podLogsDir "$kbin/kubelet-config-fields" 2>/dev/null || shared_pod_logs_lock
  start_kubelet "$RUN" "$kbin"
  wait_for "node $NODE_NAME Ready" 120 kubelet node_ready
  log "node $NODE_NAME Ready"
  wait_for "default service account" 60 kube-controller-manager api /api/v1/namespaces/default/serviceaccounts/default
  local p
  for p in $SUPERVISED; do
    alive "$p" || fail "$p died during start-up: $(tail -n 3 "$LOGS/$p.log" | tr '\n' ' ' | cut -c1-400)"
  done
  trap - ERR INT TERM HUP
  UP_ACTIVE=0
  log "cluster $id up (kubernetes $v, slot $SLOT: API 127.0.0.1:$API_PORT, node $NODE_IP, pods $POD_CIDR) in $((SECONDS - T0))s"
  printf '%s\n' "$RUN/kubeconfig"
}

# A kubelet without podLogsDir (1.27-1.29) writes /var/log/pods, and its container GC removes the folders there of pods
# it does not know: another such instance's. One of them at a time: a holder process (pid file pod-logs-lock, stopped
# by down) keeps a lock for the instance's life; a second waits up to $SC_POD_LOGS_WAIT s (3600) for it.
shared_pod_logs_lock() {
  local lock="$LOCAL_ROOT/var-log-pods.lock" held="$RUN/pod-logs-lock.held" t=${SC_POD_LOGS_WAIT:-3600}
  if ! flock -n "$lock" true; then log "waiting (up to ${t}s) for the other instance whose kubelet writes /var/log/pods to stop"; fi
  # bash execs sleep with the lock on fd 4; its argv[0] names this instance's folder (stray_pids finds it)
  # shellcheck disable=SC2016 # expanded by that bash
  start_proc pod-logs-lock "$LOGS/pod-logs-lock.log" bash -c \
    'exec 4>"$1"; flock -w "$2" 4 || { echo "gave up after $2 s: another instance still holds it" >&2; exit 1; }
     : >"$3"; exec -a "$3" sleep infinity' _ "$lock" "$t" "$held"
  wait_for "the lock on /var/log/pods ($lock)" "$((t + 10))" pod-logs-lock test -e "$held"
}

start_kubelet() { # run-dir k8s-bin-dir
  start_proc kubelet "$LOGS/kubelet.log" "$2/kubelet" \
    --config="$1/kubelet.yaml" --kubeconfig="$1/kubelet.kubeconfig" \
    --hostname-override="$NODE_NAME" --node-ip="$NODE_IP" --root-dir="$1/kubelet" --cert-dir="$1/kubelet/pki"
}
kubelet_healthy() { curl -sf --max-time 2 "http://127.0.0.1:$KUBELET_HEALTHZ_PORT/healthz"; }
utc_now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }

# A node-level fault: stop the kubelet (SIGTERM, as systemd would; its pods' containers keep running under
# containerd) and start it again with the same flags, its previous log kept as kubelet.log.<n>.
# stdout: one line with the three moments (UTC): stopped, started, healthy again.
do_restart_kubelet() {
  local id=$1 cur v n stopped started
  cur="$(cat "$RUN/current" 2>/dev/null || true)"
  [ "$cur" = "$id" ] || die "cluster $id is not running in slot $SLOT${cur:+ (cluster $cur is)}; start it with: cluster.sh up $id"
  alive kubelet || die "the kubelet of $id is not running; see: cluster.sh status $id"
  v="$(k8s_version_of "$id")"
  log "stopping the kubelet of $id (its pods keep running)"
  stop_procs kubelet
  stopped="$(utc_now)"
  n=1
  while [ -e "$LOGS/kubelet.log.$n" ]; do n=$((n + 1)); done
  [ ! -e "$LOGS/kubelet.log" ] || mv "$LOGS/kubelet.log" "$LOGS/kubelet.log.$n"
  start_kubelet "$RUN" "$(k8s_dir "$v")/bin"
  started="$(utc_now)"
  wait_for "the restarted kubelet's /healthz" 60 kubelet kubelet_healthy
  log "kubelet of $id healthy again (previous log: $LOGS/kubelet.log.$n)"
  printf 'stopped %s, started %s, healthy %s\n' "$stopped" "$started" "$(utc_now)"
}

# one instance: its processes and node
do_status() {
  local cur p left
  cur="$(cat "$RUN/current" 2>/dev/null || true)"
  if [ -z "$cur" ]; then
    echo "slot $SLOT: no local cluster running"
    left="$(instance_left | paste -sd';' -)"
    [ -z "$left" ] || echo "WARNING: leftovers of slot $SLOT: $left; run: SC_LOCAL_SLOT=$SLOT cluster.sh down"
    return 0
  fi
  local kcfg; kcfg="$(kubelet_of "$cur")"
  echo "cluster: $cur in slot $SLOT (kubernetes $(k8s_version_of "$cur"), containerd $(containerd_of "$cur"), runc $(runc_of "$cur"), etcd $(etcd_of "$cur")${kcfg:+, kubelet $kcfg})"
  echo "kubeconfig: $RUN/kubeconfig (API https://127.0.0.1:$API_PORT)"
  echo "node: $NODE_NAME at $NODE_IP, pods $POD_CIDR on $BRIDGE, chains $IPT_IN_CHAIN/$IPT_CHAIN, cgroup parent /$CGROUP_NAME"
  for p in $SUPERVISED; do
    if alive "$p"; then echo "$p: running (pid $(cat "$(pidfile "$p")"))"; else echo "$p: NOT running"; fi
  done
  if node_ready 2>/dev/null; then echo "node $NODE_NAME: Ready"; else echo "node $NODE_NAME: not Ready"; fi
}

# every instance with a folder here, one line each: slot, id, state, API, node address, kubeconfig
do_list() {
  local s cur state left n=0
  printf '%-5s %-14s %-10s %-22s %-13s %s\n' slot id state api node kubeconfig
  for s in $(known_slots); do
    use_slot "$s"
    cur="$(cat "$RUN/current" 2>/dev/null || true)"
    left="$(instance_left)"
    if [ -n "$cur" ] && api /readyz >/dev/null 2>&1; then state=running
    elif [ -n "$cur" ]; then state=no-answer
    elif [ -n "$left" ]; then state=leftovers
    else continue
    fi
    [ "$state" != leftovers ] || cur="-"
    printf '%-5s %-14s %-10s %-22s %-13s %s\n' "$s" "$cur" "$state" "127.0.0.1:$API_PORT" "$NODE_IP" "$RUN/kubeconfig"
    n=$((n + 1))
  done
  [ "$n" -gt 0 ] || echo "(no local cluster instance running)"
  # a cluster of the layout before instances (one per machine) is none of these: its own script stops it
  local old; old="$(cat "$SC_CACHE/run/current" 2>/dev/null || true)"
  if [ -n "$old" ]; then
    echo "note: $old runs in the single-cluster layout of before (\$SC_CACHE/run); that version's cluster.sh down stops it"
  fi
}
