@fault-main-oom
Feature: Main's workload is OOM-killed
  The self-hosted-runner write-up says a done file written by an EXIT trap is not written when the OOM killer
  strikes the shell.
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
