#!/usr/bin/env bash
# Kubernetes' own e2e tests (e2e.test, built from the k8s.io/kubernetes module of a version of
# clusters/versions.tsv) against the running local or kind cluster of that version.
#
#   e2e.sh build <id>                  e2e.test, the ginkgo CLI, agnhost and the test images for <id> (cached)
#   e2e.sh run [local:|kind:]<id> quick|full <dir>
#                                      runs the named focus on the running cluster (clusters/local/cluster.sh up <id>,
#                                      or with kind: clusters/kind/kind.sh up <id>) on E2E_NODES parallel ginkgo
#                                      nodes (default: the number of cores; 1: e2e.test alone); JUnit XML into <dir>
#   e2e.sh summary <dir>               what results.json will say about the run in <dir> (the suite's own parser)
#   e2e.sh focus quick|full            prints the focus and skip regexes of a run
#   e2e.sh images <id>                 prints the images the focused tests need, and how each is made
#   e2e.sh image busybox|nginx <tag>   makes that test image alone (no e2e.test needed), from the source
#                                      lib/sources.sh obtains; .ci/fresh-sources.sh runs it on an empty cache
#
# Progress goes to stderr; errors are one line on stderr with a non-zero exit. Nothing is left behind:
# the tests' namespaces are deleted by the framework, and the run's temporary files by this script.
set -Eeuo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../local/lib/constants.sh
. "$E2E_DIR/../local/lib/constants.sh"

