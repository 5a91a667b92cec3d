@fault-delete-during-init @k8s-changes
Feature: The pod is deleted while its last native sidecar is still starting
  Is a pod deleted during its initialisation gone within its grace period, or does it hang in Terminating?
  kubernetes/kubernetes#125935: a pod deleted while a later restartable init container had not started (an earlier
  one running) stayed Terminating; fixed for 1.31. The node e2e test "should not hang in termination if terminated
  during initialization" (kubernetes/kubernetes#135008) covers it.
  The last sidecar to start holds its service back for 240 s, so its startupProbe (+probe) keeps it, and main, from
  starting; the pod is deleted with a grace period as soon as that sidecar says it is delaying. In native-multi the
  two earlier sidecars are up by then; in native the only sidecar is the one still starting. Rows are +probe only:
  without a probe a sidecar counts as started as soon as it runs and main would be running at the deletion.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell, each a property named in the report: the light sidecar's service listens
  -Dsidecar.lightStartupSeconds (default 3 s) after it starts, as a small real service needs a moment to listen;
  main waits up to -Dmain.waitSeconds (default 60 s) for it, and every readiness check (main's and the startupProbe's)
  counts a service that has not answered within -Dclient.checkTimeoutSeconds (default 1 s) as not ready.
  Main is a strict client (a failed use ends it with exit 4, like a CI step calling docker) unless the variant
  ends in +tolerant: then it retries a failed use every second for -Dclient.retrySeconds (default 30 s).
  Bounds: the grace period is -Dfault.graceSeconds (15 s); a pod not gone the grace period plus
  -Dstuck.windowSeconds (30 s) after the deletion is STUCK.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under delete-during-init
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "delete-during-init" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar, one sidecar
      | pattern      | sidecar | variant     |
      | native       | light   | exec+probe  |

    @light @multi-sidecar
    Examples: light sidecar, three native sidecars
      | pattern      | sidecar | variant     |
      | native-multi | light   | exec+probe  |
