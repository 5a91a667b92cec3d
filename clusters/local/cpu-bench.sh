#!/usr/bin/env bash
# Where a run's CPU goes, by component: runs a fixed sample of cells on a local cluster and prints, from the
# run's results.json measurements (cpu/CpuMonitor: the processes' and cgroups' own accounting), the CPU seconds per
# scenario run of the runner JVM, each control-plane process, the kubelet, containerd, its shims and the pods'
# containers, their sum, the whole machine's, its busy share and the wall time. CPU seconds depend little on the
# machine's load; wall time and busy share do: the load is printed with them.
#
#   clusters/local/cpu-bench.sh [<id>] [suite properties...]   default id 1.31; e.g. -Drepeat=3
#   SC_LOCAL_SLOT=<n> clusters/local/cpu-bench.sh 1.31          in another slot (another 1.31 is running)
#   CPU_BENCH_OUT=<dir>                                         where the run's report goes (default: a temp folder)
#
# The suite brings the cluster up (cluster.sh up <id>) and takes it down at the end, as any run does.
# The sample: faults none, sigterm, sidecar-oom x patterns native, classic, done-file x sidecars light, dind.
set -euo pipefail
cd "$(dirname "$0")/../.."

id=${1:-1.31}
[ $# -eq 0 ] || shift
out=${CPU_BENCH_OUT:-$(mktemp -d)}
command -v jq >/dev/null || { echo "cpu-bench.sh: jq missing; run: sudo bash .ci/install-local-cluster-deps.sh" >&2; exit 1; }
sample=("-Dfaults=none,sigterm,sidecar-oom" "-Dpatterns=native,classic,done-file" "-Dsidecars=light,dind" -Drepeat=1)

load_start="$(cut -d' ' -f1-3 /proc/loadavg)"
t0=$SECONDS
echo "cpu-bench: local:$id${SC_LOCAL_SLOT:+ (slot $SC_LOCAL_SLOT)}, report in $out" >&2
# Unit tests are not the benchmark: only the suite runs (as clusters/local/matrix.sh runs a column).
if ! mvn -B -q verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false -Dcluster="local:$id" \
        -Dreport.dir="$out" "${sample[@]}" "$@" >&2; then
    echo "cpu-bench: some cells gave no verdict (ERROR); the CPU figures still stand (see $out)" >&2
fi
wall=$((SECONDS - t0))
results="$out/results.json"
[ -s "$results" ] || { echo "cpu-bench: no $results: the run wrote no report" >&2; exit 1; }

# one row per measurement: what, value (the measurement's text as the suite wrote it)
# (the components in the order a request goes: runner, control plane, node, pods; then their sum)
jq -r --arg per "CPU seconds per run: " '
  ["runner JVM", "etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "containerd",
   "containerd shims", "pods'"'"' containers", "local cluster in all", "everything else on the machine"] as $order
  | .measurements as $m
  | ([$m | to_entries[] | select(.key | startswith($per)) | {name: (.key | ltrimstr($per)), value}]
     | sort_by(.name as $n | ($order | index($n)) // 99)[] | [.name, .value]),
    (["machine, all processes", $m["machine CPU seconds per run"] // "-"]),
    (["machine busy share, start to end", $m["machine busy share, scenario phase"] // "-"]),
    ($m | to_entries[] | select(.key | startswith("machine busy share, samples")) | ["machine busy share, median / p90", .value]),
    (["scenario runs", $m["scenarios"] // "-"]),
    (["suite run wall time", $m["run wall time"] // "-"]),
    ($m | to_entries[] | select(.key == "CPU by component, not measured") | ["not measured", .value])
  | @tsv' "$results" |
  awk -F'\t' 'BEGIN { printf "%-34s %s\n", "CPU per scenario run", "seconds (in all)" } { printf "%-34s %s\n", $1, $2 }'
printf '%-34s %s s (mvn verify, up and down included)\n' "bench wall time" "$wall"
printf '%-34s %s at start, %s at end (%s cores)\n' "load average (1, 5, 15 min)" "$load_start" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
