# shellcheck shell=bash
# clusters/local/lib/versions.sh: the rows of clusters/versions.tsv (the one version list).
# Sourced by cluster.sh (uses its constants, log, die).
# Columns: id kubernetes gates containerd runc etcd pause k3s kind_node kind_version note kubelet

ids() { awk -F'\t' '!/^#/ && NF {print $1}' "$VERSIONS_TSV"; }
row() { awk -F'\t' -v id="$1" '!/^#/ && $1 == id' "$VERSIONS_TSV"; }
col() { # id column-number: the value, '' for '-'
  local v; v="$(row "$1" | cut -f"$2")"; [ "$v" = "-" ] && v=""; printf '%s' "$v"
}
k8s_version_of() { col "$1" 2; }
gates_of() { col "$1" 3; }
containerd_of() { col "$1" 4; }   # 'debian' or v2.Y.Z
runc_of() { col "$1" 5; }         # 'debian' or v1.Y.Z
etcd_of() { col "$1" 6; }
pause_of() { col "$1" 7; }
kubelet_of() { col "$1" 12; }     # KubeletConfiguration fields, field=value[,field=value]; '' for none
check_id() {
  [ -n "${1:-}" ] || die "missing cluster id; known ids: $(ids | tr '\n' ' ')"
  [ -n "$(row "$1")" ] || die "unknown cluster id '$1'; known ids: $(ids | tr '\n' ' ')(see $VERSIONS_TSV)"
  local c
  for c in 2 4 5 6 7; do
    [ -n "$(col "$1" "$c")" ] || die "row '$1' of $VERSIONS_TSV has no value in column $c"
  done
}
minor_of() { local v=${1#v}; v=${v#*.}; printf '%s' "${v%%.*}"; }
