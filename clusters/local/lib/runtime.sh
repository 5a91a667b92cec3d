# shellcheck shell=bash
# clusters/local/lib/runtime.sh: containerd and kubelet configuration.
# Sourced by cluster.sh (uses its constants, log, die; runtime_paths from build.sh).

ctr_() { "${CTR_BIN:-ctr}" --address "$CTRD_SOCK" "$@"; }

# The runtime of the running cluster, for down/pids after a new shell: runtime_paths' values.
save_runtime() {
  printf 'CTRD_BIN=%q\nSHIM_DIR=%q\nCTR_BIN=%q\nRUNC_BIN=%q\nCTRD_ROOT=%q\n' \
    "$CTRD_BIN" "$SHIM_DIR" "$CTR_BIN" "$RUNC_BIN" "$CTRD_ROOT" >"$RUN/runtime.env"
}
load_runtime() {
  CTRD_BIN=/usr/bin/containerd SHIM_DIR=/usr/bin CTR_BIN=/usr/bin/ctr RUNC_BIN=/usr/sbin/runc
  CTRD_ROOT="${CTRD_ROOT_BASE:-$SC_CACHE/containerd-root}"
  # shellcheck source=/dev/null
  if [ -f "$RUN/runtime.env" ]; then . "$RUN/runtime.env"; fi
}

# Debian's containerd 1.6: config version 2, CRI settings under io.containerd.grpc.v1.cri.
containerd_config_v2() { # pause-ref
  cat <<TOML
version = 2
root = "$CTRD_ROOT"
state = "$CTRD_STATE"
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.devmapper", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]
[grpc]
  address = "$CTRD_SOCK"
[ttrpc]
  address = "$CTRD_SOCK.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins."io.containerd.internal.v1.opt"]
  path = "$CTRD_ROOT/opt"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "$1"
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  enable_selinux = false
  disable_apparmor = true
  enable_cdi = false
  netns_mounts_under_state_dir = ${CTRD_NETNS_UNDER_STATE:-false}
  # this host may lack CAP_SYS_RESOURCE (cannot lower oom_score_adj): clamp instead of failing
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "$CNI_CONF_DIR"
    max_conf_num = 1
TOML
}

# containerd 2.x: config version 3. The CRI plugin is split: images (snapshotter, the pinned
# sandbox image) under io.containerd.cri.v1.images, runtimes/CNI/OOM under io.containerd.cri.v1.runtime,
# the streaming server under io.containerd.grpc.v1.cri. The pause image is pinned (never GC'd).
# NRI is off (it would open /var/run/nri). runc is named by path (BinaryName).
containerd_config_v3() { # pause-ref
  cat <<TOML
version = 3
root = "$CTRD_ROOT"
state = "$CTRD_STATE"
disabled_plugins = ["io.containerd.nri.v1.nri", "io.containerd.tracing.processor.v1.otlp", "io.containerd.internal.v1.tracing"]
[grpc]
  address = "$CTRD_SOCK"
[ttrpc]
  address = "$CTRD_SOCK.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
[plugins.'io.containerd.internal.v1.opt']
  path = "$CTRD_ROOT/opt"
[plugins.'io.containerd.cri.v1.images']
  snapshotter = "overlayfs"
  [plugins.'io.containerd.cri.v1.images'.pinned_images]
    sandbox = "$1"
[plugins.'io.containerd.cri.v1.runtime']
  enable_selinux = false
  disable_apparmor = true
  # this host may lack CAP_SYS_RESOURCE (cannot lower oom_score_adj): clamp instead of failing
  restrict_oom_score_adj = true
  netns_mounts_under_state_dir = ${CTRD_NETNS_UNDER_STATE:-false}
  [plugins.'io.containerd.cri.v1.runtime'.containerd]
    default_runtime_name = "runc"
    [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins.'io.containerd.cri.v1.runtime'.containerd.runtimes.runc.options]
        SystemdCgroup = false
        BinaryName = "$RUNC_BIN"
  [plugins.'io.containerd.cri.v1.runtime'.cni]
    bin_dirs = ["/usr/lib/cni"]
    conf_dir = "$CNI_CONF_DIR"
    max_conf_num = 1
[plugins.'io.containerd.grpc.v1.cri']
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
TOML
}

