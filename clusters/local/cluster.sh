#!/usr/bin/env bash
# Local single-node Kubernetes built from Kubernetes' own Go modules, run as
# plain processes on this machine only (no container registry, no internet needed).
# Each id runs as its own instance (slot): several versions side by side, none touching another.
#
#   cluster.sh build <id>     build binaries + images for <id> (cached)
#   cluster.sh up <id>        build if needed, start <id>'s instance, wait for Ready; stdout: kubeconfig path
#   cluster.sh down [<id>]    stop <id>'s instance (no id: every instance), unmount, remove its network and rules
#   cluster.sh list           one line per instance here: slot, id, state, API, node address, kubeconfig
#   cluster.sh status [<id>]  what runs in <id>'s instance (no id: the list)
#   cluster.sh kubeconfig <id> print the kubeconfig path of <id>'s instance
#   cluster.sh cpu-sources <id> where <id>'s CPU is read: pid files, the shims' socket, the pods' cgroup (kind name value)
#   cluster.sh restart-kubelet <id>  stop and start <id>'s kubelet (a node fault; pods keep
#                             running); stdout: when it stopped, started and answered /healthz again
#   SC_LOCAL_SLOT=<n> cluster.sh ...  that slot (1-60) instead of the id's own: one version twice at once
#   SC_LOCAL_OWNER=<pid> cluster.sh up|down <id>  the run (pid) that holds the instance: no other up tears it down
#
# Progress goes to stderr; errors are one line on stderr with a non-zero exit.
# One file per job in lib/: instance (what each instance owns), versions (the table), build, images, pki,
# network, runtime (containerd/kubelet configs), procs (supervision, up/down/status/list).
set -Eeuo pipefail

# shellcheck source=lib/constants.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/constants.sh"

T0=$SECONDS
CMD="${1:-}"
dbg() { if [ "${SC_DEBUG:-0}" = 1 ]; then printf '[cluster.sh %s %s] %s\n' "$CMD" "$(date +%T.%N | cut -c1-12)" "$*" >&2; fi; }
log() { printf '[cluster.sh %s %4ds] %s\n' "$CMD" $((SECONDS - T0)) "$*" >&2; }
die() { printf 'cluster.sh %s: %s\n' "$CMD" "$*" >&2; exit 1; }

usage() {
  sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# shellcheck source=lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=lib/instance.sh
. "$HERE/lib/instance.sh"
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
  local cur s
  case "$CMD" in
    build) check_id "${2:-}"; build_all "$2"; log "build of $2 complete" ;;
    prefetch) check_id "${2:-}"; PREFETCH_ONLY=1 build_k8s "$(k8s_version_of "$2")" ;;  # modules only
    images) need_deps; mkdir -p "$SC_CACHE/tmp"; build_images "" ;;  # busybox, dind and proxy only (no k8s version)
    up) check_id "${2:-}"; use_instance "$2"; do_up "$2" ;;
    down)
      if [ -z "${2:-}" ]; then
        do_down_all || die "some processes could not be stopped; see: cluster.sh list"
        exit 0
      fi
      check_id "$2"; use_instance "$2"; instance_lock
      cur="$(cat "$RUN/current" 2>/dev/null || true)"
      if [ -n "$cur" ] && [ "$cur" != "$2" ]; then
        log "slot $SLOT runs cluster $cur, not $2: left as it is (SC_LOCAL_SLOT=$SLOT cluster.sh down $cur stops it)"
        exit 0
      fi
      s=""
      [ -z "${SC_LOCAL_OWNER:-}" ] || s="$(owner_other_live)"
      if [ -n "$s" ]; then
        log "slot $SLOT runs $2 for another run that is still going (pid $s): left running (without SC_LOCAL_OWNER, down stops it)"
        exit 0
      fi
      do_down 0 || die "some processes could not be stopped; see: cluster.sh status $2" ;;
    list) do_list ;;
    status)
      if [ -z "${2:-}" ]; then do_list; else check_id "$2"; use_instance "$2"; do_status; fi ;;
    pids) # every process of <id>'s instance (control plane, containerd, shims, pod processes); no id: of all
      if [ -n "${2:-}" ]; then check_id "$2"; use_instance "$2"; instance_pids
      else for s in $(known_slots); do use_slot "$s"; instance_pids; done | sort -un; fi ;;
    kubeconfig) check_id "${2:-}"; use_instance "$2"; printf '%s\n' "$RUN/kubeconfig" ;;
    cpu-sources) check_id "${2:-}"; use_instance "$2"; cpu_sources ;;
    restart-kubelet)
      check_id "${2:-}"; use_instance "$2"; instance_lock
      do_restart_kubelet "$2" ;;
    *) usage ;;
  esac
}

main "$@"; exit $?