T0=$SECONDS
CMD="${1:-}"
log() { printf '[e2e.sh %s %4ds] %s\n' "$CMD" $((SECONDS - T0)) "$*" >&2; }
die() { printf 'e2e.sh %s: %s\n' "$CMD" "$*" >&2; exit 1; }
usage() { sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# shellcheck source=../local/lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=../local/lib/instance.sh
. "$HERE/lib/instance.sh"
# shellcheck source=../local/lib/build.sh
. "$HERE/lib/build.sh"
# shellcheck source=../local/lib/images.sh
. "$HERE/lib/images.sh"
# shellcheck source=../local/lib/runtime.sh
. "$HERE/lib/runtime.sh"
# shellcheck source=lib/focus.sh
. "$E2E_DIR/lib/focus.sh"
# shellcheck source=lib/sources.sh
. "$E2E_DIR/lib/sources.sh"
# shellcheck source=lib/e2e-images.sh
. "$E2E_DIR/lib/e2e-images.sh"

# The images of upstream's tests are named <registry>/<name>:<tag>; KUBE_TEST_REPO_LIST maps the registries.
# Both names are local: nothing is pulled, every image is imported.
E2E_REGISTRY="localhost/sidecar-conformance/e2e-test-images"   # promoterE2eRegistry (agnhost, busybox, ...)
PAUSE_REGISTRY="localhost/sidecar-conformance"                 # gcRegistry: the cluster's own pause image

e2e_dir() { printf '%s/e2e/%s' "$SC_CACHE" "$1"; }

# e2e.test from k8s.io/kubernetes@$v, through the same wrapper module as the cluster's binaries (lib/build.sh:
# k8s_gomod, k8s_ldflags): upstream's own test package (`go test -c k8s.io/kubernetes/test/e2e`) with one
# change: its e2e_test.go blank-imports only the test packages that hold the focus (test/e2e/common,
# test/e2e/node), not every SIG's. The others need modules the module proxy here lacks for some versions
# (k8s.io/sample-apiserver v0.33.13 for test/e2e/apimachinery), and compiling them costs minutes for tests that
# are never selected. The change is made in a hard-linked copy of the module ($dir/kubernetes, `replace`d in):
# Go refuses overlays of files in the module cache. tools.go names what that e2e_test.go imports.
build_e2e() { # version
  local v=$1 dir src kdir ldflags
  dir="$(e2e_dir "$v")"; src="$dir/src"
  if [ -f "$dir/bin/.complete" ]; then return 0; fi
  mkdir -p "$dir/bin" "$dir/logs"
  exec 7>"$SC_CACHE/e2e/build.lock"
  flock 7
  if [ -f "$dir/bin/.complete" ]; then flock -u 7; return 0; fi
  log "kubernetes $v: downloading k8s.io/kubernetes module"
  moddl "k8s.io/kubernetes@$v"
  kdir="$MODDL_DIR"
  rm -rf "$src"; mkdir -p "$src"
  k8s_gomod "$v" sidecar-conformance.local/e2e >"$src/go.mod"
  # a copy of the module of hard links (new directories, the same files), e2e_test.go replaced
  rm -rf "$dir/kubernetes"; cp -al "$kdir" "$dir/kubernetes"
  find "$dir/kubernetes" -type d -exec chmod u+w {} +
  rm -f "$dir/kubernetes/test/e2e/e2e_test.go"
  # in the "// test sources" import block: blank imports of test/e2e/<sig> other than common and node go
  awk '/\/\/ test sources/ {b=1} b && /^[[:space:]]*$/ {b=0}
       b && /^[[:space:]]*_ "k8s.io\/kubernetes\/test\/e2e\// && !/"k8s.io\/kubernetes\/test\/e2e\/(common|node)"/ {next} {print}' \
    "$kdir/test/e2e/e2e_test.go" >"$dir/kubernetes/test/e2e/e2e_test.go"
  printf '\nreplace k8s.io/kubernetes => %s\n' "$dir/kubernetes" >>"$src/go.mod"
  {
    printf '//go:build tools\n\npackage tools\n\nimport (\n'
    printf '\t_ "k8s.io/kubernetes/test/e2e"\n'
    sed -n '/^import (/,/^)/p' "$dir/kubernetes/test/e2e/e2e_test.go" | grep -o '"k8s.io/[^"]*"' | sort -u | sed 's/^/\t_ /'
    printf ')\n'
  } >"$src/tools.go"
  ldflags="$(k8s_ldflags "$v")"
  # -tags providerless as the cluster's binaries, except where e2e.go itself imports the cloud providers'
  # e2e frameworks (up to 1.29): those need the legacy providers, which providerless leaves without a file
  local tags=providerless
  if grep -q '"k8s.io/kubernetes/test/e2e/framework/providers/' "$kdir/test/e2e/e2e.go"; then tags=""; fi
  run_step "e2e $v: resolving module graph" "$dir/logs/mod.log" bash -c "cd '$src' && go mod tidy -e"
  run_step "e2e $v: building e2e.test (go test -c k8s.io/kubernetes/test/e2e)" "$dir/logs/e2e.log" \
    env CGO_ENABLED=0 bash -c "cd '$src' && go test -c -trimpath -tags '$tags' -ldflags '$ldflags' -o '$dir/bin/e2e.test.tmp' k8s.io/kubernetes/test/e2e"
  mv -f "$dir/bin/e2e.test.tmp" "$dir/bin/e2e.test"
  touch "$dir/bin/.complete"
  flock -u 7
}

# the github.com/onsi/ginkgo/v2 version a go.mod requires, or nothing
ginkgo_required() { awk '$1 == "github.com/onsi/ginkgo/v2" {print $2; exit}' "$1"; }

# The ginkgo CLI that runs e2e.test on parallel nodes (`ginkgo --nodes=N e2e.test -- <e2e flags>`, as upstream's
# hack/ginkgo-e2e.sh), at the version k8s.io/kubernetes@$v requires: a wrapper module of its own (k8s_gomod, the
# same as e2e.test's) whose tools.go names github.com/onsi/ginkgo/v2/ginkgo; `-mod=mod` adds ginkgo at the version
# the module graph selects through k8s.io/kubernetes, which must be the one upstream's go.mod names (and e2e.test's
# wrapper recorded). Its own marker (bin/.ginkgo-complete) and lock, so a version built before gets the CLI
# without a new e2e.test.
build_ginkgo() { # version
  local v=$1 dir gsrc want got e2ewant
  dir="$(e2e_dir "$v")"; gsrc="$dir/ginkgo/src"
  if [ -x "$dir/bin/ginkgo" ] && [ -f "$dir/bin/.ginkgo-complete" ]; then return 0; fi
  mkdir -p "$dir/bin" "$dir/logs"
  exec 6>"$dir/ginkgo.lock"
  flock 6
  if [ -x "$dir/bin/ginkgo" ] && [ -f "$dir/bin/.ginkgo-complete" ]; then flock -u 6; return 0; fi
  moddl "k8s.io/kubernetes@$v"
  want="$(ginkgo_required "$MODDL_GOMOD")"
  [ -n "$want" ] || die "k8s.io/kubernetes@$v's go.mod requires no github.com/onsi/ginkgo/v2, so no ginkgo CLI is built for it; run with E2E_NODES=1"
  rm -rf "$gsrc"; mkdir -p "$gsrc"
  k8s_gomod "$v" sidecar-conformance.local/e2e-ginkgo >"$gsrc/go.mod"
  printf '//go:build tools\n\npackage tools\n\nimport _ "github.com/onsi/ginkgo/v2/ginkgo"\n' >"$gsrc/tools.go"
  run_step "ginkgo CLI $v: resolving module graph" "$dir/logs/ginkgo-mod.log" \
    bash -c "cd '$gsrc' && go list -mod=mod -deps github.com/onsi/ginkgo/v2/ginkgo >/dev/null"
  got="$(cd "$gsrc" && go list -m -f '{{.Version}}' github.com/onsi/ginkgo/v2)"
  e2ewant="$(ginkgo_required "$dir/src/go.mod" 2>/dev/null || true)"
  if [ "$got" != "$want" ] || [ "${e2ewant:-$want}" != "$want" ]; then
    die "ginkgo for $v resolved to ${got:-nothing}, k8s.io/kubernetes@$v requires $want (e2e.test's wrapper: ${e2ewant:-none}); look into $gsrc/go.mod, then rerun: clusters/e2e/e2e.sh build <id>"
  fi
  run_step "ginkgo CLI $v: building github.com/onsi/ginkgo/v2/ginkgo@$got" "$dir/logs/ginkgo-build.log" \
    env CGO_ENABLED=0 bash -c "cd '$gsrc' && go build -trimpath -ldflags '-s -w' -o '$dir/bin/ginkgo.tmp' github.com/onsi/ginkgo/v2/ginkgo"
  [ "$("$dir/bin/ginkgo.tmp" version)" = "Ginkgo Version ${got#v}" ] ||
    die "the ginkgo CLI built for $v says '$("$dir/bin/ginkgo.tmp" version)', not $got; remove $dir/bin/ginkgo.tmp and rerun: clusters/e2e/e2e.sh build <id>"
  mv -f "$dir/bin/ginkgo.tmp" "$dir/bin/ginkgo"
  touch "$dir/bin/.ginkgo-complete"
  flock -u 6
  log "ginkgo CLI $got for $v (k8s.io/kubernetes@$v requires it): $dir/bin/ginkgo"
}

# The cluster a run goes to: local (clusters/local/cluster.sh) or kind (clusters/kind/kind.sh, which records the
# running id in kind/run/current and its kubeconfig beside it).
KIND_SH="$E2E_DIR/../kind/kind.sh"
KIND_RUN="$SC_CACHE/kind/run"
cluster_kubeconfig() { # provider id -> kubeconfig path, or a one-line error
  local provider=$1 id=$2
  case $provider in
    local)
      use_instance "$id"
      if [ "$(cat "$RUN/current" 2>/dev/null)" != "$id" ] || [ ! -f "$RUN/kubeconfig" ]; then
        die "the local cluster $id is not running (slot $SLOT); run: clusters/local/cluster.sh up $id"
      fi
      printf '%s' "$RUN/kubeconfig" ;;
    kind)
      if [ "$(cat "$KIND_RUN/current" 2>/dev/null)" != "$id" ] || [ ! -f "$KIND_RUN/$id/kubeconfig" ]; then
        die "the kind cluster sc-$id is not running; run: clusters/kind/kind.sh up $id"
      fi
      printf '%s' "$KIND_RUN/$id/kubeconfig" ;;
  esac
}

