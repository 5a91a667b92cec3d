#!/usr/bin/env bash
# Benchmarks the local cluster with public tools (/usr/bin/time -v).
#   bench.sh <id> [--runs N] [--cold-build]
# --cold-build also measures one build from an empty build cache and binary
# cache (modules already downloaded stay in GOMODCACHE; add --cold-modules to
# use an empty module cache too: that measures the download as well). Long.
# Prints medians of N runs (default 3; 0 = cold build only) of: up (cached binaries -> node Ready),
# summed RSS of all cluster processes right after up, teardown (down).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ID="${1:?usage: bench.sh <id> [--runs N] [--cold-build] [--cold-modules]}"; shift
RUNS=3 COLD=0 COLDMOD=0
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --cold-build) COLD=1; shift ;;
    --cold-modules) COLD=1; COLDMOD=1; shift ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench.sh: /usr/bin/time missing; run: sudo bash .ci/install-local-cluster-deps.sh" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# shellcheck source=lib/bench-stats.sh
. "$HERE/lib/bench-stats.sh"

if [ "$COLD" = 1 ]; then
  c="$work/cold"; mkdir -p "$c"
  echo "bench: cold build of $ID (empty GOCACHE and binary cache$([ "$COLDMOD" = 1 ] && echo ', empty module cache'))" >&2
  envs=(SC_CACHE="$c/sc" GOCACHE="$c/gocache")
  [ "$COLDMOD" = 1 ] && envs+=(GOMODCACHE="$c/gomod" GOFLAGS=-modcacherw)
  env "${envs[@]}" "$TIME" -v -o "$work/build.time" "$HERE/cluster.sh" build "$ID" >&2
  cold_s="$(elapsed "$work/build.time")"
  cold_rss="$(awk -F': ' '/Maximum resident/ {print $2}' "$work/build.time")"
  chmod -R u+w "$c" 2>/dev/null || true
fi

if [ "$RUNS" -gt 0 ]; then
"$HERE/cluster.sh" build "$ID" >&2
"$HERE/cluster.sh" down "$ID" >&2
fi
: >"$work/up"; : >"$work/rss"; : >"$work/down"
for i in $(seq 1 "$RUNS"); do
  echo "bench: run $i/$RUNS" >&2
  "$TIME" -v -o "$work/up.time" "$HERE/cluster.sh" up "$ID" >/dev/null
  elapsed "$work/up.time" >>"$work/up"
  kb=0
  for p in $("$HERE/cluster.sh" pids "$ID"); do
    r="$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)"
    kb=$((kb + ${r:-0}))
  done
  echo $((kb / 1024)) >>"$work/rss"
  "$TIME" -v -o "$work/down.time" "$HERE/cluster.sh" down "$ID" 2>/dev/null
  elapsed "$work/down.time" >>"$work/down"
done
up="$(median <"$work/up")"
if [ "$RUNS" -eq 0 ]; then
  printf 'cluster %s\n' "$ID"
  [ "$COLD" = 1 ] && printf '  cold build:          %6.0f s (%.1f min), max RSS of one build step %s kB\n' "$cold_s" "$(awk -v s="$cold_s" 'BEGIN {print s/60}')" "$cold_rss"
  exit 0
fi
printf 'cluster %s (%s runs, medians)\n' "$ID" "$RUNS"
[ "$COLD" = 1 ] && printf '  cold build:          %6.0f s (%.1f min), max RSS of one build step %s kB\n' "$cold_s" "$(awk -v s="$cold_s" 'BEGIN {print s/60}')" "$cold_rss"
printf '  up (cached -> Ready): %6.2f s   target <= 20 s: %s   [runs: %s]\n' "$up" \
  "$(awk -v u="$up" 'BEGIN {print (u <= 20) ? "met" : "MISSED"}')" "$(tr '\n' ' ' <"$work/up")"
printf '  RSS of cluster:       %6s MiB [runs: %s]\n' "$(median <"$work/rss")" "$(tr '\n' ' ' <"$work/rss")"
printf '  teardown (down):      %6.2f s   [runs: %s]\n' "$(median <"$work/down")" "$(tr '\n' ' ' <"$work/down")"
