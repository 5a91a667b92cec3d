@fault-sidecar-early-crash @k8s-changes
Feature: The sidecar's first starts crash before its startupProbe ever passed; a later start works
  Does main start once a native sidecar that died before its first probe comes back and passes its probe, and how long
  after the restart? kubernetes/kubernetes#132826: in a pod with restartPolicy Never, a restartable init container
  that exits before its startupProbe has passed (its probe worker finds it terminated and ends) never lets the pod's
  main containers start. Fixed by #133072 (1.35), backported to 1.34 (#134800, v1.34.2) and 1.33 (#134801, v1.33.6);
  the 1.32 cherry-pick (#134802) was closed unmerged.
  The sidecar's first two instances exit 1 two seconds after they start, before their service listens (markers on the
  shared emptyDir make every later instance work); the second crash leaves it in the kubelet's restart back-off
  (10 s), so the startupProbe's worker finds it terminated, never having passed a check. With +probe the probe's
  first check is put off to five seconds after a start (initialDelaySeconds), after the first crash. Main declares a
  readinessProbe that always passes, as most services do: the issue's analysis shows that a probe worker for main is
  what keeps the kubelet from making the sidecar's ended startup-probe worker again; a first run of this scenario
  without it (one crash, no probe on main) had main start on 1.29, 1.31 and 1.34 alike. Without +probe the sidecar
  counts as started as soon as it runs, and main waits for the service itself: the contrast row.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: main waits up to -Dmain.waitSeconds (60 s); a main that has not started -Dstuck.windowSeconds (30 s) after
  the sidecar said Ready ends the scenario as STUCK; the figure "main began after the restarted sidecar it began beside"
  and the restart finding say whether and when main started.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-early-crash
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-early-crash" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |
      | native    | light   | exec        |
