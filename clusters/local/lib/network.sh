# shellcheck shell=bash
# clusters/local/lib/network.sh: pod network (CNI bridge), firewall, cleanup of network state and sysctls: sourced by cluster.sh (uses its constants, log, die)

ipt_cleanup() {
  local ipt t rule chain
  for ipt in iptables ip6tables; do
    command -v "$ipt" >/dev/null 2>&1 || continue
    for t in filter nat mangle; do
      "$ipt" -t "$t" -S >/dev/null 2>&1 || continue
      # rules in built-in chains that jump to our or kubelet's chains
      "$ipt" -t "$t" -S 2>/dev/null | grep -E "^-A (INPUT|OUTPUT|FORWARD|PREROUTING|POSTROUTING) .*-j ($IPT_CHAIN|$IPT_IN_CHAIN|KUBE-[A-Z-]+)( |$)" |
        while read -r rule; do
          # shellcheck disable=SC2086
          "$ipt" -t "$t" -D ${rule#-A } 2>/dev/null || true
        done
      for chain in $("$ipt" -t "$t" -S 2>/dev/null | awk -v c="$IPT_CHAIN" -v i="$IPT_IN_CHAIN" '$1 == "-N" && ($2 == c || $2 == i || $2 ~ /^KUBE-/) {print $2}'); do
        "$ipt" -t "$t" -F "$chain" 2>/dev/null || true
      done
      for chain in $("$ipt" -t "$t" -S 2>/dev/null | awk -v c="$IPT_CHAIN" -v i="$IPT_IN_CHAIN" '$1 == "-N" && ($2 == c || $2 == i || $2 ~ /^KUBE-/) {print $2}'); do
        "$ipt" -t "$t" -X "$chain" 2>/dev/null || true
      done
    done
  done
}
net_cleanup() {
  local n l
  for n in $(ip netns list 2>/dev/null | awk '$1 ~ /^cni-/ {print $1}'); do ip netns delete "$n" 2>/dev/null || true; done
  for l in $(ip -o link show master "$BRIDGE" 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1); do
    ip link delete "$l" 2>/dev/null || true
  done
  ip link delete "$BRIDGE" 2>/dev/null || true
  ipt_cleanup
}
# kubelet sets these kernel tunables (protectKernelDefaults=false), the CNI bridge
# plugin turns on ip_forward: put them back on down
SYSCTLS="vm.overcommit_memory vm.panic_on_oom kernel.panic kernel.panic_on_oops kernel.keys.root_maxkeys kernel.keys.root_maxbytes net.ipv4.ip_forward"
sysctl_save() {
  [ -f "$RUN/sysctl.orig" ] && return 0
  local k
  for k in $SYSCTLS; do printf '%s=%s\n' "$k" "$(sysctl -n "$k" 2>/dev/null)"; done >"$RUN/sysctl.orig"
}
sysctl_restore() {
  [ -f "$RUN/sysctl.orig" ] || return 0
  local kv
  while read -r kv; do if [ -n "${kv#*=}" ]; then sysctl -q -w "$kv" >/dev/null 2>&1 || true; fi; done <"$RUN/sysctl.orig"
  rm -f "$RUN/sysctl.orig"
}

# CNI: a bridge with host-local IPAM, no masquerade (the firewall keeps pod traffic in).
cni_config() {
  cat >"$CNI_CONF_DIR/10-$CNI_NET_NAME.conflist" <<JSON
{
  "cniVersion": "0.4.0",
  "name": "$CNI_NET_NAME",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$IPAM_DIR",
        "ranges": [[{"subnet": "$POD_CIDR"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
JSON
  if [ ! -x /usr/lib/cni/portmap ]; then
    jq 'del(.plugins[1])' "$CNI_CONF_DIR/10-$CNI_NET_NAME.conflist" >"$CNI_CONF_DIR/x"
    mv -f "$CNI_CONF_DIR/x" "$CNI_CONF_DIR/10-$CNI_NET_NAME.conflist"
  fi
}

# The bridge with the node's address, before the kubelet starts (it binds $NODE_IP and refuses a --node-ip no
# interface has); the CNI bridge plugin then finds it with its gateway address already set.
bridge_up() {
  ip link add "$BRIDGE" type bridge
  ip addr add "$NODE_IP/${POD_CIDR#*/}" dev "$BRIDGE"
  ip link set "$BRIDGE" up
}

# pod traffic never leaves the pod network (no NAT, no route to the outside), and the node's address
# answers only this machine (lo) and its pods (the bridge): anything for it from another interface is dropped
firewall_up() {
  iptables -N "$IPT_IN_CHAIN" 2>/dev/null || iptables -F "$IPT_IN_CHAIN"
  iptables -A "$IPT_IN_CHAIN" -d "$NODE_IP" -i lo -j RETURN
  iptables -A "$IPT_IN_CHAIN" -d "$NODE_IP" -i "$BRIDGE" -j RETURN
  iptables -A "$IPT_IN_CHAIN" -d "$NODE_IP" -j DROP
  iptables -I INPUT 1 -j "$IPT_IN_CHAIN"
  iptables -N "$IPT_CHAIN" 2>/dev/null || iptables -F "$IPT_CHAIN"
  iptables -A "$IPT_CHAIN" -s "$POD_CIDR" -d "$POD_CIDR" -j ACCEPT
  iptables -A "$IPT_CHAIN" -s "$POD_CIDR" -j REJECT
  iptables -A "$IPT_CHAIN" -d "$POD_CIDR" -j REJECT
  iptables -I FORWARD 1 -j "$IPT_CHAIN"
}
