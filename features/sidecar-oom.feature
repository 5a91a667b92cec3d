@fault-sidecar-oom
Feature: The sidecar is OOM-killed while main is busy using it
  Seed 000: dind may have a lower OOM score than the runner and be killed first.
  Main's second use is a busy spell: calls 0.1 s apart for up to 30 s (fixed), as a CI step that drives the daemon
  through a build. The sidecar allocates far above its memory limit when the spell begins, so the kill meets a call
  in flight or due on any machine (a single later call would race the allocation and the restart, and the machine's
  speed would decide the cell). A strict client's job fails at that call; a tolerant one retries until a restarted
  sidecar answers.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell, each a property named in the report: the light sidecar's service listens
  -Dsidecar.lightStartupSeconds (default 3 s) after it starts, as a small real service needs a moment to listen;
  main waits up to -Dmain.waitSeconds (default 60 s) for it, and every readiness check (main's and the startupProbe's)
  counts a service that has not answered within -Dclient.checkTimeoutSeconds (default 1 s) as not ready.
  Main is a strict client (a failed use ends it with exit 4, like a CI step calling docker) unless the variant
  ends in +tolerant: then it retries a failed use every second for -Dclient.retrySeconds (default 30 s).

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @smoke
    Examples: light sidecar, smoke set
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | classic   | light   | exec        |
      | done-file | light   | exec        |
      | pidfile   | light   | exec        |
      | native    | light   | exec        |
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
    Examples: light sidecar, tolerant client (a restarted native sidecar can serve again)
      | pattern   | sidecar | variant             |
      | classic   | light   | exec+tolerant       |
      | native    | light   | exec+tolerant       |
      | native    | light   | exec+probe+tolerant |

    @dind @tolerant
    Examples: dind sidecar, tolerant client (a restarted native sidecar can serve again)
      | pattern   | sidecar | variant             |
      | classic   | dind    | exec+tolerant       |
      | native    | dind    | exec+tolerant       |
      | native    | dind    | exec+probe+tolerant |
