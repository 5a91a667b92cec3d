#!/usr/bin/env bash
# Lint the GitHub workflows and check the cluster definitions used by the nightly.
#
#   .ci/lint-workflow.sh              actionlint (+ shellcheck on run: scripts) and config checks
#   .ci/lint-workflow.sh --with-kind  also let each pinned kind release decode and validate
#                                     its clusters/kind/<version>.yaml (builds kind with Go)
#
# actionlint is built with `go install` from the Go module proxy and kept in $HOME/go/bin
# (or $GOBIN); shellcheck comes from Debian's apt when it is missing and we are root.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONLINT_VERSION=v1.7.12
# every id the suite accepts, from the one version list (kind/k3s columns are checked against it below)
VERSIONS=$(awk -F'\t' '!/^#/ && NF {print $1}' clusters/versions.tsv | tr '\n' ' ')
# the local-only ids (no k3s and no kind_node): no kind config, no k3s image
LOCAL_ONLY=" $(awk -F'\t' '!/^#/ && NF && $8 == "-" && $9 == "-" {print $1}' clusters/versions.tsv | tr '\n' ' ')"
WITH_KIND=false
[ "${1:-}" = "--with-kind" ] && WITH_KIND=true

fail=0
err() { echo "ERROR: $*" >&2; fail=1; }

# --- tools -----------------------------------------------------------------------------
command -v go >/dev/null || { echo "ERROR: go is needed to build actionlint" >&2; exit 1; }
gobin=${GOBIN:-$(go env GOPATH)/bin}
actionlint=$gobin/actionlint
if [ "$("$actionlint" -version 2>/dev/null | head -n 1)" != "$ACTIONLINT_VERSION" ]; then
  echo "installing actionlint $ACTIONLINT_VERSION into $gobin"
  GOTOOLCHAIN=local GOBIN=$gobin go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
if ! command -v shellcheck >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing shellcheck (apt)"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq shellcheck; } >/dev/null \
      || echo "WARNING: could not install shellcheck" >&2
  fi
  command -v shellcheck >/dev/null \
    || echo "WARNING: shellcheck not found: run: scripts are not checked" >&2
fi

# --- workflows ---------------------------------------------------------------------------
echo "actionlint $ACTIONLINT_VERSION on .github/workflows"
"$actionlint" -no-color || fail=1

# --- cluster definitions -------------------------------------------------------------------
echo "checking clusters/kind and the k3s column against clusters/versions.tsv"
if python3 -c 'import yaml' 2>/dev/null; then
  python3 - "$VERSIONS" <<'PY' || fail=1
import os, re, sys, yaml

ids = sys.argv[1].split()
bad = []
rows = {}
for line in open("clusters/versions.tsv"):
    if line.strip() and not line.startswith("#"):
        f = [("" if x.strip() == "-" else x.strip()) for x in line.rstrip("\n").split("\t")]
        if len(f) != 12: bad.append(f"clusters/versions.tsv: id {f[0]} has {len(f)} columns, not 12")
        f += [""] * (12 - len(f))
        if f[0] in rows: bad.append(f"clusters/versions.tsv: id {f[0]} twice")
        rows[f[0]] = dict(zip(["id", "kubernetes", "gates", "containerd", "runc", "etcd", "pause", "k3s",
                               "kind_node", "kind_version", "note", "kubelet"], f))
local_only = {vid for vid in ids if not rows[vid]["kind_node"] and not rows[vid]["k3s"]}
BUILD = ["kubernetes", "containerd", "runc", "etcd", "pause"]
for vid in ids:
    path = f"clusters/kind/{vid}.yaml"
    kubelet = rows[vid]["kubelet"]
    if kubelet and not re.fullmatch(r"[a-z][A-Za-z0-9]*=[^=,\s]+(,[a-z][A-Za-z0-9]*=[^=,\s]+)*", kubelet):
        bad.append(f"clusters/versions.tsv: {vid}: kubelet column {kubelet!r} is not field=value[,field=value]")
    if kubelet and vid not in local_only:
        bad.append(f"clusters/versions.tsv: {vid} has a kubelet column, which k3s and kind do not apply: k3s and kind_node must be '-'")
    if vid in local_only:
        if os.path.exists(path): bad.append(f"{path}: {vid} has no kind_node in clusters/versions.tsv")
        base = rows.get(vid.split("-")[0])
        if kubelet:
            # a kubelet column: the build of its base row (1.35-single-oom: 1.35's), under an id of its own
            if "-" not in vid or base is None or any(rows[vid][c] != base[c] for c in BUILD):
                bad.append(f"clusters/versions.tsv: local-only id {vid} with a kubelet column must be <base id>-<name>"
                           f" with the base row's {', '.join(BUILD)}")
        elif not re.fullmatch(r"\d+\.\d+\.\d+", vid) or rows[vid]["kubernetes"] != "v" + vid:
            bad.append(f"clusters/versions.tsv: local-only id {vid} must be the exact patch of its kubernetes column"
                       " (or have a kubelet column)")
        continue
    if not os.path.exists(path):
        bad.append(f"{path}: missing"); continue
    text = open(path).read()
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as e:
        bad.append(f"{path}: not YAML: {e}"); continue
    where = lambda msg: bad.append(f"{path}: {msg}")
    if not isinstance(doc, dict):
        where("not a mapping"); continue
    if doc.get("kind") != "Cluster": where("kind must be Cluster")
    if doc.get("apiVersion") != "kind.x-k8s.io/v1alpha4": where("apiVersion must be kind.x-k8s.io/v1alpha4")
    unknown = set(doc) - {"kind", "apiVersion", "nodes", "featureGates", "name", "networking",
                          "runtimeConfig", "kubeadmConfigPatches", "containerdConfigPatches"}
    if unknown: where(f"unexpected top-level keys {sorted(unknown)}")
    nodes = doc.get("nodes") or []
    if len(nodes) != 1 or nodes[0].get("role") != "control-plane":
        where("needs exactly one node, role control-plane")
    else:
        image = str(nodes[0].get("image", ""))
        m = re.fullmatch(r"kindest/node:v1\.(\d+)\.\d+(@sha256:[0-9a-f]{64})?", image)
        if not m: where(f"image {image!r} is not kindest/node:v1.Y.Z[@sha256:...]")
        elif "1." + m.group(1) != vid.split("-")[0]: where(f"image {image} does not match version {vid}")
        elif image != rows[vid]["kind_node"]: where(f"image {image} is not versions.tsv's {rows[vid]['kind_node']!r}")
    gates = doc.get("featureGates") or {}
    want = {g.split("=")[0]: g.split("=")[1] == "true" for g in rows[vid]["gates"].split(",") if g}
    if gates != want: where(f"featureGates {gates} (expected {want}, the row's gates)")
    kv = re.search(r"^# kind-version: (v\d+\.\d+\.\d+)$", text, re.M)
    if not kv:
        where("missing '# kind-version: vX.Y.Z' line (the workflow installs that kind)")
    elif kv.group(1) != rows[vid]["kind_version"]:
        where(f"kind-version {kv.group(1)} is not versions.tsv's {rows[vid]['kind_version']!r}")

