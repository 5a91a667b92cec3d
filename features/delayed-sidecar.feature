@fault-delayed-sidecar
Feature: The sidecar is ready only after a delay
  ARC's dind runner write-up says dind can start late and only a startupProbe on a native sidecar holds main back.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under delayed-sidecar
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "delayed-sidecar" fault
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

    @light @tolerant
    Examples: light sidecar, tolerant client (a late service is retried, not given up on)
      | pattern   | sidecar | variant             |
      | classic   | light   | exec+tolerant       |
      | native    | light   | exec+tolerant       |
      | native    | light   | exec+probe+tolerant |

    @dind @tolerant
    Examples: dind sidecar, tolerant client (a late service is retried, not given up on)
      | pattern   | sidecar | variant             |
      | classic   | dind    | exec+tolerant       |
      | native    | dind    | exec+tolerant       |
      | native    | dind    | exec+probe+tolerant |
