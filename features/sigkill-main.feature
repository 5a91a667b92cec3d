@fault-sigkill-main
Feature: Main's process is SIGKILLed while it works
  The self-hosted-runner write-up says no trap runs on SIGKILL, so a done file is never written; a pidfile watcher
  still sees the PID vanish.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  The proxy rows: main's requests go through HAProxy to an upstream pod; on SIGTERM the proxy fails its readiness at
  once and proxies on for -Dsidecar.proxyDrainSeconds (5 s, Istio's terminationDrainDuration) before its soft stop,
  which shapes when the pod can end and whether main's last requests are answered.
  Seen on 2026-12-06 and 07 for the proxy rows (reports/2026-12-06-user-scenarios, N = 3, every local column from
  1.28-sidecars to 1.37, 1.33.5, 1.35.3; on 1.27 and on 1.28 without the gate the native rows are REJECTED): native
  FAILED_BY_FAULT (the pod ends after main's kill, the proxy drained), classic STUCK (the proxy never ends).

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sigkill-main
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sigkill-main" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @smoke
    Examples: light sidecar, smoke set
      | pattern   | sidecar | variant     |
      | done-file | light   | exec        |
      | pidfile   | light   | exec        |

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | classic   | light   | exec        |
      | native    | light   | exec        |
      | native    | light   | exec+probe  |
      | ephemeral | light   | exec        |

    @light @shell-form
    Examples: light sidecar, shell-form entrypoint
      | pattern   | sidecar | variant     |
      | classic   | light   | shell       |
      | done-file | light   | shell       |
      | pidfile   | light   | shell       |
      | native    | light   | shell       |
      | native    | light   | shell+probe |
      | ephemeral | light   | shell       |

    @dind
    Examples: dind sidecar
      | pattern   | sidecar | variant     |
      | classic   | dind    | exec        |
      | done-file | dind    | exec        |
      | pidfile   | dind    | exec        |
      | native    | dind    | exec        |
      | native    | dind    | exec+probe  |
      | ephemeral | dind    | exec        |

    @proxy
    Examples: proxy sidecar (HAProxy, an upstream pod behind it)
      | pattern   | sidecar | variant     |
      | classic   | proxy   | exec        |
      | native    | proxy   | exec        |
      | native    | proxy   | exec+probe  |
