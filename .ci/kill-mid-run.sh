#!/usr/bin/env bash
# Nothing left behind when the runner is killed (issue 9), on a real local cluster:
#  1. a run is started and kill -9'd (Maven and forked test JVMs together) once its scenario pods exist;
#  2. two short runs then start at once: each must sweep the dead run's namespaces and finish with verdicts,
#     and neither may touch the other's namespaces;
#  3. a second run is kill -9'd the same way; the clean command first keeps its (still fresh) namespaces,
#     then deletes them with --force.
# Prints the counts; exits non-zero if anything of a dead run is left. The cluster is brought down at the end.
# On a shared machine run it under the cluster lock: flock /tmp/sc/cluster.lock bash .ci/kill-mid-run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${SMOKE_VERSION:-1.31}
STALE_SECONDS=30        # -Dsweep.staleSeconds for these runs (the smallest accepted), so the test stays short
WORK=target/kill-mid-run
LABEL=sidecar-conformance/run
T0=$SECONDS
failures=0

say() { printf '[kill-mid-run %4ds] %s\n' $((SECONDS - T0)) "$*"; }
fail() { say "FAIL: $*"; failures=$((failures + 1)); }

bg_groups=()
finish() {
  local pgid
  for pgid in "${bg_groups[@]}"; do kill -9 -- "-$pgid" 2>/dev/null || true; done
  say "bringing the local cluster down"
  bash clusters/local/cluster.sh down "$VERSION" >/dev/null 2>&1 || say "cluster.sh down failed"
}
trap finish EXIT

rm -rf "$WORK" && mkdir -p "$WORK"
say "local cluster $VERSION: up"
kubeconfig=$(bash clusters/local/cluster.sh up "$VERSION" 2>"$WORK/cluster-up.log" | tail -n 1)
[ -f "$kubeconfig" ] || { say "cluster.sh up printed no kubeconfig: $(tail -n 1 "$WORK/cluster-up.log")"; exit 1; }
k() { kubectl --kubeconfig "$kubeconfig" --request-timeout=20s "$@"; }

image() { sed -n "s/^$1=//p" clusters/local/images.properties; }
run_args=(-B -Dstyle.color=never -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false "-Dcluster=kubeconfig:$kubeconfig"
  "-Dimages.busybox=$(image busybox)" "-Dimages.dind=$(image dind)" -Dimages.pullPolicy=Never
  "-Dsweep.staleSeconds=$STALE_SECONDS")

# Namespaces (one a line) of one run label, or of every run with "".
namespaces_of() {
  local selector=$LABEL
  [ -n "$1" ] && selector="$LABEL=$1"
  k get namespaces -l "$selector" -o go-template='{{range .items}}{{.metadata.name}}{{"\n"}}{{end}}'
}
runs_present() {
  k get namespaces -l "$LABEL" -o go-template='{{range .items}}{{index .metadata.labels "sidecar-conformance/run"}}{{"\n"}}{{end}}' | sort -u
}
pods_in() {
  local ns n=0
  for ns in "$@"; do n=$((n + $(k get pods -n "$ns" --no-headers 2>/dev/null | wc -l))); done
  echo "$n"
}

# Starts `mvn verify` in its own process group (its pid, in $started, is the group's id); logs to $WORK/<name>.log.
start_run() {
  local name=$1; shift
  setsid mvn "${run_args[@]}" -Dreport.dir="$WORK/$name" "$@" verify >"$WORK/$name.log" 2>&1 &
  started=$!
  bg_groups+=("$started")
}

# Polls (every 2 s, at most $2 s) until $4 (default 2) scenario pods of a run not in $3 exist; prints its label.
await_pods() {
  local pgid=$1 bound=$2 known=$3 min=${4:-2} deadline=$((SECONDS + $2)) run
  while [ $SECONDS -lt $deadline ]; do
    kill -0 "$pgid" 2>/dev/null || { say "the run ended before its pods appeared" >&2; return 1; }
    for run in $(runs_present); do
      if grep -qxF "$run" <<<"$known"; then continue; fi
      mapfile -t nss < <(namespaces_of "$run")
      if [ "$(pods_in "${nss[@]}")" -ge "$min" ]; then echo "$run"; return 0; fi
    done
    sleep 2
  done
  say "no scenario pods within ${bound}s" >&2
  return 1
}

kill_run() {
  local pgid=$1
  say "kill -9 of Maven and its forked JVMs: $(pgrep -g "$pgid" -d ' ' java || true)"
  kill -9 -- "-$pgid"
  wait "$pgid" 2>/dev/null || true
}

report_counts() {
  local what=$1 run=$2
  mapfile -t nss < <(namespaces_of "$run")
  local pods; pods=$(pods_in "${nss[@]}")
  say "COUNT $what: ${#nss[@]} namespaces, $pods pods of run $run"
  count_ns=${#nss[@]} count_pods=$pods
}

# kill_mid_run NAME: starts a run of dind sigkill-main rows, waits (bounded) until its pods exist, kill -9s it;
# sets killed_run to its run id.
kill_mid_run() {
    local name=$1 before pgid
    before=$(runs_present)
    start_run "$name" -Dcucumber.filter.tags="@fault-sigkill-main and @dind"; pgid=$started
    killed_run=$(await_pods "$pgid" 240 "$before") || { tail -n 20 "$WORK/$name.log"; exit 1; }
    kill_run "$pgid"
}

# --- 1. a run killed mid-run
say "run 1 (sigkill-main, dind sidecars): start"
kill_mid_run dead1; dead1=$killed_run
report_counts "after kill -9 of run 1" "$dead1"
[ "$count_ns" -gt 0 ] || fail "run 1 left nothing to sweep: the test proves nothing"

# Its heartbeat stops with it; wait (bounded) until the newest is older than the bound, so the next runs sweep it.
say "waiting until run 1's heartbeat is older than ${STALE_SECONDS}s"
deadline=$((SECONDS + STALE_SECONDS + 60))
while [ $SECONDS -lt $deadline ]; do
  newest=$(k get namespaces -l "$LABEL=$dead1" \
    -o go-template='{{range .items}}{{index .metadata.annotations "sidecar-conformance/heartbeat"}}{{"\n"}}{{end}}' | sort | tail -n 1)
  [ -n "$newest" ] && [ $(( $(date +%s) - $(date -d "$newest" +%s) )) -gt $((STALE_SECONDS + 1)) ] && break
  sleep 2
done

# --- 2. two short runs at once: 2b starts once 2a's pods run, so 2b's sweep meets a live run (2a) and an
# abandoned one (run 1, unless 2a's sweep already took it); both must finish with verdicts.
say "run 2a (no fault, light sidecar, 2 rows): start"
before=$(runs_present)
start_run live2a -Dpatterns=native,classic -Dfaults=none -Dsidecars=light -Dvariants=exec -Dparallel=1; pid_a=$started
live2a=$(await_pods "$pid_a" 240 "$before" 1) || { tail -n 20 "$WORK/live2a.log"; exit 1; }
say "run 2b (no fault, light sidecar) starts while run 2a ($live2a) is live"
start_run live2b -Dpatterns=done-file -Dfaults=none -Dsidecars=light -Dvariants=exec; pid_b=$started
rc_a=0; rc_b=0
wait "$pid_a" || rc_a=$?
wait "$pid_b" || rc_b=$?
for r in live2a live2b; do
  say "run $r: $(grep -m1 -E 'swept|nothing to sweep' "$WORK/$r.log" || echo 'no sweep line')"
  verdicts=$(grep -cE 'sidecar-conformance: .* \| none +[A-Z_]+ ' "$WORK/$r.log" || true)
  if [ ! -f "$WORK/$r/results.json" ] || [ "$verdicts" -eq 0 ]; then fail "run $r finished without verdicts"; fi
  say "run $r: $verdicts verdict(s), exit $([ $r = live2a ] && echo $rc_a || echo $rc_b)"
  if grep -E 'swept' "$WORK/$r.log" | grep -q 'under-none'; then fail "run $r swept a namespace of a live run"; fi
done
grep -qE '(swept|nothing to sweep).*live run alone' "$WORK/live2b.log" \
  || say "note: run 2b's sweep saw no live run (run 2a had no namespace at that moment)"
grep -qE '"outcome" *: *"ERROR"' "$WORK"/live2?/results.json && fail "a live run recorded an ERROR cell (disturbed?)"
report_counts "after the next runs" "$dead1"
if [ "$count_ns" -ne 0 ] || [ "$count_pods" -ne 0 ]; then fail "run 1's namespaces or pods are left after the next runs"; fi

# --- 3. the clean command: keeps a fresh run's namespaces unless --force
say "run 3: start, kill -9 once its pods exist"
kill_mid_run dead3; dead3=$killed_run
report_counts "after kill -9 of run 3" "$dead3"
# clean [-D...] [--force]: the README's clean command on this cluster.
clean() {
  local props=() args=()
  for a in "$@"; do case $a in -D*) props+=("$a") ;; *) args+=("$a") ;; esac; done
  mvn -q -B -Dstyle.color=never "${props[@]}" compile exec:java -Dexec.mainClass=io.sidecarconformance.hygiene.CleanCluster \
    -Dexec.args="kubeconfig:$kubeconfig ${args[*]}" 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' | awk 'NF { print "    " $0 }' || say "clean exited non-zero"
}
say "clean without --force (run 3's heartbeat is younger than the bound: kept)"
clean -Dsweep.staleSeconds=600
report_counts "after clean without --force" "$dead3"
[ "$count_ns" -gt 0 ] || fail "clean without --force deleted a run with a fresh heartbeat"
say "clean --force"
clean --force
report_counts "after clean --force" "$dead3"
if [ "$count_ns" -ne 0 ] || [ "$count_pods" -ne 0 ]; then fail "clean --force left namespaces or pods"; fi
all=$(namespaces_of "" | wc -l)
say "COUNT labelled namespaces of any run left on the cluster: $all"
[ "$all" -eq 0 ] || fail "labelled namespaces left: $(namespaces_of "" | tr '\n' ' ')"

if [ "$failures" -gt 0 ]; then say "$failures failure(s)"; exit 1; fi
say "ok"
