#!/usr/bin/env bash
# Self-test of a running local cluster: one Job with a NATIVE sidecar (init
# container with restartPolicy: Always) and one with a CLASSIC sidecar (second
# regular container). Prints one line per Job with what was really observed.
#   selftest.sh <id> [timeout-seconds=90]
# stdout: the two result lines; progress on stderr; exit 0 if both observations
# could be made (whatever the outcome), non-zero if the cluster is unusable.
set -Eeuo pipefail
trap 'echo "selftest.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ID="${1:?usage: selftest.sh <id> [timeout-seconds]}"
TIMEOUT="${2:-90}"
KUBECTL="${KUBECTL:-kubectl}"
command -v "$KUBECTL" >/dev/null || { echo "selftest.sh: kubectl not found; install it or set KUBECTL=/path/to/kubectl" >&2; exit 1; }
KC="$("$HERE/cluster.sh" kubeconfig "$ID")"
[ -f "$KC" ] || { echo "selftest.sh: cluster $ID is not up (no $KC); run: clusters/local/cluster.sh up $ID" >&2; exit 1; }
BUSYBOX="$(sed -n 's/^busybox=//p' "$HERE/images.properties")"
k() { "$KUBECTL" --kubeconfig "$KC" "$@"; }
NS="sc-selftest-$$"
cleanup() { k delete namespace "$NS" --wait=true --timeout=60s >/dev/null 2>&1 || true; }
trap cleanup EXIT
k create namespace "$NS" >/dev/null
# the namespace's default service account must exist before pods can be created
for _ in $(seq 1 100); do k -n "$NS" get serviceaccount default >/dev/null 2>&1 && break; sleep 0.2; done

job() { # name native|classic
  local sidecar="      - name: sidecar
        image: $BUSYBOX
        imagePullPolicy: Never
        command: [\"sh\", \"-c\", \"while true; do sleep 1; done\"]"
  cat <<YAML
apiVersion: batch/v1
kind: Job
metadata:
  name: $1
spec:
  backoffLimit: 0
  template:
    metadata:
      labels:
        selftest: $1
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 2
YAML
  if [ "$2" = native ]; then
    printf '      initContainers:\n%s\n        restartPolicy: Always\n' "$sidecar"
    printf '      containers:\n'
  else
    printf '      containers:\n%s\n' "$sidecar"
  fi
  cat <<YAML
      - name: main
        image: $BUSYBOX
        imagePullPolicy: Never
        command: ["sh", "-c", "sleep 3; exit 0"]
YAML
}
# --validate=false: on clusters that do not know the field, see what the API does with it
job native-sidecar native | k -n "$NS" apply --validate=false -f - >/dev/null
job classic-sidecar classic | k -n "$NS" apply --validate=false -f - >/dev/null
echo "selftest $ID: jobs created in namespace $NS, observing up to ${TIMEOUT}s" >&2

START=$SECONDS
declare -A DONE_AT=()
observe() { # job -> json {job, pod}
  local j p
  j="$(k -n "$NS" get job "$1" -o json)"
  p="$(k -n "$NS" get pods -l "selftest=$1" -o json | jq '.items[0] // {}')"
  jq -cn --argjson j "$j" --argjson p "$p" '{job: $j, pod: $p}'
}
finished() { # json -> 0 when the job has a final condition, or main terminated >10s ago
  jq -e '(.job.status.conditions // []) | map(select(.status == "True" and (.type == "Complete" or .type == "Failed"))) | length > 0' <<<"$1" >/dev/null && return 0
  jq -e '[.pod.status.containerStatuses[]? | select(.name == "main" and .state.terminated != null)] | length > 0' <<<"$1" >/dev/null || return 1
  [ -n "${DONE_AT[$2]:-}" ] || DONE_AT[$2]=$SECONDS
  [ $((SECONDS - DONE_AT[$2])) -ge 10 ]
}
declare -A RES=() RES_T=()
while :; do
  all=1
  for j in native-sidecar classic-sidecar; do
    [ -n "${RES[$j]:-}" ] && continue
    o="$(observe "$j")"
    if finished "$o" "$j"; then RES[$j]="$o"; RES_T[$j]="$((SECONDS - START))s"; else all=0; fi
    [ $((SECONDS - START)) -lt "$TIMEOUT" ] || { RES[$j]="$o"; RES_T[$j]="timeout(${TIMEOUT}s)"; }
  done 2>/dev/null || true
  [ "$all" = 1 ] && break
  [ $((SECONDS - START)) -lt "$TIMEOUT" ] || break
  sleep 1
done

describe() { # name json elapsed
  jq -r --arg name "$1" --arg el "$3" --arg id "$ID" '
    def st: if .state.running then "running"
            elif .state.terminated then "terminated(exit=\(.state.terminated.exitCode),reason=\(.state.terminated.reason // "-"))"
            elif .state.waiting then "waiting(\(.state.waiting.reason // "-"))" else "unknown" end;
    def cs($l): [ .pod.status[$l][]? | "\(.name)=\(st),restarts=\(.restartCount)" ] | join(";");
    (.pod.spec.initContainers // []) as $ic
    | "\($id) \($name):"
      + " apiKeptInitRestartPolicy=" + (if ($ic | length) == 0 then "n/a(no-init-container)"
                                        else ([$ic[] | .restartPolicy // "absent"] | join(",")) end)
      + " podPhase=" + (.pod.status.phase // "none")
      + " jobConditions=" + ([(.job.status.conditions // [])[] | select(.status == "True") | .type] | if length == 0 then "none" else join(",") end)
      + " succeeded=\(.job.status.succeeded // 0) failed=\(.job.status.failed // 0) active=\(.job.status.active // 0)"
      + " init=[" + cs("initContainerStatuses") + "]"
      + " containers=[" + cs("containerStatuses") + "]"
      + " observedAfter=\($el)"' <<<"$2"
}
for j in native-sidecar classic-sidecar; do
  [ -n "${RES[$j]:-}" ] || { RES[$j]="$(observe "$j")"; RES_T[$j]="timeout(${TIMEOUT}s)"; }
  describe "$j" "${RES[$j]}" "${RES_T[$j]:-?}"
done