# The row's kubelet column (versions.tsv field 12, field=value[,field=value]): its own column's KubeletConfiguration
# fields, written as 'field: value' after this script's settings. check_kubelet_fields runs before anything starts
# (up stops with one line naming the row); kubelet_dup_keys after the file is written (a field this script sets too).
check_kubelet_fields() { # id k8s-bin-dir
  local id=$1 known="$2/kubelet-config-fields" kv entries=()
  IFS=, read -ra entries <<<"$(kubelet_of "$id")"
  [ "${#entries[@]}" -gt 0 ] || return 0
  [ -f "$known" ] || die "row '$id' of $VERSIONS_TSV sets kubelet fields, but the kubelet build in $2 has no list of its fields ($known); rebuild it: rm $2/.complete, then: cluster.sh build $id"
  for kv in "${entries[@]}"; do
    [[ $kv =~ ^[a-z][A-Za-z0-9]*=[^=[:space:]]+$ ]] ||
      die "row '$id' of $VERSIONS_TSV: kubelet entry '$kv' is not field=value; correct the row's kubelet column (field=value[,field=value])"
    grep -qx "${kv%%=*}" "$known" ||
      die "row '$id' of $VERSIONS_TSV sets the kubelet field ${kv%%=*}, which kubelet $(k8s_version_of "$id") does not know (not in $known); drop it from the row's kubelet column, or set it on a row of a Kubernetes that has it"
  done
}
kubelet_fields_yaml() { # id -> 'field: value' lines (checked by check_kubelet_fields)
  local kv entries=()
  IFS=, read -ra entries <<<"$(kubelet_of "$1")"
  for kv in "${entries[@]}"; do printf '%s: %s\n' "${kv%%=*}" "${kv#*=}"; done
}
# The kubelet settings every local node shares, clusters/local's and clusters/local-v2's guest alike (each writes its
# own addresses, certificates, cgroup driver and runtime socket around them).
kubelet_node_yaml() {
  cat <<'YAML'
failSwapOn: false
clusterDomain: cluster.local
# no disk-pressure thresholds ("0%" turns one off): at any of them the eviction manager reclaims by deleting unused
# images, and ours are imported and can never be pulled again (a full disk once made 34 runs ERROR with
# ErrImageNeverPull, imageGCHighThresholdPercent 100 notwithstanding); no cell is about disk pressure
evictionHard:
  memory.available: "50Mi"
  nodefs.available: "0%"
  nodefs.inodesFree: "0%"
  imagefs.available: "0%"
  imagefs.inodesFree: "0%"
evictionPressureTransitionPeriod: 10s
# every image is imported locally and can never be pulled again: never GC images
# (containerd 1.6 does not report the pause image as pinned)
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
serializeImagePulls: false
nodeStatusUpdateFrequency: 4s
syncFrequency: 10s
fileCheckFrequency: 10s
shutdownGracePeriod: 0s
YAML
}
kubelet_dup_keys() { # kubelet.yaml -> its top-level keys set more than once (stdout, space-separated)
  awk -F: '/^[A-Za-z]/ {print $1}' "$1" | sort | uniq -d | paste -sd' ' -
}

write_configs() { # id kdir-bin minor gates
  local id=$1 minor=$3 gates=$4 dir="$RUN"
  local ptag; ptag="$(cat "$2/pause.tag")"
  mkdir -p "$CTRD_ROOT" "$CTRD_STATE" "$CNI_CONF_DIR" "$IPAM_DIR" "$dir/kubelet" "$dir/etcd"
  if [ "$(containerd_of "$id")" = debian ]; then
    containerd_config_v2 "localhost/sidecar-conformance/pause:$ptag" >"$RUN/containerd.toml"
  else
    containerd_config_v3 "localhost/sidecar-conformance/pause:$ptag" >"$RUN/containerd.toml"
  fi
  cni_config
  local fg_yaml=""
  if [ -n "$gates" ]; then
    fg_yaml="featureGates:"$'\n'
    local g
    for g in ${gates//,/ }; do fg_yaml+="  ${g%%=*}: ${g#*=}"$'\n'; done
  fi
  local extra=""
  if [ "$minor" -ge 31 ]; then extra+="failCgroupV1: false"$'\n'; fi
  if grep -q podLogsDir "$2/kubelet-config-fields" 2>/dev/null; then extra+="podLogsDir: $dir/pod-logs"$'\n'; fi
  cat >"$dir/kubelet.yaml" <<YAML
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
address: $NODE_IP
port: $KUBELET_PORT
readOnlyPort: 0
healthzBindAddress: 127.0.0.1
healthzPort: $KUBELET_HEALTHZ_PORT
# this instance's pods under their own cgroup parent (another instance's kubelet would remove them as orphans)
cgroupRoot: /$CGROUP_NAME
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: $PKI/ca.crt
authorization:
  mode: Webhook
tlsCertFile: $PKI/kubelet-serving.crt
tlsPrivateKeyFile: $PKI/kubelet-serving.key
cgroupDriver: cgroupfs
containerRuntimeEndpoint: unix://$CTRD_SOCK
imageServiceEndpoint: unix://$CTRD_SOCK
$(kubelet_node_yaml)
$extra$fg_yaml$(kubelet_fields_yaml "$id")
YAML
  local dups; dups="$(kubelet_dup_keys "$dir/kubelet.yaml")"
  [ -z "$dups" ] || fail "row '$id' of $VERSIONS_TSV sets the kubelet field(s) $dups, which cluster.sh writes itself; drop them from the row's kubelet column"
  kubeconfig "$dir/kubeconfig" admin "sidecar-conformance-$id"
  kubeconfig "$dir/controller-manager.kubeconfig" controller-manager cm
  kubeconfig "$dir/scheduler.kubeconfig" scheduler scheduler
  kubeconfig "$dir/kubelet.kubeconfig" kubelet-client kubelet
}

