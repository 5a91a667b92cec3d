#!/usr/bin/env bash
# Benchmarks kind.sh clusters with public tools (/usr/bin/time -v), like clusters/local/bench.sh.
#   bench.sh <id> [--runs N]
# Prints medians of N runs (default 3) of: up (Docker start + kind create + image loads, node image cached),
# kind create alone (kind.sh's own figure), summed RSS of every process of the run right after up
# (kind.sh pids: dockerd, containerd, shims, docker-proxy, the node's processes), teardown (down).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ID="${1:?usage: bench.sh <id> [--runs N]}"; shift
RUNS=3
while [ $# -gt 0 ]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    *) echo "bench.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench.sh: /usr/bin/time missing; run: apt-get install time" >&2; exit 1; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
# shellcheck source=../local/lib/bench-stats.sh
. "$HERE/../local/lib/bench-stats.sh"

"$HERE/kind.sh" build "$ID" >&2
"$HERE/kind.sh" down >&2
: >"$work/up"; : >"$work/create"; : >"$work/rss"; : >"$work/down"
for i in $(seq 1 "$RUNS"); do
  echo "bench: run $i/$RUNS" >&2
  "$TIME" -v -o "$work/up.time" "$HERE/kind.sh" up "$ID" >/dev/null 2>"$work/up.log"
  elapsed "$work/up.time" >>"$work/up"
  sed -n 's/.*cluster sc-.* Ready after \([0-9]*\)s$/\1/p' "$work/up.log" >>"$work/create"
  kb=0
  for p in $("$HERE/kind.sh" pids); do
    r="$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)"
    kb=$((kb + ${r:-0}))
  done
  echo $((kb / 1024)) >>"$work/rss"
  "$TIME" -v -o "$work/down.time" "$HERE/kind.sh" down 2>/dev/null
  elapsed "$work/down.time" >>"$work/down"
done
printf 'kind cluster %s (%s runs, medians)\n' "$ID" "$RUNS"
printf '  up (Docker + create + loads): %6.2f s [runs: %s]\n' "$(median <"$work/up")" "$(tr '\n' ' ' <"$work/up")"
printf '  kind create -> Ready:         %6s s [runs: %s]\n' "$(median <"$work/create")" "$(tr '\n' ' ' <"$work/create")"
printf '  RSS of the run:               %6s MiB [runs: %s]\n' "$(median <"$work/rss")" "$(tr '\n' ' ' <"$work/rss")"
printf '  teardown (down):              %6.2f s [runs: %s]\n' "$(median <"$work/down")" "$(tr '\n' ' ' <"$work/down")"
