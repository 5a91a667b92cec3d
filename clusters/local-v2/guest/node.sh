#!/bin/bash
# The node of the local-v2 cluster, run inside the UML guest by sc-node-start at boot (copied into each run's share,
# /sc/run, by clusters/local-v2/lib/node.sh): the guest's address on the tap network, containerd (clusters/local's
# build, systemd cgroup driver) with the local images imported, the kubelet, and a command loop for
# `cluster.sh guest <cmd>`. Progress: one word per line in /sc/run/node-status; output in /sc/run/logs/.
set -Eeuo pipefail
S=/sc/run
# shellcheck source=/dev/null
. "$S/node.env"
status() { echo "$1" >>"$S/node-status"; }
secs() { cut -d' ' -f1 /proc/uptime; }

# `cluster.sh guest`: runs each $S/cmd/<n>.sh, writing <n>.out and then <n>.rc; polls every 0.3 s without forking
cmd_loop() {
  local f n rc
  mkfifo /run/sc-tick
  exec 3<>/run/sc-tick
  while true; do
    for f in "$S"/cmd/*.sh; do
      [ -e "$f" ] || continue
      n="${f%.sh}"
      mv -f "$f" "$n.run"
      if bash "$n.run" >"$n.out" 2>&1; then rc=0; else rc=$?; fi
      echo "$rc" >"$n.rc.tmp"; mv -f "$n.rc.tmp" "$n.rc"; rm -f "$n.run"
    done
    read -r -t 0.3 -u 3 _ || true
  done
}

# the kubelet as a transient systemd unit (its own cgroup, kubelet.service, as on a kubeadm node)
start_kubelet() {
  systemd-run --quiet --unit=kubelet -p "StandardOutput=append:$S/logs/kubelet.log" -p "StandardError=append:$S/logs/kubelet.log" \
    "$KBIN/kubelet" --config="$S/kubelet.yaml" --kubeconfig="$S/kubelet.kubeconfig" \
    --hostname-override="$NODE_NAME" --node-ip="$NODE_IP" --root-dir=/var/lib/kubelet --cert-dir=/var/lib/kubelet/pki
}
utc_now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
kubelet_healthy() { # GET /healthz on the kubelet's healthz port, with bash alone (no curl in the guest)
  (
    exec 4<>/dev/tcp/127.0.0.1/10248
    printf 'GET /healthz HTTP/1.0\r\n\r\n' >&4
    reply="$(cat <&4)"
    [[ $reply == "HTTP/1.0 200"* || $reply == "HTTP/1.1 200"* ]]
  )
}
# cluster.sh restart-kubelet: SIGTERM (systemctl stop), start with the same flags, wait up to 60 s for /healthz;
# the previous log is kept as kubelet.log.<n>. stdout: one line with the three moments (UTC).
restart_kubelet() {
  local stopped started n=1 i
  systemctl stop kubelet
  stopped="$(utc_now)"
  while [ -e "$S/logs/kubelet.log.$n" ]; do n=$((n + 1)); done
  mv "$S/logs/kubelet.log" "$S/logs/kubelet.log.$n"
  start_kubelet
  started="$(utc_now)"
  for ((i = 0; i < 300; i++)); do kubelet_healthy 2>/dev/null && break; sleep 0.2; done
  kubelet_healthy 2>/dev/null || { echo "the restarted kubelet's /healthz did not answer within 60 s" >&2; return 1; }
  printf 'stopped %s, started %s, healthy %s\n' "$stopped" "$started" "$(utc_now)"
}

case "${1:-}" in
  cmd-loop) cmd_loop; exit 0 ;;
  restart-kubelet) restart_kubelet; exit 0 ;;
esac

exec >>"$S/logs/node.log" 2>&1
trap 'status "failed: line $LINENO: $BASH_COMMAND"' ERR
echo "$(secs) node script start"

ip link set lo up
ip addr add "$NODE_IP/$NET_PREFIX" dev eth0
ip link set eth0 up
ip route add default via "$HOST_IP"
status network
systemd-run --quiet --unit=sc-cmd bash "$S/node.sh" cmd-loop

# cAdvisor (in the kubelet) wants a clock speed, from cpufreq in sysfs or "cpu MHz" in /proc/cpuinfo; UML's cpuinfo
# has neither, and the kubelet refuses to start: the host's figure, added to a copy bound over /proc/cpuinfo
if ! grep -q '^cpu MHz' /proc/cpuinfo; then
  { cat /proc/cpuinfo; printf 'cpu MHz\t\t: %s\n' "${CPU_MHZ:-1000.000}"; } >/run/sc-cpuinfo
  mount --bind /run/sc-cpuinfo /proc/cpuinfo
fi

# containerd's image store, the local images already imported (clusters/local-v2/lib/store.sh), on the second disk
if [ -b /dev/ubdb ]; then
  mkdir -p /var/lib/containerd
  mount -o noatime /dev/ubdb /var/lib/containerd
fi

mkdir -p /etc/cni/net.d
cp "$S/cni.conflist" /etc/cni/net.d/10-sidecar-conformance-v2.conflist
# as containerd's own containerd.service: shims outlive a restart (KillMode=process), cgroups delegated
systemd-run --quiet --unit=containerd -p Delegate=yes -p KillMode=process -p OOMScoreAdjust=-999 \
  -p LimitNOFILE=1048576 -p "StandardOutput=append:$S/logs/containerd.log" -p "StandardError=append:$S/logs/containerd.log" \
  --setenv=PATH="$CTRD_DIR:$RUNC_DIR:/usr/sbin:/usr/bin:/sbin:/bin" "$CTRD_DIR/containerd" --config "$S/containerd.toml"
ctr() { "$CTRD_DIR/ctr" --address /run/containerd/containerd.sock "$@"; }
for _ in $(seq 300); do ctr version >/dev/null 2>&1 && break; sleep 0.2; done
ctr version >/dev/null
echo "$(secs) containerd answers"
status containerd
have="$(ctr -n k8s.io images ls -q)"
for ref_tar in $IMAGES; do
  if ! grep -qxF "${ref_tar%%=*}" <<<"$have"; then
    ctr -n k8s.io images import "${ref_tar#*=}"
    echo "$(secs) imported ${ref_tar#*=}"
  fi
done
status images

start_kubelet
echo "$(secs) kubelet started"
status kubelet
