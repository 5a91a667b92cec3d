@fault-main-oom
Feature: Main's workload is OOM-killed
  The self-hosted-runner write-up says a done file written by an EXIT trap is not written when the OOM killer
  strikes the shell.
  Main's workload is a child of main's shell (main.sh runs the allocation as a child), so what dies is the node's
  policy. On cgroup v1 the kernel kills one process, the largest: that child alone; the shell goes on, writes its
  Exiting line ("allocation ended with 137") and runs its EXIT trap (done-file: the done file is written). On
  cgroup v2 the kubelet sets memory.oom.group=1 on every container (kubernetes/kubernetes#117793, in 1.28): the
  whole container dies, with no Exiting line and no trap. With the kubelet's singleProcessOOMKill: true
  (kubernetes/kubernetes#126096, in 1.32) a v2 node kills one process, as v1 does. The local clusters run on
  cgroup v1, local-v2's on cgroup v2.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under main-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "main-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | classic   | light   | exec        |
      | done-file | light   | exec        |
      | pidfile   | light   | exec        |
      | native    | light   | exec        |
      | native    | light   | exec+probe  |
      | ephemeral | light   | exec        |

    @dind
    Examples: dind sidecar
      | pattern   | sidecar | variant     |
      | classic   | dind    | exec        |
      | done-file | dind    | exec        |
      | pidfile   | dind    | exec        |
      | native    | dind    | exec        |
      | native    | dind    | exec+probe  |
      | ephemeral | dind    | exec        |
