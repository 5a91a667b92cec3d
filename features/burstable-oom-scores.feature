@fault-burstable-oom-scores @k8s-changes
Feature: A Burstable pod whose main asks for far more memory than its sidecar: which OOM scores do they get?
  Would the OOM killer take the sidecar before main? For a Burstable container the kubelet derives oom_score_adj from
  the container's own memory request (1000 - 1000 x request / node memory, clamped to 2..999): a sidecar asking for
  little gets a higher score than main and dies first. kubernetes/kubernetes#128029 (1.32) gives a native sidecar a
  score no higher than main's. Nothing fails here: the outcome is the baseline's, the answer is the figure
  "oom_score_adj" per container (each writes the value of its first process in an OomScoreAdj line).
  The score picks a process; what dies with it is the node's policy: on cgroup v1 that process alone, on cgroup v2
  (memory.oom.group=1 on every container, kubernetes/kubernetes#117793, in 1.28) its whole container, unless the
  kubelet runs with singleProcessOOMKill: true (kubernetes/kubernetes#126096, in 1.32).
  Main asks for 2Gi (limit 3Gi), the sidecar for 64Mi (limit 1Gi); classic is the contrast row (a regular container
  keeps its own score). On the local clusters containerd runs with restrict_oom_score_adj=true (the host lacks
  CAP_SYS_RESOURCE): a score below containerd's own (0 here) is raised to it. Burstable scores are positive, so these
  figures are the kubelet's own; Guaranteed (-997) or critical pods would all read 0 on these clusters.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: as the baseline (no fault): main works -Dmain.workSeconds and ends.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under burstable-oom-scores
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "burstable-oom-scores" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |
      | classic   | light   | exec        |
