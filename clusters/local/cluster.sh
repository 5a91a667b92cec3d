#!/usr/bin/env bash
# Local single-node Kubernetes built from Kubernetes' own Go modules, run as
# plain processes on this machine only (no container registry, no internet needed).
#
#   cluster.sh build <id>     build binaries + images for <id> (cached)
#   cluster.sh up <id>        build if needed, start, wait for Ready; stdout: kubeconfig path
#   cluster.sh down [<id>]    stop everything, unmount, remove network devices/rules
#   cluster.sh status         print what is running (stdout)
#   cluster.sh kubeconfig <id> print the kubeconfig path of <id>
#   cluster.sh restart-kubelet <id>  stop and start the running cluster's kubelet (a node fault; pods keep
#                             running); stdout: when it stopped, started and answered /healthz again
#
# Progress goes to stderr; errors are one line on stderr with a non-zero exit.
# One file per job in lib/: versions (the table), build, images, pki, network,
# runtime (containerd/kubelet configs), procs (supervision, up/down/status).
set -Eeuo pipefail

# shellcheck source=lib/constants.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/constants.sh"

T0=$SECONDS
CMD="${1:-}"
dbg() { if [ "${SC_DEBUG:-0}" = 1 ]; then printf '[cluster.sh %s %s] %s\n' "$CMD" "$(date +%T.%N | cut -c1-12)" "$*" >&2; fi; }
log() { printf '[cluster.sh %s %4ds] %s\n' "$CMD" $((SECONDS - T0)) "$*" >&2; }
die() { printf 'cluster.sh %s: %s\n' "$CMD" "$*" >&2; exit 1; }

usage() {
  sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# shellcheck source=lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=lib/build.sh
. "$HERE/lib/build.sh"
# shellcheck source=lib/images.sh
. "$HERE/lib/images.sh"
# shellcheck source=lib/pki.sh
. "$HERE/lib/pki.sh"
# shellcheck source=lib/network.sh
. "$HERE/lib/network.sh"
# shellcheck source=lib/runtime.sh
. "$HERE/lib/runtime.sh"
# shellcheck source=lib/procs.sh
. "$HERE/lib/procs.sh"

# ---------------------------------------------------------------- main
# (everything is in functions and the last line runs main: editing this file
# while it runs cannot make bash read a half-changed script)
main() {
  LOGS="$RUN/logs"
  case "$CMD" in
    build) check_id "${2:-}"; build_all "$2"; log "build of $2 complete" ;;
    prefetch) check_id "${2:-}"; PREFETCH_ONLY=1 build_k8s "$(k8s_version_of "$2")" ;;  # modules only
    images) need_deps; mkdir -p "$SC_CACHE/tmp"; build_images "" ;;  # busybox + dind only (no k8s version)
    up) check_id "${2:-}"; do_up "$2" ;;
    down)
      [ -z "${2:-}" ] || check_id "$2"
      mkdir -p "$RUN"; exec 9>"$SC_CACHE/cluster.lock"; flock -w 300 9 || die "another cluster.sh up/down is running"
      cur="$(cat "$RUN/current" 2>/dev/null || true)"
      if [ -n "${2:-}" ] && [ -n "$cur" ] && [ "$cur" != "$2" ]; then
        log "cluster $cur is running, not $2: left as it is (cluster.sh down without an id stops any)"
        exit 0
      fi
      do_down 0 || die "some processes could not be stopped; see: cluster.sh status" ;;
    status) do_status ;;
    pids) # every process of the local cluster (control plane, containerd, shims, pod processes)
      { for p in etcd kube-apiserver kube-controller-manager kube-scheduler containerd kubelet; do
          if alive "$p"; then cat "$(pidfile "$p")"; fi; done; stray_pids; pod_pids; } | sort -un ;;
    kubeconfig) check_id "${2:-}"; printf '%s\n' "$RUN/$2/kubeconfig" ;;
    restart-kubelet)
      check_id "${2:-}"
      mkdir -p "$RUN"; exec 9>"$SC_CACHE/cluster.lock"; flock -w 300 9 || die "another cluster.sh up/down is running"
      do_restart_kubelet "$2" ;;
    *) usage ;;
  esac
}

main "$@"; exit $?