path = "clusters/versions.tsv"
for vid in sorted(set(ids) - local_only):
    image = rows[vid]["k3s"]
    m = re.fullmatch(r"rancher/k3s:v1\.(\d+)\.\d+-k3s\d+", image or "")
    if not m: bad.append(f"{path}: {vid} k3s={image!r} is not rancher/k3s:v1.Y.Z-k3sN")
    elif "1." + m.group(1) != vid.split("-")[0]: bad.append(f"{path}: {vid} k3s={image} wrong minor")
    if vid.endswith("-sidecars") and "SidecarContainers=true" not in rows[vid]["gates"]:
        bad.append(f"{path}: {vid} lacks the SidecarContainers=true gate")
    if int(vid.split("-")[0].split(".")[1]) >= 37 and "SidecarContainers" in rows[vid]["gates"]:
        bad.append(f"{path}: {vid}: the SidecarContainers gate no longer exists in 1.37")

for b in bad: print("ERROR:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
else
  echo "WARNING: python3 yaml not available, falling back to grep checks" >&2
  for v in $VERSIONS; do
    [[ "$LOCAL_ONLY" == *" $v "* ]] && continue   # a local-only column: no kind or k3s
    f=clusters/kind/$v.yaml
    [ -f "$f" ] || { err "$f missing"; continue; }
    grep -qx 'kind: Cluster' "$f" || err "$f: kind: Cluster"
    grep -qx 'apiVersion: kind.x-k8s.io/v1alpha4' "$f" || err "$f: apiVersion"
    grep -Eq '^  - role: control-plane$' "$f" || err "$f: control-plane node"
    grep -Eq "^    image: kindest/node:v${v%%-*}\.[0-9]+(@sha256:[0-9a-f]{64})?$" "$f" || err "$f: image"
    grep -Eq '^# kind-version: v[0-9.]+$' "$f" || err "$f: kind-version line"
    case "$v" in
      *-sidecars) grep -Eq '^  SidecarContainers: true$' "$f" || err "$f: SidecarContainers gate" ;;
      *) if grep -v '^ *#' "$f" | grep -q 'SidecarContainers'; then err "$f: unexpected SidecarContainers gate"; fi ;;
    esac
    row=$(awk -F'\t' -v id="$v" '!/^#/ && $1 == id' clusters/versions.tsv)
    grep -Fq "image: $(cut -f9 <<< "$row")" "$f" || err "$f: image is not versions.tsv's"
    grep -Fqx "# kind-version: $(cut -f10 <<< "$row")" "$f" || err "$f: kind-version is not versions.tsv's"
    [[ "$(cut -f8 <<< "$row")" =~ ^rancher/k3s:v${v%%-*}\.[0-9]+-k3s[0-9]+$ ]] || err "versions.tsv: k3s image of $v"
  done
fi

# --- optional: the pinned kind itself decodes and validates each config ------------------
if $WITH_KIND; then
  # kind loads and validates --config only after asking docker whether the cluster exists,
  # so give it a stub docker that answers those questions and refuses to create anything.
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  cat > "$tmp/docker" <<'SH'
#!/bin/sh
case "$1" in
  info) echo '{"CgroupDriver":"systemd","CgroupVersion":"2","MemoryLimit":true,"PidsLimit":true,"CPUShares":true,"SecurityOptions":[]}' ;;
  run|network|create|pull) echo "stub docker: not creating anything" >&2; exit 1 ;;
esac
exit 0
SH
  chmod +x "$tmp/docker"
  for v in $VERSIONS; do
    [[ "$LOCAL_ONLY" == *" $v "* ]] && continue   # a local-only column: no kind or k3s
    f=clusters/kind/$v.yaml
    kv=$(sed -n 's/^# kind-version: *//p' "$f")
    [ -x "$tmp/kind-$kv/kind" ] || GOTOOLCHAIN=local GOBIN=$tmp/kind-$kv go install "sigs.k8s.io/kind@$kv"
    out=$(PATH=$tmp:$PATH "$tmp/kind-$kv/kind" create cluster --config "$f" --name "sc-$v" 2>&1 || true)
    if grep -q 'Creating cluster' <<< "$out"; then
      echo "kind $kv accepts $f"
    else
      err "kind $kv rejects $f: $out"
    fi
  done
fi

[ "$fail" = 0 ] && echo "workflow lint: OK"
exit "$fail"
