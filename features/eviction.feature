@fault-eviction
Feature: The pod is evicted through the Eviction API while main works
  A node drain, a spot reclaim or a cluster autoscaler does not delete a pod: it evicts it, POSTing an Eviction
  (policy/v1) to the pod's eviction subresource, and the API server deletes the pod with the Eviction's grace period
  unless a disruption budget forbids it. ARC runners left stuck after a node drain (actions/actions-runner-controller#4148,
  #4197) ask whether an evicted pod ends, and its Job, as a deleted one does. Here the suite evicts the pod with
  gracePeriodSeconds -Dfault.graceSeconds (15 s) at the moment sigterm deletes it (main's Working line), with the
  same spec (grace period, main working 120 s), so each cell compares with sigterm's row for row: TERM order (the
  order in which containers said they got SIGTERM, each sidecar's relative to main's exit), termination time and Job
  outcome. The eviction is one request through fabric8's PodResource.evict(Eviction) on a client that does not resend
  a 429 (kubectl drain would ask again every 5 s): the cell records the API's first answer. No disruption budget
  selects the pod here; eviction-pdb adds one.
  Seen on 2026-12-06 and 07 (reports/2026-12-06-user-scenarios, N = 3, every local column 1.27-1.37, 1.33.5, 1.35.3): every row ended as its
  sigterm twin did (FAILED_BY_FAULT: the eviction is aimed at main), with the same TERM sequence; main's SIGTERM came a
  median 0.05-0.8 s later than after a deletion (the API's own work between the eviction and the deletion it makes).
  On 1.27 and on 1.28 without the gate the native rows are REJECTED or DROPPED under both faults alike.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: the eviction's grace period is -Dfault.graceSeconds (15 s); a pod not gone the grace period plus
  -Dstuck.windowSeconds (30 s) after it is STUCK.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under eviction
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "eviction" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | native    | light   | exec        |
      | classic   | light   | exec        |
      | done-file | light   | exec        |
      | pidfile   | light   | exec        |
      | native    | light   | exec+probe  |
      | ephemeral | light   | exec        |

    @light @shell-form
    Examples: light sidecar, shell-form entrypoint
      | pattern   | sidecar | variant     |
      | native    | light   | shell       |
      | classic   | light   | shell       |
      | native    | light   | shell+probe |

    @dind
    Examples: dind sidecar
      | pattern   | sidecar | variant     |
      | classic   | dind    | exec        |
      | done-file | dind    | exec        |
      | pidfile   | dind    | exec        |
      | native    | dind    | exec        |
      | native    | dind    | exec+probe  |
      | ephemeral | dind    | exec        |
