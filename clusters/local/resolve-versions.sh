#!/usr/bin/env bash
# Finds, per Kubernetes minor, the newest patch v1.Y.Z for which the Go module
# proxy in use serves k8s.io/kubernetes@v1.Y.Z AND every staging module the
# binaries need at v0.Y.Z (some mirrors hold only part of the versions). Prints "minor<TAB>version".
#   resolve-versions.sh 1.31 [max-patch]
set -euo pipefail
export GOTOOLCHAIN=local GOFLAGS=-mod=mod
minor=$1; max=${2:-40}
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
ok() { (cd "$work" && go mod download -json "$1" 2>/dev/null | jq -e '.Error | not' >/dev/null 2>&1); }
rare="cri-client endpointslice kube-scheduler kube-controller-manager csi-translation-lib cluster-bootstrap dynamic-resource-allocation kubelet externaljwt"
for ((z = max; z >= 0; z--)); do
  v="v$minor.$z"
  (cd "$work" && go list -m -json "k8s.io/kubernetes@$v" >/dev/null 2>&1) || continue
  json="$(cd "$work" && go mod download -json "k8s.io/kubernetes@$v" 2>/dev/null)" || { echo "$v: k8s.io/kubernetes not served" >&2; continue; }
  gomod="$(jq -r .GoMod <<<"$json")"
  mods="$(sed -n 's#^[[:space:]]*\(k8s\.io/[A-Za-z0-9._/-]*\)[[:space:]]*=>[[:space:]]*\./staging/.*#\1#p' "$gomod" | sort -u)"
  first=""; rest=""
  for m in $mods; do
    case $m in k8s.io/sample-*|k8s.io/code-generator) continue ;; esac  # not linked into the binaries
    if [[ " $rare " == *" ${m#k8s.io/} "* ]]; then first+=" $m"; else rest+=" $m"; fi; done
  bad=""
  for m in $first $rest; do ok "$m@v0.${minor#1.}.$z" || { bad=$m; break; }; done
  if [ -z "$bad" ]; then printf '%s\t%s\n' "$minor" "$v"; exit 0; fi
  echo "$v: $bad@v0.${minor#1.}.$z not served" >&2
done
echo "no complete $minor release served by the module proxy" >&2; exit 1
