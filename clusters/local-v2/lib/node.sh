# shellcheck shell=bash
# clusters/local-v2/lib/node.sh: certificates and kubeconfigs of this cluster, and the files of one run the guest
# reads from its share (/sc/run): the node script, containerd's and the kubelet's configurations, the CNI network.
# Sourced by cluster.sh (uses its constants, log, die; pki_ca/pki_cert from clusters/local/lib/pki.sh;
# containerd_config_v3 from clusters/local/lib/runtime.sh; runtime_paths from clusters/local/lib/build.sh).

# shellcheck source=../../local/lib/runtime.sh
. "$HERE/lib/runtime.sh"

GUEST_SHARE=/sc/run      # the run dir, in the guest
GUEST_CACHE=/sc/cache    # $SC_CACHE, read-only, in the guest

v2_make_pki() {
  local want="$NODE_NAME $NODE_IP $HOST_IP"
  mkdir -p "$PKI"; chmod 700 "$PKI"
  if [ -f "$PKI/ca.crt" ] && { ! openssl x509 -checkend 86400 -noout -in "$PKI/ca.crt" >/dev/null 2>&1 ||
       [ "$(cat "$PKI/node-name" 2>/dev/null)" != "$want" ]; }; then rm -rf "${PKI:?}"/*; fi
  pki_ca ca "sidecar-conformance-local-v2-ca"
  pki_ca front-proxy-ca "sidecar-conformance-local-v2-front-proxy-ca"
  pki_cert apiserver ca "/CN=kube-apiserver" serverAuth \
    "IP:$HOST_IP,IP:127.0.0.1,IP:${SERVICE_CIDR%0/*}1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  pki_cert apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
  pki_cert admin ca "/O=system:masters/CN=sidecar-conformance-admin" clientAuth
  pki_cert controller-manager ca "/CN=system:kube-controller-manager" clientAuth
  pki_cert scheduler ca "/CN=system:kube-scheduler" clientAuth
  pki_cert kubelet-client ca "/O=system:nodes/CN=system:node:$NODE_NAME" clientAuth
  pki_cert kubelet-serving ca "/CN=$NODE_NAME" serverAuth "IP:$NODE_IP,DNS:$NODE_NAME"
  pki_cert front-proxy-client front-proxy-ca "/CN=front-proxy-client" clientAuth
  [ -f "$PKI/sa.key" ] || openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  [ -f "$PKI/sa.pub" ] || openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
  printf '%s\n' "$want" >"$PKI/node-name"
}

v2_kubeconfig() { # out cert-name context
  local b64='base64 -w0'
  cat >"$1" <<KC
apiVersion: v1
kind: Config
clusters:
- name: sidecar-conformance-local-v2
  cluster:
    server: https://$HOST_IP:$API_PORT
    certificate-authority-data: $($b64 <"$PKI/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $($b64 <"$PKI/$2.crt")
    client-key-data: $($b64 <"$PKI/$2.key")
contexts:
- name: $3
  context:
    cluster: sidecar-conformance-local-v2
    user: $2
current-context: $3
KC
  chmod 600 "$1"
}

in_guest() { printf '%s' "$GUEST_CACHE${1#"$SC_CACHE"}"; }   # a path under $SC_CACHE as the guest sees it

# containerd 2.x inside the guest: clusters/local's configuration with the guest's own paths, the systemd cgroup
# driver, and oom_score_adj not restricted (the guest's root may lower it, as on a real node; the host cannot).
guest_containerd_config() { # pause-ref
  # shellcheck disable=SC2030 # the guest's values for containerd_config_v3, in a subshell on purpose
  (
    CTRD_ROOT=/var/lib/containerd CTRD_STATE=/run/containerd CTRD_SOCK=/run/containerd/containerd.sock
    RUNC_BIN="$(in_guest "$RUNC_BIN")" CNI_CONF_DIR=/etc/cni/net.d
    containerd_config_v3 "$1"
  ) | sed -e 's/SystemdCgroup = false/SystemdCgroup = true/' \
          -e 's/^\([[:space:]]*\)restrict_oom_score_adj = true/\1restrict_oom_score_adj = false/' \
          -e '/may lack CAP_SYS_RESOURCE/d'
}

guest_cni_config() {
  cat <<JSON
{
  "cniVersion": "0.4.0",
  "name": "sidecar-conformance-v2",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$POD_BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "ranges": [[{"subnet": "$POD_CIDR"}]],
        "routes": [{"dst": "0.0.0.0/0"}]
      }
    },
    {"type": "portmap", "capabilities": {"portMappings": true}}
  ]
}
JSON
}

# the kubelet in the guest: clusters/local's settings, with the systemd cgroup driver and the guest's paths, then the
# row's kubelet column (clusters/local/lib/runtime.sh: kubelet_fields_yaml, checked by check_kubelet_fields at up)
guest_kubelet_config() { # id kbin minor gates
  local extra="" g
  if [ -n "$4" ]; then
    extra+="featureGates:"$'\n'
    for g in ${4//,/ }; do extra+="  ${g%%=*}: ${g#*=}"$'\n'; done
  fi
  extra+="$(kubelet_fields_yaml "$1")"
  cat <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: $KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: 10248
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: $GUEST_SHARE/pki/ca.crt
authorization:
  mode: Webhook
tlsCertFile: $GUEST_SHARE/pki/kubelet-serving.crt
tlsPrivateKeyFile: $GUEST_SHARE/pki/kubelet-serving.key
cgroupDriver: systemd
containerRuntimeEndpoint: unix:///run/containerd/containerd.sock
imageServiceEndpoint: unix:///run/containerd/containerd.sock
$(kubelet_node_yaml)
$extra
YAML
}

# Everything the guest reads from /sc/run for this run.
node_files() { # id run-dir k8s-bin minor gates
  local id=$1 dir=$2 kbin=$3 minor=$4 gates=$5 ptag
  ptag="$(cat "$kbin/pause.tag")"
  runtime_paths "$id"
  mkdir -p "$dir/pki"
  cp "$PKI/ca.crt" "$PKI/kubelet-serving.crt" "$PKI/kubelet-serving.key" "$dir/pki/"
  guest_containerd_config "localhost/sidecar-conformance/pause:$ptag" >"$dir/containerd.toml"
  guest_cni_config >"$dir/cni.conflist"
  guest_kubelet_config "$id" "$kbin" "$minor" "$gates" >"$dir/kubelet.yaml"
  local dups; dups="$(kubelet_dup_keys "$dir/kubelet.yaml")"
  [ -z "$dups" ] || fail "row '$id' of $VERSIONS_TSV sets the kubelet field(s) $dups, which local-v2/cluster.sh writes itself; drop them from the row's kubelet column"
  v2_kubeconfig "$dir/kubeconfig" admin "sidecar-conformance-v2-$id"
  v2_kubeconfig "$dir/controller-manager.kubeconfig" controller-manager cm
  v2_kubeconfig "$dir/scheduler.kubeconfig" scheduler scheduler
  v2_kubeconfig "$dir/kubelet.kubeconfig" kubelet-client kubelet
  local ref refs images=""
  mapfile -t refs < <(suite_image_refs)
  for ref in "localhost/sidecar-conformance/pause:$ptag" "${refs[@]}"; do images+="${images:+ }$ref=$(in_guest "$(image_tar "$ref")")"; done
  # shellcheck disable=SC2031 # RUNC_BIN: the host's value (runtime_paths), not the subshell's above
  cat >"$dir/node.env" <<ENV
NODE_NAME=$NODE_NAME
NODE_IP=$NODE_IP
NET_PREFIX=${NET_CIDR#*/}
HOST_IP=$HOST_IP
CPU_MHZ=$(awk -F': *' '/^cpu MHz/ {print $2; exit}' /proc/cpuinfo)
CTRD_DIR=$(in_guest "$SHIM_DIR")
RUNC_DIR=$(dirname "$(in_guest "$RUNC_BIN")")
KBIN=$(in_guest "$kbin")
IMAGES="$images"
ENV
  install -m 644 "$V2_HERE/guest/node.sh" "$dir/node.sh"
}
