@restart-rules @k8s-changes
Feature: A classic sidecar and its main that restart themselves in place on exit code 137, in a pod that never restarts
  Can a regular-container sidecar come back after an OOM kill, and main after a kill, while the Job's pods keep
  restartPolicy Never? KEP-5307 (kubernetes/enhancements#5307, Container Restart Rules; alpha in 1.34 behind the
  ContainerRestartRules gate, off by default; beta and on by default from 1.35) lets a regular container set its own
  restartPolicy and restartPolicyRules: here each of the two containers of the done-file pattern has restartPolicy
  Never and one rule, action Restart on exit codes In [137] (what a kernel OOM kill and a SIGKILL leave, and what
  main's script returns when its OOM-killed workload does). Before 1.34 the API forbids restartPolicy on a regular
  container (1.28 to 1.33) or does not know it (1.27).
  The shutdown protocol is done-file's: main touches the done file when its script exits (not when it is killed), and
  the sidecar stops once it sees the file; it checks every 1 s (fixed; real ones check every 2 to 5 s). Under main-oom
  main's script exits 137 (its trap writes the done file) and the rule restarts it in place: whether the restarted main
  still finds the sidecar answering is a race between that check and the kubelet's restart, so the way the Job fails
  (main exit 3, the sidecar gone before main's first check, or exit 4, gone before its second use) is decided by the
  check's timing, not by Kubernetes; the outcome (FAILED: main was restarted, the done-file protocol then failed it)
  is the same either way. That is a cgroup v1 node, where the kernel kills main's workload alone. On a cgroup v2 node
  (memory.oom.group=1) it kills main's shell with it: no trap, no done file, the sidecar serves on, and the restarted
  main completes: SUCCEEDED on local-v2:1.35 in 3 of 3 runs, FAILED on local:1.35 (reports/2026-12-06-cgroup-v2).
  The faults are the grid's own: sidecar-oom (with a retrying client only, as in sidecar-oom.feature; once only, a marker on the
  emptyDir), main-oom (main's workload is OOM-killed once, a marker on the emptyDir, and main's script exits 137),
  sigkill-main (main works 120 s and is SIGKILLed once).
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did: whether the API kept the
  rules (a version that does not know them, or has the gate off, drops them: DROPPED; one that forbids a regular
  container's restartPolicy or the action refuses the spec: REJECTED), and then what the pod did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: the grid's own per fault (main works 3 s, or 120 s under sigkill-main, after each start); a container the
  rules leave down ends the scenario through the stuck window (-Dstuck.windowSeconds, 30 s) or main's wait (60 s).

  @fault-none
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under none
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "none" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | done-file-rules    | light   | exec          |

  @fault-sidecar-oom
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @tolerant
    Examples: light sidecar, tolerant client
      | pattern            | sidecar | variant       |
      | done-file-rules    | light   | exec+tolerant |

  @fault-main-oom
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under main-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "main-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | done-file-rules    | light   | exec          |

  @fault-sigkill-main
  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sigkill-main
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sigkill-main" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern            | sidecar | variant       |
      | done-file-rules    | light   | exec          |
