@fault-delete-during-init @k8s-changes
Feature: The pod is deleted while a native sidecar is still starting and the next is not created
  Is a pod deleted during its initialisation gone soon, every running sidecar getting SIGTERM, or does it hang?
  kubernetes/kubernetes#125880: a pod deleted while a restartable init container had not been created yet (the one
  before it failing its startupProbe) sent no SIGTERM to the running sidecars, and hung until its grace period ran
  out. Fixed by #125935 (1.31), backported to 1.30 (#126331, v1.30.4) and to 1.29 (#126332, v1.29.8): v1.29.15's
  pkg/kubelet/kuberuntime/kuberuntime_termination_order.go pre-closes the channel of an init container that is not
  running, v1.29.0's does not. 1.28 (gate on) has no termination ordering at all: every container gets SIGTERM at
  once, so it cannot hang this way. The node e2e test "should terminate restartable init containers gracefully if
  there is a non-started restartable init container", added by #125935 (and in its 1.30 and 1.29 backports), covers
  the case; the older "should not hang in termination if terminated during initialization" (since 1.29.0) covers a
  pod deleted while a regular init container still runs, before any sidecar has started. Our 1.29 and 1.30 columns
  (v1.29.15, v1.30.14) already carry the backports, so no column shows the hang; that would take a local patch
  column at v1.29.7 or v1.30.3.
  The last sidecar but one holds its service back for 240 s, so its startupProbe (+probe) keeps it from starting,
  and the last sidecar and main are never created; the pod is deleted with a grace period as soon as the held-back
  sidecar says it is delaying. In native-multi, sidecar is up, sidecar-2 is held back, sidecar-3 never created; in
  native the only sidecar is the one held back. Rows are +probe only: without a probe a sidecar counts as started as
  soon as it runs, and the chain would go on. A hang shows as a deletion that took the whole grace period (the
  `slow` finding) with sidecars killed without a SIGTERM line, or, if the pod never goes, as STUCK.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
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
