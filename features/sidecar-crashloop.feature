@fault-sidecar-crashloop @k8s-changes
Feature: A Job that tolerates failures, whose native sidecar crashes again and again while main works
  Does the Job count a native sidecar's restarts against its backoffLimit, failing a Job whose main succeeds?
  With restartPolicy OnFailure the Job controller counts the restarts of the pod's containers against backoffLimit;
  kubernetes/kubernetes#124952 (1.32) concerns how it counts those of native sidecars. The Job controller's
  pastBackoffLimitOnFailure in 1.29.15, 1.31.4 and 1.34.10 alike sums the restartCount of init containers (native
  sidecars included) with the regular ones', so a difference would show only on a version that changed that.
  The Job's pods restart OnFailure with backoffLimit 2; the sidecar crashes three times (exit 1) while main works,
  each a second after it is up once main works, then serves on; main works 55 s, longer than the
  kubelet's restart back-off after three crashes (about 10 s then 20 s), and then uses the sidecar again. The
  timeline records the Job's failed count each time it changes ("failed=N") and its conditions.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: main's 55 s of work; a Job failed by its controller ends the pod (it is deleted), so the scenario ends then.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-crashloop
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-crashloop" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |
