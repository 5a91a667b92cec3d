@restart-rules @k8s-changes
Feature: Main restarts itself in place on exit code 137 beside a native sidecar, in a pod that never restarts
  Does a main killed while it works (OOM or SIGKILL) run again beside its native sidecar and complete the Job, with the
  Job's pods on restartPolicy Never? KEP-5307 (kubernetes/enhancements#5307, Container Restart Rules; alpha in 1.34
  behind the ContainerRestartRules gate, off by default; beta and on by default from 1.35) lets a regular container
  set its own restartPolicy and restartPolicyRules: here main has restartPolicy Never and one rule, action Restart on
  exit codes In [137] (what a SIGKILL leaves, and what main's script returns when its OOM-killed workload does). The
  native sidecar is KEP-753's (restartPolicy Always). Before 1.34 the API forbids restartPolicy on a regular container
  (1.28 to 1.33) or does not know it (1.27).
  The faults are the grid's own: main-oom (main's workload is OOM-killed once, a marker on the emptyDir, and main's
  script exits 137), sigkill-main (main works 120 s and is SIGKILLed once); none is the baseline.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did: whether the API kept the
  rules (a version that does not know them, or has the gate off, drops them: DROPPED; one that forbids a regular
  container's restartPolicy or the action refuses the spec: REJECTED), and then what the pod did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: the grid's own per fault (main works 3 s, or 120 s under sigkill-main, after each start, so a restarted
  main ends about 130 s after the first start); the scenario's deadline (-Dscenario.timeoutSeconds, 300 s) bounds a
  main that restarts again and again.

  @fault-none
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under none
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "none" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | native-rules       | light   | exec          |

  @fault-main-oom
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under main-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "main-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | native-rules       | light   | exec          |

  @fault-sigkill-main
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sigkill-main
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sigkill-main" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | native-rules       | light   | exec          |
