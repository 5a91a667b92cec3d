@fault-sidecar-early-crash @k8s-changes
Feature: The sidecar's first start crashes before its startupProbe ever ran; the restart works
  Does main start once a native sidecar that died before its first probe comes back and passes its probe, and how long
  after the restart? kubernetes/kubernetes#132826: a restartable init container that exits before its startupProbe
  has run once never lets the pod's main containers start. Fixed by #133072 (1.35), backported to 1.34 (#134800)
  and 1.33 (#134801); the 1.32 cherry-pick (#134802) was closed unmerged.
  The sidecar's first instance exits 1 two seconds after it starts, before its service listens; a marker on the
  shared emptyDir makes every later instance work. With +probe the startupProbe's first check is put off to five
  seconds after a start (initialDelaySeconds), after that exit. Without a probe the sidecar counts as started at
  once, and main waits for the service itself: the contrast row.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell, each a property named in the report: the light sidecar's service listens
  -Dsidecar.lightStartupSeconds (default 3 s) after it starts, as a small real service needs a moment to listen;
  main waits up to -Dmain.waitSeconds (default 60 s) for it, and every readiness check (main's and the startupProbe's)
  counts a service that has not answered within -Dclient.checkTimeoutSeconds (default 1 s) as not ready.
  Main is a strict client (a failed use ends it with exit 4, like a CI step calling docker) unless the variant
  ends in +tolerant: then it retries a failed use every second for -Dclient.retrySeconds (default 30 s).
  Bounds: main waits up to -Dmain.waitSeconds (60 s); a main that has not started -Dstuck.windowSeconds (30 s) after
  the sidecar said Ready ends the scenario as STUCK; the figure "main began after the sidecar's second instance began"
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
