#!/usr/bin/env bash
# Self-test of the kubelet column of clusters/versions.tsv, no cluster needed: the KubeletConfiguration that
# clusters/local (lib/runtime.sh: write_configs) and clusters/local-v2 (lib/node.sh: guest_kubelet_config) write for a
# row carries its kubelet fields as 'field: value', a row without one carries none, and a field the row's kubelet build
# does not know, a malformed entry or a field the scripts set themselves stops with one line naming the row.
# Everything is written under a temporary SC_CACHE, with stand-ins for the build (pause.tag, kubelet-config-fields).
#   kubelet-config-test.sh     stdout: one line per check, then "kubelet-config-test: ok"; exit 1 with the first failure
set -euo pipefail
shopt -s inherit_errexit
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export SC_CACHE="$TMP/cache"
TSV_REAL="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/versions.tsv"
# shellcheck source=lib/constants.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/constants.sh"
CMD="test"
fatal() { printf 'kubelet-config-test.sh: %s\n' "$*" >&2; exit 1; }
die() { printf 'cluster.sh %s: %s\n' "$CMD" "$*" >&2; exit 1; }
fail() { die "$@"; }
log() { :; }
# shellcheck source=lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=lib/instance.sh
. "$HERE/lib/instance.sh"
# shellcheck source=lib/network.sh
. "$HERE/lib/network.sh"
# shellcheck source=lib/runtime.sh
. "$HERE/lib/runtime.sh"
kubeconfig() { :; }   # certificates are not the subject here

# a build stand-in: the kubelet's known fields
kbin="$TMP/bin"
mkdir -p "$kbin"
echo 3.10.1 >"$kbin/pause.tag"
printf '%s\n' cgroupDriver failCgroupV1 featureGates podLogsDir singleProcessOOMKill >"$kbin/kubelet-config-fields"

# clusters/local's kubelet.yaml of <id> (stdout); what a check says on stderr
local_yaml() { # id
  (use_instance "$1"; CTRD_ROOT="$CTRD_ROOT_BASE" RUNC_BIN=runc; mkdir -p "$RUN"; write_configs "$1" "$kbin" 35 "$(gates_of "$1")"; cat "$RUN/kubelet.yaml")
}
# clusters/local-v2's kubelet.yaml of <id> (stdout), in a bash of its own (its constants override clusters/local's)
v2_yaml() { # id
  # shellcheck disable=SC2016 # expanded by that bash
  bash -c 'set -euo pipefail; . "$1/lib/constants.sh"; . "$1/../local-v2/lib/constants.sh"
    die() { printf "local-v2/cluster.sh test: %s\n" "$*" >&2; exit 1; }
    . "$1/lib/versions.sh"; . "$1/../local-v2/lib/node.sh"
    guest_kubelet_config "$2" "$3" 35 "$(gates_of "$2")"' _ "$HERE" "$1" "$kbin"
}
# the first line of a check's error, and that it failed
refused() { # expected-text cmd...
  local out
  if out="$("${@:2}" 2>&1 >/dev/null)"; then fatal "accepted, expected a refusal with '$1': $*"; fi
  [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fatal "not one line: $out"
  [[ $out == *"$1"* ]] || fatal "expected '$1' in: $out"
  printf '  %s\n' "$out"
}

# 1. the repository's rows: those with a kubelet column get exactly its fields, the others none
n=0
for id in $(ids); do
  want="$(kubelet_of "$id")"
  [ -n "$want" ] || continue
  [ "$(containerd_of "$id")" != debian ] || fatal "$id: a kubelet row on Debian's containerd cannot run on local-v2"
  expect="$(tr ',' '\n' <<<"$want" | sed 's/=/: /')"
  check_kubelet_fields "$id" "$kbin"
  for side in local v2; do
    got="$("${side}_yaml" "$id")"
    while read -r line; do
      grep -qxF "$line" <<<"$got" || fatal "$side $id: no '$line' in its kubelet.yaml"
    done <<<"$expect"
    [ -z "$(kubelet_dup_keys <(printf '%s\n' "$got"))" ] || fatal "$side $id: a key twice in its kubelet.yaml"
  done
  echo "$id: kubelet.yaml of local and local-v2 carry $(paste -sd' ' <<<"$expect")"
  n=$((n + 1))
done
[ "$n" -gt 0 ] || fatal "no row of $TSV_REAL has a kubelet column"
for side in local v2; do
  ! "${side}_yaml" 1.35 | grep -q singleProcessOOMKill || fatal "$side 1.35: singleProcessOOMKill without a kubelet column"
done
echo "1.35: no kubelet field of its own (local and local-v2)"

# 2. refusals, each one line naming the row: a field this build lacks, a malformed entry, a field set twice
cp "$TSV_REAL" "$TMP/versions.tsv"
VERSIONS_TSV="$TMP/versions.tsv"
for kv in x:noSuchField=1 'y:singleProcessOOMKill true' z:cgroupDriver=systemd; do
  printf '1.35-%s\tv1.35.8\t-\tv2.2.9\tv1.3.6\tv3.6.8\t3.10.1\t-\t-\t-\ttest\t%s\n' "${kv%%:*}" "${kv#*:}"
done >>"$VERSIONS_TSV"
echo "refused:"
refused "row '1.35-x' of $VERSIONS_TSV sets the kubelet field noSuchField, which kubelet v1.35.8 does not know" \
  check_kubelet_fields 1.35-x "$kbin"
refused "row '1.35-y' of $VERSIONS_TSV: kubelet entry 'singleProcessOOMKill true' is not field=value" \
  check_kubelet_fields 1.35-y "$kbin"
grep -vx singleProcessOOMKill "$kbin/kubelet-config-fields" >"$TMP/fields" && mv "$TMP/fields" "$kbin/kubelet-config-fields"
refused "row '1.35-single-oom' of $VERSIONS_TSV sets the kubelet field singleProcessOOMKill, which kubelet v1.35.8 does not know" \
  check_kubelet_fields 1.35-single-oom "$kbin"
export SC_LOCAL_SLOT=40
refused "row '1.35-z' of $VERSIONS_TSV sets the kubelet field(s) cgroupDriver, which cluster.sh writes itself" local_yaml 1.35-z
echo "kubelet-config-test: ok ($n rows with a kubelet column; unknown field, malformed entry and a field set twice refused)"
