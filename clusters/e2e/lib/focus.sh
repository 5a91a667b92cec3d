# shellcheck shell=bash
# clusters/e2e/lib/focus.sh: the fixed, named selections of upstream tests, and what is skipped and why.
# Sourced by e2e.sh.
#
# quick: every non-[Slow] test of
#   InitContainer                                 test/e2e/common/node/init_container.go
#   Container Lifecycle Hook                      test/e2e/common/node/lifecycle_hook.go
#   Restartable Init Container Lifecycle Hook     (sidecars: restartPolicy Always init containers)
#   ... lifecycle hook using sleep action         (the sleep action, 1.29+)
#   Pods Extended                                 test/e2e/node/pods.go
#   PreStop                                       test/e2e/node/pre_stop.go
#   Container Runtime blackbox test               test/e2e/common/node/runtime.go
# full: quick, its [Slow] tests, and
#   Probing container                             test/e2e/common/node/container_probe.go
#   Probing restartable init container            (sidecar probes)

QUICK_FOCUS='InitContainer|Container Lifecycle Hook|lifecycle hook using sleep action|Pods Extended|PreStop|Container Runtime blackbox test'
FULL_FOCUS="$QUICK_FOCUS|Probing container|Probing restartable init container"

# Skipped, each with its reason (regex<TAB>reason); read by skip_of and written beside the JUnit XML.
SKIPS="$(cat <<'TSV'
\[Serial\]|\[Disruptive\]	tests that need the whole cluster to themselves or break it: not part of either selection
\[Flaky\]	marked flaky upstream
\[Alpha\]|\[Feature:OffByDefault\]	feature gates that are off by default: our clusters pass no gate (except 1.28-sidecars)
when running a container with a new image	pulls from remote registries: our clusters pull nothing (every image is imported)
TSV
)"

focus_files() {
  printf '%s\n' common/node/init_container.go common/node/lifecycle_hook.go node/pods.go node/pre_stop.go \
    common/node/runtime.go common/node/container_probe.go
}

focus_of() { # quick|full
  if [ "$1" = quick ]; then printf '%s' "$QUICK_FOCUS"; else printf '%s' "$FULL_FOCUS"; fi
}

# Focused tests labelled [Feature:<gate>] whose gate is alpha (off by default) before a minor: "<gate> <minor it
# is on from>" (pkg/features: PodLifecycleSleepAction alpha in 1.29, beta and on in 1.30 (KEP-3960);
# PodLifecycleSleepActionAllowZero alpha in 1.32, beta and on in 1.33, GA in 1.34).
# Upstream's default jobs do not run them either.
GATED_FEATURES="PodLifecycleSleepAction 30
PodLifecycleSleepActionAllowZero 33"

# The skip reasons that apply to a run: the fixed ones, [Slow] for quick, the sidecar tests where the
# SidecarContainers gate is off (1.27, 1.28), and the GATED_FEATURES tests where their gate is off.
skips_of() { # quick|full [id]
  printf '%s\n' "$SKIPS"
  [ "$1" = quick ] && printf '%s\t%s\n' '\[Slow\]' 'slow tests: the full selection runs them'
  [ -n "${2:-}" ] || return 0
  local minor gate from
  minor="$(minor_of "$(k8s_version_of "$2")")"
  if [ "$minor" -lt 29 ] && [[ $(gates_of "$2") != *SidecarContainers=true* ]]; then
    printf '%s\t%s\n' 'SidecarContainers' 'the SidecarContainers gate is off on this version: restartable init containers do not exist'
  fi
  while read -r gate from; do
    if [ "$minor" -lt "$from" ] && [[ $(gates_of "$2") != *"$gate=true"* ]]; then
      printf '%s\t%s\n' "\\[Feature:$gate\\]" "the $gate gate is alpha (off) on this version, on by default from 1.$from: the API server refuses what the test creates"
    fi
  done <<<"$GATED_FEATURES"
  return 0
}

skip_of() { # quick|full [id]
  skips_of "$@" | cut -f1 | paste -sd'|'
}
