@fault-sidecar-child-oom
Feature: A child process of the sidecar is OOM-killed mid-job: does the sidecar survive it, and the Job complete?
  In one sentence: while main keeps using its sidecar, a child of the sidecar's first process (one more process of the
  sidecar container, not its first) allocates far above the sidecar's memory limit, as a docker build's process does
  under dockerd in a dind sidecar, while the first process and its service (dockerd for dind, the HTTP server for light)
  keep running; which processes the kernel then kills is the node's policy, so one row's cells can differ by node.
  What each kind of node does with it:
    cgroup v1: the container's memory cgroup kills one process, the largest: the child. The sidecar's first process
      and its service run on, the sidecar writes "ChildEnded 137", and main's calls go on.
    cgroup v2: the kubelet sets memory.oom.group=1 on every container's cgroup (kubernetes/kubernetes#117793, in 1.28),
      so the kernel kills every process of the container together: the sidecar dies with its child (exit 137, no
      ChildEnded line), and the cell then asks what sidecar-oom asks (is it back within main's retry budget?).
    cgroup v2 with the kubelet's singleProcessOOMKill: true (kubernetes/kubernetes#126096, in 1.32): memory.oom.group
      stays 0 and the kernel kills one process, as on v1.
  actions/actions-runner-controller#4155: an OOM kill inside an ARC runner's container left its pod Running, the
  container ready with restartCount 0, a runner that never took a job again: one process died, not the container.
  sidecar-oom's sidecar allocates in its first process itself, which dies on every kind of node: this fault is the one
  whose cells show the node's policy.
  The fault acts once (a marker on the shared emptyDir), when main's second use, a busy spell of calls 0.1 s apart for
  up to 30 s (fixed, as sidecar-oom's), begins; the sizes are sidecar-oom's (the report's legend). A child that ends
  without being killed (exit 0) means the fault did not act: ERROR. Every row is a retrying (+tolerant) client, as under
  sidecar-oom: where the node kills the whole sidecar, a client that gives up at its first failed call fails on every
  pattern and version (the feature check refuses such rows under this fault).
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Seen on 2026-12-07 for the light rows on 1.31, 1.35 and 1.37 (reports/2026-12-06-cgroup-v2, N = 3, v1 node against a cgroup v2 node
  with memory.oom.group=1, retry budget 120 s): on v1 classic STUCK, done-file, pidfile and native SUCCEEDED (the
  sidecar served on); on v2 classic, done-file and pidfile FAILED (the whole sidecar died and, a regular container of a
  restartPolicy Never pod, was not restarted: main's retries ran out), native SUCCEEDED (the kubelet restarted it and
  main's client recovered); ephemeral NOT_APPLICABLE on both (no resources on an ephemeral container). On v1 the kernel
  may kill the sidecar's shell too when the child's memory is not freed in time: classic FAILED in 1 of 3 runs on 1.35.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-child-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-child-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @tolerant
    Examples: light sidecar
      | pattern   | sidecar | variant             |
      | classic   | light   | exec+tolerant       |
      | done-file | light   | exec+tolerant       |
      | pidfile   | light   | exec+tolerant       |
      | native    | light   | exec+tolerant       |
      | native    | light   | exec+probe+tolerant |
      | ephemeral | light   | exec+tolerant       |

    @dind @tolerant
    Examples: dind sidecar
      | pattern   | sidecar | variant             |
      | classic   | dind    | exec+tolerant       |
      | done-file | dind    | exec+tolerant       |
      | pidfile   | dind    | exec+tolerant       |
      | native    | dind    | exec+tolerant       |
      | native    | dind    | exec+probe+tolerant |
      | ephemeral | dind    | exec+tolerant       |