# The made images into the cluster: containerd's import on local, `kind load image-archive` (kind.sh load) on kind.
load_e2e_images() { # provider id version
  case $1 in
    local) use_instance "$2"; import_e2e_images "$3" ;;
    kind)
      local archives=()
      mapfile -t archives < <(e2e_image_archives "$3")
      [ "${#archives[@]}" = 0 ] || bash "$KIND_SH" load "$2" "${archives[@]}" ||
        die "loading the e2e images into kind:$2 failed (kind.sh load said why above)" ;;
  esac
}

# The suite's own reader of this folder (report/UpstreamE2eSummary over result/UpstreamE2eJunit, the parser
# results.json uses), so the console and the report cannot disagree. Compiled with Maven when its classes are
# missing or older than their sources; runs with the JDK alone.
SUMMARY_CLASS=io.sidecarconformance.report.UpstreamE2eSummary
summary_classes() {
  local classes="$REPO/target/classes"
  local cls="$classes/io/sidecarconformance/report/UpstreamE2eSummary.class"
  if [ ! -f "$cls" ] || [ -n "$(find "$REPO/src/main/java/io/sidecarconformance/result" \
        "$REPO/src/main/java/io/sidecarconformance/report/UpstreamE2eSummary.java" -newer "$cls" -name '*.java' | head -n1)" ]; then
    log "compiling the suite's JUnit reader (mvn -q compile in $REPO) ..."
    mkdir -p "$SC_CACHE/e2e"
    (cd "$REPO" && mvn -B -q compile) >"$SC_CACHE/e2e/mvn-compile.log" 2>&1 ||
      die "mvn compile failed (log: $SC_CACHE/e2e/mvn-compile.log); run: mvn -q compile"
  fi
  printf '%s' "$classes"
}
# dir [classes] -> the summary line, then FAILED: lines; exit 0 all passed, 1 a test failed or none ran, 2 unreadable
e2e_summary() {
  local classes=${2:-}
  [ -n "$classes" ] || classes="$(summary_classes)"
  java -cp "$classes" "$SUMMARY_CLASS" "$1"
}

