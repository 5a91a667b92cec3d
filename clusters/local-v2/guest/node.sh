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
if [ "${1:-}" = cmd-loop ]; then cmd_loop; exit 0; fi

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
for img in $IMAGES; do
  ctr -n k8s.io images import "$img"
  echo "$(secs) imported $img"
done
status images

systemd-run --quiet --unit=kubelet -p "StandardOutput=append:$S/logs/kubelet.log" -p "StandardError=append:$S/logs/kubelet.log" \
  "$KBIN/kubelet" --config="$S/kubelet.yaml" --kubeconfig="$S/kubelet.kubeconfig" \
  --hostname-override="$NODE_NAME" --node-ip="$NODE_IP" --root-dir=/var/lib/kubelet --cert-dir=/var/lib/kubelet/pki
echo "$(secs) kubelet started"
status kubelet
