@restart-all-containers @k8s-changes
Feature: Exit code 137 of main or of its native sidecar restarts the whole pod in place
  Does a pod whose main or sidecar exits 137 start over in place (sidecar first, then main) and complete the Job, with
  the Job's pods on restartPolicy Never? KEP-5532 (kubernetes/enhancements#5532, Restart Pod on Container Exits;
  alpha in 1.35 behind the RestartAllContainersOnContainerExits gate, off by default; beta and on by default from 1.36;
  it builds on KEP-5307's ContainerRestartRules, beta from 1.35) adds the action RestartAllContainers: here main
  (restartPolicy Never) and the native sidecar (restartPolicy Always) each have one rule, action RestartAllContainers
  on exit codes In [137]. With ContainerRestartRules on and the second gate off the API refuses that action, and a
  rule on a sidecar; with ContainerRestartRules off (1.34) it drops the rules; before 1.34 it forbids main's
  restartPolicy (1.28 to 1.33) or does not know it (1.27). The kubelet keeps the pod's sandbox and volumes across
  the restart, so the faults' once-only markers on the emptyDir hold.
  The faults are the grid's own: sidecar-oom (with a retrying client only, as in sidecar-oom.feature; the sidecar exceeds its memory limit when main's second use, a busy spell of calls
  0.1 s apart, begins, so the kill meets a call in flight; once only: PID 1
  is OOM-killed, exit 137), main-oom (main's workload is OOM-killed once and main's script exits 137),
  sigkill-main (main works 120 s and is SIGKILLed once); none is the baseline.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did: whether the API kept the
  rules (a version that does not know them, or has the gate off, drops them: DROPPED; one that forbids a regular
  container's restartPolicy or the action refuses the spec: REJECTED), and then what the pod did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: the grid's own per fault (main works 3 s, or 120 s under sigkill-main, after each start, so a restarted
  pod ends about 130 s after the first start); the scenario's deadline (-Dscenario.timeoutSeconds, 300 s) bounds a pod
  that restarts again and again.

  @fault-none
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under none
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "none" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | native-restart-all | light   | exec          |

  @fault-sidecar-oom
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @tolerant
    Examples: light sidecar, tolerant client
      | pattern            | sidecar | variant       |
      | native-restart-all | light   | exec+tolerant |

  @fault-main-oom
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under main-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "main-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | native-restart-all | light   | exec          |

  @fault-sigkill-main
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sigkill-main
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sigkill-main" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | native-restart-all | light   | exec          |
