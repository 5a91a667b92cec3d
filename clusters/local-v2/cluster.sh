#!/usr/bin/env bash
# The local cluster with a cgroup v2 node: the same Kubernetes, etcd, containerd, runc and images as
# clusters/local (its cached builds), with the node (containerd, runc, kubelet, pods) inside a User-Mode Linux
# guest that boots Debian with systemd and cgroup v2 (the kubelet's systemd cgroup driver). The control plane runs
# on this machine; the guest's only network is a tap device on a bridge this script makes and firewalls.
#
#   cluster.sh build <id>      build what clusters/local builds for <id> (cached) and the guest's disk image
#   cluster.sh up <id>         build if needed, start, wait for the node Ready; stdout: kubeconfig path
#   cluster.sh down [<id>]     stop the guest and the control plane, remove tap, bridge, rules and run files
#   cluster.sh status          print what is running (stdout)
#   cluster.sh kubeconfig <id> print the kubeconfig path of <id>
#   cluster.sh boot-check      boot the guest alone, print its boot facts (cgroup, controllers, seconds), halt it
#   cluster.sh guest <cmd...>  run a command inside the running guest as root (stdout/stderr: its output)
#   cluster.sh restart-kubelet <id>  stop and start the guest's kubelet (pods keep running); stdout: when it stopped,
#                              started and answered /healthz again
#
# Progress goes to stderr; errors are one line on stderr with a non-zero exit.
set -Eeuo pipefail

# shellcheck source=../local/lib/constants.sh
. "$(dirname "${BASH_SOURCE[0]}")/../local/lib/constants.sh"
# shellcheck source=lib/constants.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/constants.sh"

T0=$SECONDS
CMD="${1:-}"
log() { printf '[local-v2 %s %4ds] %s\n' "$CMD" $((SECONDS - T0)) "$*" >&2; }
die() { printf 'local-v2/cluster.sh %s: %s\n' "$CMD" "$*" >&2; exit 1; }
dbg() { if [ "${SC_DEBUG:-0}" = 1 ]; then log "$*"; fi; return 0; }

usage() {
  sed -n '7,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# clusters/local's version table, builds, image tarballs and certificate helpers, acting on this cluster's paths
# shellcheck source=../local/lib/versions.sh
. "$HERE/lib/versions.sh"
# shellcheck source=../local/lib/instance.sh
. "$HERE/lib/instance.sh"
# shellcheck source=../local/lib/build.sh
. "$HERE/lib/build.sh"
# shellcheck source=../local/lib/images.sh
. "$HERE/lib/images.sh"
# shellcheck source=../local/lib/pki.sh
. "$HERE/lib/pki.sh"
# shellcheck source=lib/rootfs.sh
. "$V2_HERE/lib/rootfs.sh"
# shellcheck source=lib/store.sh
. "$V2_HERE/lib/store.sh"
# shellcheck source=lib/guest.sh
. "$V2_HERE/lib/guest.sh"
# shellcheck source=lib/node.sh
. "$V2_HERE/lib/node.sh"
# shellcheck source=lib/procs.sh
. "$V2_HERE/lib/procs.sh"

need_v2_deps() {
  local t missing=()
  for t in "$UML_BIN" /usr/bin/uml_mconsole /usr/sbin/debootstrap /sbin/mkfs.ext4; do [ -x "$t" ] || missing+=("$t"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && [ "${SC_NO_INSTALL:-}" != 1 ]; then
    log "missing ${missing[*]}: running .ci/install-local-v2-deps.sh"
    bash "$REPO/.ci/install-local-v2-deps.sh" >&2 || die "installing dependencies failed; run: sudo bash .ci/install-local-v2-deps.sh"
  else
    die "missing ${missing[*]}; run: sudo bash .ci/install-local-v2-deps.sh"
  fi
}

v2_build() { # id
  check_v2_id "$1"
  need_v2_deps
  build_all "$1"    # clusters/local's builds: a no-op when its cache has them
  build_rootfs
  build_store "$1"
}

# rows whose runtime clusters/local builds (containerd 2.x, runc from the module proxy): Debian's containerd 1.6
# of the older rows is not in the guest image
check_v2_id() {
  check_id "${1:-}"
  [ "$(containerd_of "$1")" != debian ] || die "row $1 runs Debian's containerd 1.6, which the guest does not have; use a row with a containerd 2.x build (1.30 and later)"
}

main() {
  [ "$(id -u)" = 0 ] || die "needs root (tap device, bridge, firewall, UML guest)"
  case "$CMD" in
    build) v2_build "${2:-}"; log "build of $2 complete" ;;
    up)
      # the kubelet's settings are the row's (versions.tsv, kubelet column): an id of their own, never an environment
      [ -z "${SC_V2_SINGLE_PROCESS_OOM_KILL:-}" ] || die "SC_V2_SINGLE_PROCESS_OOM_KILL is gone: singleProcessOOMKill is a column of its own; run: cluster.sh up 1.35-single-oom (or 1.37-single-oom)"
      v2_build "${2:-}"; v2_up "$2" ;;
    down)
      [ -z "${2:-}" ] || check_id "$2"
      lock_clusters
      local cur; cur="$(cat "$RUN/current" 2>/dev/null || true)"
      if [ -n "${2:-}" ] && [ -n "$cur" ] && [ "$cur" != "$2" ]; then
        log "cluster $cur is running, not $2: left as it is (cluster.sh down without an id stops any)"
        exit 0
      fi
      v2_down 0 || die "some processes could not be stopped; see: cluster.sh status" ;;
    status) v2_status ;;
    kubeconfig) check_v2_id "${2:-}"; printf '%s\n' "$RUN/$2/kubeconfig" ;;
    boot-check) need_v2_deps; build_rootfs; do_boot_check ;;
    guest) shift; guest_exec "$@" ;;
    restart-kubelet) check_v2_id "${2:-}"; lock_clusters; v2_restart_kubelet "$2" ;;
    *) usage ;;
  esac
}

main "$@"; exit $?
