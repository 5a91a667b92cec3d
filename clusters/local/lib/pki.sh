# shellcheck shell=bash
# clusters/local/lib/pki.sh: certificates (openssl), kubeconfigs, API access: sourced by cluster.sh (uses its constants, log, die)

# ---------------------------------------------------------------- PKI (openssl)
pki_key() { [ -f "$1" ] || openssl ecparam -name prime256v1 -genkey -noout -out "$1" 2>/dev/null; }
pki_ca() { # name cn
  [ -f "$PKI/$1.crt" ] && return 0
  pki_key "$PKI/$1.key"
  openssl req -x509 -new -key "$PKI/$1.key" -subj "/CN=$2" -days 3650 -sha256 \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign,digitalSignature \
    -out "$PKI/$1.crt" 2>/dev/null
}
pki_cert() { # name ca subject eku [san]
  [ -f "$PKI/$1.crt" ] && return 0
  local name=$1 ca=$2 subj=$3 eku=$4 san=${5:-} ext
  pki_key "$PKI/$name.key"
  ext="$(mktemp)"
  {
    echo "basicConstraints=critical,CA:FALSE"
    echo "keyUsage=critical,digitalSignature,keyEncipherment"
    echo "extendedKeyUsage=$eku"
    [ -n "$san" ] && echo "subjectAltName=$san"
  } >"$ext"
  openssl req -new -key "$PKI/$name.key" -subj "$subj" 2>/dev/null |
    openssl x509 -req -CA "$PKI/$ca.crt" -CAkey "$PKI/$ca.key" -CAcreateserial -days 3650 -sha256 \
      -extfile "$ext" -out "$PKI/$name.crt" 2>/dev/null
  rm -f "$ext"
}
make_pki() {
  mkdir -p "$PKI"; chmod 700 "$PKI"
  # regenerate everything if the CA is about to expire or the node name or address changed
  if [ -f "$PKI/ca.crt" ] && { ! openssl x509 -checkend 86400 -noout -in "$PKI/ca.crt" >/dev/null 2>&1 ||
       [ "$(cat "$PKI/node-name" 2>/dev/null)" != "$NODE_NAME $NODE_IP" ]; }; then rm -rf "${PKI:?}"/*; fi
  pki_ca ca "sidecar-conformance-local-ca"
  pki_ca front-proxy-ca "sidecar-conformance-local-front-proxy-ca"
  pki_cert apiserver ca "/CN=kube-apiserver" serverAuth \
    "IP:127.0.0.1,IP:${SERVICE_CIDR%0/*}1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
  pki_cert apiserver-kubelet-client ca "/O=system:masters/CN=kube-apiserver-kubelet-client" clientAuth
  pki_cert admin ca "/O=system:masters/CN=sidecar-conformance-admin" clientAuth
  pki_cert controller-manager ca "/CN=system:kube-controller-manager" clientAuth
  pki_cert scheduler ca "/CN=system:kube-scheduler" clientAuth
  pki_cert kubelet-client ca "/O=system:nodes/CN=system:node:$NODE_NAME" clientAuth
  pki_cert kubelet-serving ca "/CN=$NODE_NAME" serverAuth "IP:$NODE_IP,DNS:$NODE_NAME"
  pki_cert front-proxy-client front-proxy-ca "/CN=front-proxy-client" clientAuth
  [ -f "$PKI/sa.key" ] || openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  [ -f "$PKI/sa.pub" ] || openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
  printf '%s\n' "$NODE_NAME $NODE_IP" >"$PKI/node-name"
}
kubeconfig() { # out cert-name context
  local b64='base64 -w0'
  cat >"$1" <<KC
apiVersion: v1
kind: Config
clusters:
- name: sidecar-conformance-local
  cluster:
    server: https://127.0.0.1:$API_PORT
    certificate-authority-data: $($b64 <"$PKI/ca.crt")
users:
- name: $2
  user:
    client-certificate-data: $($b64 <"$PKI/$2.crt")
    client-key-data: $($b64 <"$PKI/$2.key")
contexts:
- name: $3
  context:
    cluster: sidecar-conformance-local
    user: $2
current-context: $3
KC
  chmod 600 "$1"
}
api() { # path -> body (admin credentials)
  curl -sf --max-time 5 --cacert "$PKI/ca.crt" --cert "$PKI/admin.crt" --key "$PKI/admin.key" "https://127.0.0.1:$API_PORT$1"
}