# Runs the focus against the running cluster; writes into <out>: junit_e2e.xml (the specs the focus selected,
# as e2e.test reported them), selection (quick or full), skipped.tsv (what the skip regex left out and why) and
# e2e.log.gz (e2e.test's output). Exit 0 when every selected test passed, 1 when one failed or the run could
# not be made.
run_e2e() { # provider id quick|full out
  local provider=$1 id=$2 kind=$3 out=$4 bin kc tmp rc classes nodes
  bin="$(e2e_dir "$V")/bin"
  [ -f "$bin/.complete" ] || die "e2e.test for $id is not built; run: clusters/e2e/e2e.sh build $id"
  nodes="$(e2e_nodes)"
  [ "$nodes" = 1 ] || [ -f "$bin/.ginkgo-complete" ] ||
    die "the ginkgo CLI for $id is not built; run: clusters/e2e/e2e.sh build $id (builds only what is missing), or run with E2E_NODES=1"
  kc="$(cluster_kubeconfig "$provider" "$id")"
  if ! mkdir -p "$out" 2>/dev/null || [ ! -w "$out" ]; then die "cannot write $out; choose another directory"; fi
  classes="$(summary_classes)"
  load_e2e_images "$provider" "$id" "$V"
  # absolute: the ginkgo CLI starts e2e.test in e2e.test's own directory
  tmp="$(realpath -s "$(mktemp -d "$SC_CACHE/tmp/e2e.XXXXXX")")"
  # shellcheck disable=SC2064 # expand now: tmp is local
  trap "rm -rf '$tmp'" EXIT
  trap 'exit 130' INT TERM
  repo_list >"$tmp/repo-list.yaml"
  skips_of "$kind" "$id" >"$out/skipped.tsv"
  printf '%s\n' "$kind" >"$out/selection"
  e2e_images_plan "$V" >"$out/images.tsv"   # each image the tests name, and the source it was made from
  log "upstream e2e ($kind) on $provider:$id, e2e.test $V; log: $tmp/e2e.log (kept as $out/e2e.log.gz)"
  local s=$SECONDS last=$SECONDS pid cmd
  mapfile -t cmd < <(e2e_command "$bin" "$nodes" "$(realpath -s "$kc")" "$tmp/report" "$kind" "$id")
  if [ "$nodes" = 1 ]; then log "e2e.test $kind (one process; E2E_NODES=1) ..."
  else log "e2e.test $kind on $nodes parallel ginkgo nodes (ginkgo $("$bin/ginkgo" version | sed 's/^Ginkgo Version //'); E2E_NODES=1: one process) ..."; fi
  KUBE_TEST_REPO_LIST="$tmp/repo-list.yaml" "${cmd[@]}" >"$tmp/e2e.log" 2>&1 </dev/null &
  pid=$!
  # the ginkgo CLI does not pass a TERM on to its nodes: they are its children, each is signalled
  # shellcheck disable=SC2064 # expand now: pid and tmp are local
  trap "pkill -TERM -P $pid 2>/dev/null || true; kill $pid 2>/dev/null || true; rm -rf '$tmp'" EXIT
  while kill -0 "$pid" 2>/dev/null; do
    sleep 2
    if [ $((SECONDS - last)) -ge 30 ]; then
      last=$SECONDS
      log "  $(sed -n 's/^Will run \([0-9]*\) of.*/\1/p' "$tmp/e2e.log") specs selected, $(grep -o '•' "$tmp/e2e.log" | wc -l) done, $(grep -c '• \[FAILED\]' "$tmp/e2e.log") failed ($((SECONDS - s))s)"
    fi
  done
  rc=0; wait "$pid" || rc=$?
  gzip -c "$tmp/e2e.log" >"$out/e2e.log.gz"
  [ -f "$tmp/report/junit_01.xml" ] ||
    die "e2e.test ended (exit $rc) after $((SECONDS - s))s without a JUnit report: $(grep -m1 -E 'FAIL|[Ee]rror' "$tmp/e2e.log" | cut -c1-300)"
  junit_selected "$tmp/report/junit_01.xml" >"$out/junit_e2e.xml"
  local lines src=0
  lines="$(e2e_summary "$out" "$classes")" || src=$?
  [ "$src" != 2 ] || die "the JUnit report in $out cannot be read (UpstreamE2eSummary said why above)"
  log "$provider:$id in $((SECONDS - s))s: $(sed -n 1p <<<"$lines")"
  sed -n '2,$s/^/  /p' <<<"$lines" >&2
  return "$src"
}

