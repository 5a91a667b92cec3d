#!/usr/bin/env bash
# Regenerates the committed compatibility report: the whole matrix (every pattern x sidecar x variant x fault)
# on every local version, one `mvn verify` per version, merged into one grid.
#
#   clusters/local/matrix.sh [-j N] [OUT_DIR]   default OUT_DIR: reports/<today>-local
#   VERSIONS="1.29 1.31" clusters/local/matrix.sh   only these versions. The default: every local row of
#   clusters/versions.tsv but those with a kubelet column (1.35-single-oom, ...: on this cgroup v1 host their kubelet
#   setting is its behaviour anyway, so they would repeat their base column; name them in VERSIONS to run them)
#   -j N or SC_COLUMNS_AT_ONCE=N: N versions (columns) in flight at once, each on its own local cluster instance
#   (clusters/local/lib/instance.sh) and in its own copy of the project under OUT_DIR/.columns/; default 1 (one
#   after another, in this folder)
#   PARALLEL=16 (scenarios at once; unset: the suite's default for this machine), EXTRA_ARGS="-Dsidecars=light"
#   (more suite properties, e.g. -Drepeat=3)
#   MERGE_ONLY=1 clusters/local/matrix.sh OUT_DIR   no runs: render the merged grid of the versions in OUT_DIR
#
# Each version's own results.json, compatibility.html and junit.xml land in OUT_DIR/<version>/; the merged grid
# in OUT_DIR/results.json and OUT_DIR/compatibility.html. A version whose cluster cannot start still gets a
# column (of ERROR cells). Each version's cluster is stopped at the end. The merged files are over 5 MiB and are
# not committed (.gitignore): each version's folder is, and MERGE_ONLY=1 renders the grid from them.
# Where OUT_DIR/<version>/e2e/ holds an upstream e2e run (clusters/e2e/e2e.sh run <version> ... OUT_DIR/<version>/e2e),
# it is attached to that version's column (node facts: "upstream e2e: N of M passed").
set -euo pipefail
cd "$(dirname "$0")/../.."

at_once=${SC_COLUMNS_AT_ONCE:-1}
if [ "${1:-}" = -j ]; then at_once=${2:?-j needs a number}; shift 2; fi
[[ $at_once =~ ^[1-9][0-9]*$ ]] || { echo "matrix.sh: -j / SC_COLUMNS_AT_ONCE must be a whole number >= 1, not '$at_once'" >&2; exit 2; }
out=${1:-reports/$(date -u +%Y-%m-%d)-local}
# local rows (a kubernetes column): "<id> <kubelet column>", '-' for none, in Kubernetes version order (then by id:
# 1.33.5 before 1.33, 1.35 before 1.35-stopsignals), which is the merged grid's column order: a range the page states,
# such as "up to 1.35.3", then means what it says (versions.tsv's rows keep their places: a row's place is its slot)
local_rows() {
    awk -F'\t' '!/^#/ && NF && $2 != "-" {print $2, $1, ($12 == "" ? "-" : $12)}' clusters/versions.tsv |
        sort -k1,1V -k2,2 | cut -d' ' -f2-
}
versions=${VERSIONS:-$(local_rows | awk '$2 == "-" {print $1}')}
parallel=()
[ -n "${PARALLEL:-}" ] && parallel=(-Dparallel="$PARALLEL")
mkdir -p "$out"

[ "${MERGE_ONLY:-0}" = 1 ] && versions=""
out_abs="$(cd "$out" && pwd)"

# One column: the suite on local:<v>, its results in OUT_DIR/<v>/, in <dir> (this folder, or a column's copy).
column() { # version dir
    local v=$1
    echo "== local:$v ($(date -u +%H:%M:%S))" >&2
    # Unit tests ran once already if you ran `mvn verify`; skip them here.
    # shellcheck disable=SC2086
    if ! (cd "$2" && mvn -B -q verify -Dtest=NoSuch -Dsurefire.failIfNoSpecifiedTests=false \
            -Dcluster="local:$v" -Dreport.dir="$out_abs/$v" "${parallel[@]}" ${EXTRA_ARGS:-}); then
        echo "local:$v: some scenarios gave no verdict (ERROR cells); see $out/$v" >&2
    fi
    echo "== local:$v done ($(date -u +%H:%M:%S))" >&2
}

