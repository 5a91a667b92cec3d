# shellcheck shell=bash
# clusters/local/lib/network.sh: one instance's pod network (CNI bridge), firewall and their cleanup; the machine's
# sysctls and the kubelets' shared chains. Sourced by cluster.sh (uses its constants, instance.sh's values, log, die)

# this instance's chains and the rules that jump to them (other instances' chains are theirs)
ipt_cleanup() {
  local rule chain
  iptables -w 5 -S 2>/dev/null | grep -E -- "^-A (INPUT|FORWARD) .*-j ($IPT_CHAIN|$IPT_IN_CHAIN)( |\$)" |
    while read -r rule; do
      # shellcheck disable=SC2086
      iptables -w 5 -D ${rule#-A } 2>/dev/null || true
    done
  for chain in "$IPT_IN_CHAIN" "$IPT_CHAIN"; do
    iptables -w 5 -F "$chain" 2>/dev/null || true
    iptables -w 5 -X "$chain" 2>/dev/null || true
  done
}
# The kubelet's own chains (KUBE-*) are one set for every kubelet on this machine: removed by the last one out
# (under the host lock, when no kubelet runs any more; kubelets recreate theirs when they find them gone).
ipt_kube_cleanup() {
  local ipt t rule chain
  for ipt in iptables ip6tables; do
    command -v "$ipt" >/dev/null 2>&1 || continue
    for t in filter nat mangle; do
      "$ipt" -w 5 -t "$t" -S >/dev/null 2>&1 || continue
      "$ipt" -w 5 -t "$t" -S 2>/dev/null | grep -E "^-A (INPUT|OUTPUT|FORWARD|PREROUTING|POSTROUTING) .*-j KUBE-[A-Z-]+( |$)" |
        while read -r rule; do
          # shellcheck disable=SC2086
          "$ipt" -w 5 -t "$t" -D ${rule#-A } 2>/dev/null || true
        done
      for chain in $("$ipt" -w 5 -t "$t" -S 2>/dev/null | awk '$1 == "-N" && $2 ~ /^KUBE-/ {print $2}'); do
        "$ipt" -w 5 -t "$t" -F "$chain" 2>/dev/null || true
      done
      for chain in $("$ipt" -w 5 -t "$t" -S 2>/dev/null | awk '$1 == "-N" && $2 ~ /^KUBE-/ {print $2}'); do
        "$ipt" -w 5 -t "$t" -X "$chain" 2>/dev/null || true
      done
    done
  done
}
# this instance's bridge, its veths and chains (the pods' network namespaces are mounts under its containerd
# state: umount_ours)
net_cleanup() {
  local l
  for l in $(ip -o link show master "$BRIDGE" 2>/dev/null | awk -F': ' '{print $2}' | cut -d@ -f1); do
    ip link delete "$l" 2>/dev/null || true
  done
  ip link delete "$BRIDGE" 2>/dev/null || true
  ipt_cleanup
}
# what is left of this instance's network (stdout, one line each)
net_left() {
  ip link show "$BRIDGE" >/dev/null 2>&1 && echo "bridge $BRIDGE"
  iptables -w 5 -S 2>/dev/null | grep -qE -- "^-N ($IPT_IN_CHAIN|$IPT_CHAIN)$" && echo "iptables chains $IPT_IN_CHAIN/$IPT_CHAIN"
  return 0
}
# kubelet sets these kernel tunables (protectKernelDefaults=false), the CNI bridge plugin turns on ip_forward: the
# first instance up keeps the machine's values, the last one down puts them back
SYSCTLS="vm.overcommit_memory vm.panic_on_oom kernel.panic kernel.panic_on_oops kernel.keys.root_maxkeys kernel.keys.root_maxbytes net.ipv4.ip_forward"
SYSCTL_ORIG="$SC_CACHE/local/sysctl.orig"
sysctl_save() {
  [ -f "$SYSCTL_ORIG" ] && return 0
  local k v
  mkdir -p "${SYSCTL_ORIG%/*}"
  # only what could be read; an empty value is a value. The reserved ports are not saved: a local-v2 guest running
  # beside may hold its own, so up adds and the last down removes only the local ranges (instance.sh)
  for k in $SYSCTLS; do if v="$(sysctl -n "$k" 2>/dev/null)"; then printf '%s=%s\n' "$k" "$v"; fi; done >"$SYSCTL_ORIG"
}
sysctl_restore() {
  [ -f "$SYSCTL_ORIG" ] || return 0
  local kv
  while read -r kv; do sysctl -q -w "$kv" >/dev/null 2>&1 || true; done <"$SYSCTL_ORIG"
  rm -f "$SYSCTL_ORIG"
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
# (-w: other instances and their kubelets change the tables at the same time)
firewall_up() {
  local ipt=(iptables -w 5)
  "${ipt[@]}" -N "$IPT_IN_CHAIN" 2>/dev/null || "${ipt[@]}" -F "$IPT_IN_CHAIN"
  "${ipt[@]}" -A "$IPT_IN_CHAIN" -d "$NODE_IP" -i lo -j RETURN
  "${ipt[@]}" -A "$IPT_IN_CHAIN" -d "$NODE_IP" -i "$BRIDGE" -j RETURN
  "${ipt[@]}" -A "$IPT_IN_CHAIN" -d "$NODE_IP" -j DROP
  "${ipt[@]}" -I INPUT 1 -j "$IPT_IN_CHAIN"
  "${ipt[@]}" -N "$IPT_CHAIN" 2>/dev/null || "${ipt[@]}" -F "$IPT_CHAIN"
  "${ipt[@]}" -A "$IPT_CHAIN" -s "$POD_CIDR" -d "$POD_CIDR" -j ACCEPT
  "${ipt[@]}" -A "$IPT_CHAIN" -s "$POD_CIDR" -j REJECT
  "${ipt[@]}" -A "$IPT_CHAIN" -d "$POD_CIDR" -j REJECT
  "${ipt[@]}" -I FORWARD 1 -j "$IPT_CHAIN"
}