# E2E_NODES: how many ginkgo nodes (processes) run the specs; default the number of cores; 1: e2e.test alone,
# serially, as before the ginkgo CLI was used.
e2e_nodes() {
  local n=${E2E_NODES:-}
  if [ -z "$n" ]; then n="$(nproc 2>/dev/null || echo 1)"; fi
  if ! [[ $n =~ ^[0-9]+$ ]] || [ "$((10#$n))" -lt 1 ]; then die "E2E_NODES must be a whole number of 1 or more (got '$n'); unset it to use the number of cores"; fi
  printf '%s\n' "$((10#$n))"
}

# The command line of a run, one word a line: e2e.test with the selection's flags (one process), or the ginkgo CLI
# running that e2e.test with the same flags on <nodes> parallel nodes. Each node gets the CLI's flags
# (--ginkgo.parallel.*, seed, timeout, no-color), then these; e2e.test's junit_01.xml in the report dir is then
# written by node 1 from every node's specs (the framework's ReportAfterSuite), so the CLI writes no report of its
# own. Paths must be absolute: the CLI starts e2e.test in e2e.test's directory.
e2e_command() { # bin nodes kubeconfig report-dir quick|full id [extra e2e.test flag...]
  local bin=$1 nodes=$2 kc=$3 report=$4 kind=$5 id=$6; shift 6
  local flags=(--kubeconfig="$kc" --provider=skeleton --report-dir="$report" --ginkgo.focus="$(focus_of "$kind")"
    --ginkgo.skip="$(skip_of "$kind" "$id")" --ginkgo.no-color --ginkgo.timeout=2h "$@")
  if [ "$nodes" = 1 ]; then printf '%s\n' "$bin/e2e.test" "${flags[@]}"
  else printf '%s\n' "$bin/ginkgo" --nodes="$nodes" --no-color --timeout=2h "$bin/e2e.test" -- "${flags[@]}"; fi
}

