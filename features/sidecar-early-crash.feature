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
  Timings that shape every cell, each a property named in the report: the light sidecar's service listens
  -Dsidecar.lightStartupSeconds (default 3 s) after it starts, as a small real service needs a moment to listen;
  main waits up to -Dmain.waitSeconds (default 60 s) for it, and every readiness check (main's and the startupProbe's)
  counts a service that has not answered within -Dclient.checkTimeoutSeconds (default 1 s) as not ready.
  Main is a strict client (a failed use ends it with exit 4, like a CI step calling docker) unless the variant
  ends in +tolerant: then it retries a failed use every second for -Dclient.retrySeconds (default 30 s).
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
