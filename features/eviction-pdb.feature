@fault-eviction-pdb @k8s-changes
Feature: A disruption budget guards the pod; it is evicted through the Eviction API while main works
  The same eviction as the eviction feature (policy/v1, gracePeriodSeconds -Dfault.graceSeconds, at main's Working
  line, one request), after the suite has created a PodDisruptionBudget of maxUnavailable 0 selecting the pod (by its
  job-name label) and given the disruption controller up to 30 s to write the budget's status. A drain meets such a
  budget on runner pods (actions/actions-runner-controller#4148, #4197). The API server's eviction REST
  (pkg/registry/core/pod/storage/eviction.go) refuses with 429 Too Many Requests while the budget allows no
  disruption, and also while the controller has not yet observed the budget's generation; the disruption controller
  (pkg/controller/disruption) computes a maxUnavailable budget from the scale of the pod's controller, and a Job has
  no scale subresource, so from the source we expect its status to stay at 0 allowed with a SyncFailed condition. The
  cell records what the API answered and the budget's status as the controller wrote it (the `refused` finding), never
  an ERROR: a refused eviction deletes nothing, and the pod runs on to its own end (main works 120 s), so the outcome
  is the Job's without the fault. Where the API carries the eviction out, the cell reads as the eviction row's.
  Seen on 2026-12-06 and 07 (reports/2026-12-06-user-scenarios, N = 3, every local column 1.27-1.37, 1.33.5, 1.35.3): as the source says, the
  budget's status stayed at disruptionsAllowed 0 with DisruptionAllowed False (SyncFailed: "jobs.batch does not
  implement the scale subresource"), the API answered 429 every time and deleted nothing; native rows then SUCCEEDED,
  classic rows were STUCK (their sidecar never ends, as under none). On 1.27 and on 1.28 without the gate the native rows are REJECTED (their
  startupProbe).
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: the budget's status is awaited 30 s at most (fixed); -Dscenario.timeoutSeconds (300 s) bounds the run.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under eviction-pdb
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "eviction-pdb" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |
      | classic   | light   | exec        |

    @dind
    Examples: dind sidecar
      | pattern   | sidecar | variant     |
      | native    | dind    | exec+probe  |
      | classic   | dind    | exec        |
