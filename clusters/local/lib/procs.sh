# shellcheck shell=bash
# clusters/local/lib/procs.sh: process supervision, up, down, status: sourced by cluster.sh (uses its constants, log, die)

# ---------------------------------------------------------------- processes
pidfile() { printf '%s/pids/%s.pid' "$RUN" "$1"; }
alive() { local p; p="$(cat "$(pidfile "$1")" 2>/dev/null)" || return 1; [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
start_proc() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  mkdir -p "$RUN/pids"
  # fds 8/9 hold our locks: daemons must not inherit them
  setsid "$@" >"$logf" 2>&1 </dev/null 8>&- 9>&- &
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
# every process that is ours even without a pid file (a killed run): binaries
# under $SC_CACHE, and containerd / shims serving our socket. Not ours: upstream's test binaries
# ($SC_CACHE/e2e: e2e.test, ginkgo, run against a cluster, never part of one) and whatever a build
# runs (its environment says SC_BUILDING=1: builds take no cluster lock and may run beside a cluster).
stray_pids() {
  {
    # (processes come and go while find runs: ignore its errors)
    find /proc/[0-9]*/exe -maxdepth 0 -lname "$SC_CACHE/*" ! -lname "$SC_CACHE/e2e/*" 2>/dev/null | cut -d/ -f3 || true
    ps -eo pid=,comm=,args= 2>/dev/null |
      awk -v s="$CTRD_SOCK" -v c="$RUN/containerd.toml" '$2 ~ /^containerd/ && (index($0, s) || index($0, c)) {print $1}' || true
  } | { grep -vx "$$" || true; } | not_building | sort -un
}
# pids (one per line) less those whose environment carries SC_BUILDING=1
not_building() {
  local p
  while read -r p; do
    tr '\0' '\n' <"/proc/$p/environ" 2>/dev/null | grep -qx 'SC_BUILDING=1' || echo "$p"
  done
}
# processes of pods (kubelet's cgroupfs hierarchy)
pod_pids() {
  find /sys/fs/cgroup/pids/kubepods /sys/fs/cgroup/memory/kubepods /sys/fs/cgroup/cpu/kubepods \
    -name cgroup.procs -exec cat {} + 2>/dev/null | sort -un || true
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
umount_ours() {
  local pass m
  for pass in 1 2 3; do
    local mps
    mps="$(awk -v c="$SC_CACHE/" '{print $5}' /proc/self/mountinfo |
      awk -v c="$SC_CACHE/" 'index($0, c) == 1 || $0 ~ /^\/(var\/)?run\/netns\/cni-/' | awk '{print length, $0}' | sort -rn | cut -d' ' -f2-)"
    [ -z "$mps" ] && return 0
    while read -r m; do
      [ -n "$m" ] || continue
      m="$(printf '%b' "${m//\\0/\\0}")"
      umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
    done <<<"$mps"
    [ "$pass" = 3 ] || sleep 0.2
  done
}
cgroup_cleanup() {
  find /sys/fs/cgroup/*/kubepods -depth -type d -exec rmdir {} \; 2>/dev/null || true
}

do_down() { # quiet=0|1
  local quiet=${1:-0} id=""
  id="$(cat "$RUN/current" 2>/dev/null || true)"
  [ "$quiet" = 1 ] || log "stopping ${id:-local cluster}"
  dbg "down: stop kubelet, scheduler, controller-manager"
  stop_procs kubelet kube-scheduler kube-controller-manager
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
  for p in $(stray_pids) $(pod_pids); do kill -KILL "$p" 2>/dev/null || true; done
  local i
  for ((i = 0; i < 50; i++)); do [ -z "$(stray_pids)" ] && break; sleep 0.1; done
  dbg "down: unmount"
  umount_ours
  dbg "down: network"
  net_cleanup
  dbg "down: cgroups, sysctls, files"
  cgroup_cleanup
  sysctl_restore
  # CRI bookkeeping of dead sandboxes must not survive; a killed containerd may leave a bad store
  rm -rf "$CTRD_ROOT/io.containerd.grpc.v1.cri" "$CTRD_STATE" "$IPAM_DIR" "$CNI_CONF_DIR"
  if [ "$ctrd_ok" = 0 ] && [ -d "$CTRD_ROOT" ]; then rm -rf "$CTRD_ROOT"; fi
  local d
  for d in "$RUN"/*/; do
    [ -d "$d" ] || continue
    rm -rf "$d/etcd" "$d/kubelet" "$d/pod-logs"
  done
  rm -f "$RUN/current" "$RUN/containerd.toml" "$RUN/runtime.env" "$CTRD_SOCK" "$CTRD_SOCK.ttrpc"
  dbg "down: final check"
  local left; left="$(stray_pids | tr '\n' ' ')"
  [ -z "$left" ] || { log "WARNING: processes still alive: $left"; return 1; }
  [ "$quiet" = 1 ] || log "stopped; no process, mount, bridge or netns of the local cluster remains"
}

# ---------------------------------------------------------------- up
UP_ACTIVE=0
fail() {
  local msg=$1
  if [ "$UP_ACTIVE" = 1 ]; then UP_ACTIVE=0; do_down 1 >/dev/null 2>&1 || true; msg+="; nothing was left running"; fi
  die "$msg"
}
port_free() { [ -z "$(ss -Hltn "sport = :$1")" ]; }  # on any address: the kubelet binds $NODE_IP

node_ready() {
  api "/api/v1/nodes/$NODE_NAME" | jq -e '.status.conditions[] | select(.type == "Ready") | .status == "True"' >/dev/null
}

do_up() {
  local id=$1 v minor gates kbin etcdbin
  v="$(k8s_version_of "$id")"; minor="$(minor_of "$v")"; gates="$(gates_of "$id")"
  build_all "$id"
  kbin="$(k8s_dir "$v")/bin"
  etcdbin="$SC_CACHE/etcd/$(etcd_of "$id")/bin/etcd"
  mkdir -p "$RUN"
  exec 9>"$SC_CACHE/cluster.lock"
  flock -w 300 9 || die "another cluster.sh up/down is running (lock $SC_CACHE/cluster.lock)"
  local kind; kind="$(cat "$SC_CACHE/kind/run/current" 2>/dev/null || true)"
  [ -z "$kind" ] || die "the kind cluster sc-$kind of clusters/kind/kind.sh is running (one cluster at a time); run: clusters/kind/kind.sh down"
  local cur; cur="$(cat "$RUN/current" 2>/dev/null || true)"
  if [ -n "$cur" ] || [ -n "$(stray_pids)" ] || ip link show "$BRIDGE" >/dev/null 2>&1; then
    log "tearing down the running/leftover local cluster ${cur:-(unknown)}"
    do_down 1 || die "could not stop the previous local cluster (see cluster.sh status); run: cluster.sh down"
  fi
  local port
  for port in $API_PORT $ETCD_PORT $ETCD_PEER_PORT $CM_PORT $SCHED_PORT $KUBELET_PORT $KUBELET_HEALTHZ_PORT; do
    port_free "$port" || die "port $port is in use by another program; free it (ss -ltnp 'sport = :$port') and retry"
  done
  UP_ACTIVE=1
  trap 'fail "unexpected error in cluster.sh line $LINENO (logs: $LOGS)"' ERR
  trap 'fail "interrupted"' INT TERM HUP
  local dir="$RUN/$id"
  LOGS="$dir/logs"
  rm -rf "$dir"; mkdir -p "$LOGS" "$RUN/pids"
  echo "$id" >"$RUN/current"
  sysctl_save
  log "starting $id (kubernetes $v${gates:+, feature gates $gates})"
  make_pki
  runtime_paths "$id"
  save_runtime
  write_configs "$id" "$kbin" "$minor" "$gates"
  local fg=()
  [ -z "$gates" ] || fg=("--feature-gates=$gates")
  bridge_up

  # containerd finds its shim (and Debian's shim finds runc) through PATH
  PATH="$SHIM_DIR:$(dirname "$RUNC_BIN"):$PATH" start_proc containerd "$LOGS/containerd.log" "$CTRD_BIN" --config "$RUN/containerd.toml"
  start_proc etcd "$LOGS/etcd.log" "$etcdbin" --name sc-local --data-dir "$dir/etcd" \
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
    --kubeconfig="$dir/controller-manager.kubeconfig" --bind-address=127.0.0.1 --secure-port="$CM_PORT" \
    --leader-elect=false --use-service-account-credentials=true \
    --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" --profiling=false "${fg[@]}"
  start_proc kube-scheduler "$LOGS/kube-scheduler.log" "$kbin/kube-scheduler" \
    --kubeconfig="$dir/scheduler.kubeconfig" --bind-address=127.0.0.1 --secure-port="$SCHED_PORT" \
    --leader-elect=false --profiling=false "${fg[@]}"
  start_kubelet "$dir" "$kbin"
  wait_for "node $NODE_NAME Ready" 120 kubelet node_ready
  log "node $NODE_NAME Ready"
  wait_for "default service account" 60 kube-controller-manager api /api/v1/namespaces/default/serviceaccounts/default
  local p
  for p in etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet; do
    alive "$p" || fail "$p died during start-up: $(tail -n 3 "$LOGS/$p.log" | tr '\n' ' ' | cut -c1-400)"
  done
  trap - ERR INT TERM HUP
  UP_ACTIVE=0
  log "cluster $id up (kubernetes $v) in $((SECONDS - T0))s"
  printf '%s\n' "$dir/kubeconfig"
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
  local id=$1 cur v dir n stopped started
  cur="$(cat "$RUN/current" 2>/dev/null || true)"
  [ "$cur" = "$id" ] || die "cluster $id is not running${cur:+ (cluster $cur is)}; start it with: cluster.sh up $id"
  alive kubelet || die "the kubelet of $id is not running; see: cluster.sh status"
  v="$(k8s_version_of "$id")"
  dir="$RUN/$id"
  LOGS="$dir/logs"
  log "stopping the kubelet of $id (its pods keep running)"
  stop_procs kubelet
  stopped="$(utc_now)"
  n=1
  while [ -e "$LOGS/kubelet.log.$n" ]; do n=$((n + 1)); done
  [ ! -e "$LOGS/kubelet.log" ] || mv "$LOGS/kubelet.log" "$LOGS/kubelet.log.$n"
  start_kubelet "$dir" "$(k8s_dir "$v")/bin"
  started="$(utc_now)"
  wait_for "the restarted kubelet's /healthz" 60 kubelet kubelet_healthy
  log "kubelet of $id healthy again (previous log: $LOGS/kubelet.log.$n)"
  printf 'stopped %s, started %s, healthy %s\n' "$stopped" "$started" "$(utc_now)"
}

do_status() {
  local cur p n
  cur="$(cat "$RUN/current" 2>/dev/null || true)"
  if [ -z "$cur" ]; then
    echo "no local cluster running"
    n="$(stray_pids | wc -l)"; [ "$n" = 0 ] || echo "WARNING: $n leftover process(es); run: cluster.sh down"
    return 0
  fi
  echo "cluster: $cur (kubernetes $(k8s_version_of "$cur"), containerd $(containerd_of "$cur"), runc $(runc_of "$cur"), etcd $(etcd_of "$cur"))"
  echo "kubeconfig: $RUN/$cur/kubeconfig"
  for p in etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet; do
    if alive "$p"; then echo "$p: running (pid $(cat "$(pidfile "$p")"))"; else echo "$p: NOT running"; fi
  done
  if node_ready 2>/dev/null; then echo "node $NODE_NAME: Ready"; else echo "node $NODE_NAME: not Ready"; fi
}