if [ "$at_once" = 1 ]; then
    for v in $versions; do column "$v" .; done
elif [ -n "$versions" ]; then
    # Several columns in flight: two mvn runs must not share target/, so each lane gets a copy of the project
    # (sources, features, cluster scripts, the classes compiled once here) and takes the next version from one
    # queue until none is left. Each version runs on its own cluster instance; its output lines carry its version.
    mvn -B -q test-compile -DskipTests >&2
    work="$out_abs/.columns"
    rm -rf "$work"; mkdir -p "$work"
    tr -s ' \n' '\n' <<<"$versions" | sed '/^$/d' >"$work/queue"
    echo 0 >"$work/taken"
    next_version() { # the next version of the queue (stdout), nothing when all are taken
        (
            flock 4
            local n; n=$(cat "$work/taken")
            echo $((n + 1)) >"$work/taken"
            sed -n "$((n + 1))p" "$work/queue"
        ) 4>"$work/queue.lock"
    }
    lane() { # copy number
        local v
        while v="$(next_version)"; [ -n "$v" ]; do
            column "$v" "$work/$1" 2>&1 | sed -u "s/^/[$v] /" >&2
        done
    }
    for ((k = 1; k <= at_once; k++)); do
        mkdir -p "$work/$k"
        tar -cf - --exclude=./target/surefire-reports --exclude=./target/failsafe-reports --exclude=./reports \
            --exclude=./.git --exclude="./${out#./}" . | tar -C "$work/$k" -xf -
        lane "$k" &
    done
    wait
    rm -rf "$work"
fi

# The merged grid covers every listed version with results in OUT_DIR, not only the ones run just now,
# so VERSIONS=... can re-run one column; a listed version without results gets an ERROR column.
inputs=()
expects=()
asked=" $(tr -s ' \n' '  ' <<<"$versions") "
while read -r v kubelet; do
    # a row with a kubelet column is merged when it was asked for or has results here (it is not in the default set)
    if [ "$kubelet" != - ] && [ ! -f "$out/$v/results.json" ] && [[ $asked != *" $v "* ]]; then continue; fi
    [ -f "$out/$v/results.json" ] && inputs+=("$out/$v/results.json")
    if [ -f "$out/$v/results.json" ] && compgen -G "$out/$v/e2e/junit*.xml" >/dev/null; then
        expects+=(--e2e "local:$v=$out/$v/e2e")
    fi
    # A version asked for and without results is an infrastructure error (an ERROR column); one neither asked for
    # nor run here (VERSIONS="1.31", or MERGE_ONLY=1) is no column at all.
    if [[ $asked == *" $v "* ]] || [ -f "$out/$v/results.json" ]; then expects+=(--expect "local:$v"); fi
done < <(local_rows)

# Notes written after reading timelines (the Kubernetes change behind a difference, flaky evidence).
notes=${NOTES:-clusters/local/report-notes.tsv}
notes_arg=""
[ -f "$notes" ] && notes_arg="--notes $notes"
# Figures measured outside these runs (repeat runs, a killed run), shown with the run's own figures.
measurements=${MEASUREMENTS:-clusters/local/report-measurements.tsv}
[ -f "$measurements" ] && notes_arg="$notes_arg --measurements $measurements"
echo "== merging ${#inputs[@]} runs into $out" >&2
mvn -B -q compile exec:java -Dexec.mainClass=io.sidecarconformance.report.MergeReports \
    -Dexec.args="--out $out ${expects[*]} $notes_arg ${inputs[*]}"
# each run stops its own cluster; this catches one a killed run left
for v in $versions; do bash clusters/local/cluster.sh down "$v" >&2 || true; done
echo "$out/compatibility.html"