# e2e.test's JUnit report lists every spec of the binary; the ones the focus did not select are
# <skipped message="skipped"/> without a reason. Those go; everything else stays as written, but for the colour
# codes ginkgo puts in some messages despite --ginkgo.no-color (e.g. "SynchronizedBeforeSuite failed on Ginkgo
# parallel process #1"; ESC written as U+FFFD). Nothing here counts: the counts anyone reads are UpstreamE2eSummary's.
junit_selected() { # junit.xml
  python3 - "$1" <<'PY'
import re, sys, xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
colour = re.compile("[\x1b\ufffd]\\[[0-9;]*m")
for e in tree.iter():
    for k, val in e.attrib.items():
        e.set(k, colour.sub("", val))
    if e.text:
        e.text = colour.sub("", e.text)
for suite in tree.iter("testsuite"):
    for case in list(suite.findall("testcase")):
        sk = case.find("skipped")
        if sk is not None and (sk.get("message") or "").strip() in ("", "skipped") and not (sk.text or "").strip():
            suite.remove(case)
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", str(sum(1 for c in cases if c.find("error") is not None)))
    suite.set("skipped", str(sum(1 for c in cases if c.find("skipped") is not None)))
    suite.set("disabled", "0")
tree.write(sys.stdout, encoding="unicode", xml_declaration=True)
PY
}

check_local_id() { # id -> sets V (kubernetes version)
  check_id "${1:-}"
  V="$(k8s_version_of "$1")"
}

main() {
  case "$CMD" in
    build)
      check_local_id "${2:-}"
      mkdir -p "$SC_CACHE/e2e" "$SC_CACHE/tmp"
      export SC_BUILDING=1  # what the build runs is no cluster's stray (clusters/local/lib/procs.sh)
      build_e2e "$V"
      build_ginkgo "$V"
      build_e2e_images "$V"
      log "e2e.test, the ginkgo CLI, agnhost and images for $2 (kubernetes $V) ready in $(e2e_dir "$V")/bin" ;;
    images)
      check_local_id "${2:-}"
      [ -f "$(e2e_dir "$V")/bin/.complete" ] || die "e2e.test for $2 is not built; run: clusters/e2e/e2e.sh build $2"
      e2e_images_plan "$V" ;;
    image)
      [ -n "${3:-}" ] || usage
      mkdir -p "$SC_CACHE/images" "$SC_CACHE/tmp"
      case "${2:-}" in
        busybox) build_busybox_image "$3" "$E2E_REGISTRY/busybox:$3" ;;
        nginx) build_nginx_image "$3" "$E2E_REGISTRY/nginx:$3" ;;
        *) die "unknown image ${2:-}; use busybox or nginx" ;;
      esac
      [ -f "$(image_tar "$2" "$3").id" ] || die "$2:$3 was not made (the lines above say why)"
      printf '%s\t%s\n' "$2:$3" "$(cat "$(image_tar "$2" "$3").source")" ;;
    focus)
      case "${2:-}" in quick|full) printf 'focus: %s\nskip: %s\n' "$(focus_of "$2")" "$(skip_of "$2")" ;; *) usage ;; esac ;;
    run)
      local provider=local id=${2:-}
      case $id in local:*) id=${id#local:} ;; kind:*) provider=kind; id=${id#kind:} ;; *:*) die "unknown provider in $id; use local:<id> or kind:<id>" ;; esac
      check_local_id "$id"
      case "${3:-}" in quick|full) ;; *) usage ;; esac
      [ -n "${4:-}" ] || usage
      run_e2e "$provider" "$id" "$3" "$4" ;;
    summary)
      [ -n "${2:-}" ] || usage
      e2e_summary "$2" ;;
    *) usage ;;
  esac
}

main "$@"; exit $?
