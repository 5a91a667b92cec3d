@fault-sigterm
Feature: The pod is deleted with a grace period while main works
  The self-hosted-runner write-up says SIGTERM reaches a trapping script only in exec form; a shell-form entrypoint
  waits out the grace period.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  The proxy rows: main's requests go through HAProxy to an upstream pod; on SIGTERM the proxy fails its readiness at
  once and proxies on for -Dsidecar.proxyDrainSeconds (5 s, Istio's terminationDrainDuration) before its soft stop,
  which shapes when the pod can end and whether main's last requests are answered.
  The +ready rows ask whether Ready goes false during the grace period (kubernetes/kubernetes#140509, #140881: exec
  readiness probes stopped running once a pod began terminating, from v1.35.0): main and the sidecar each declare an
  exec readinessProbe every -Dprobe.readinessPeriodSeconds (1 s), failureThreshold 1, timeoutSeconds
  -Dclient.checkTimeoutSeconds; main's checks its own marker file, which it removes at its SIGTERM, the sidecar's that
  its service answers. The ready finding and the readyAfterDeletion figure say, from the container statuses and the
  pod's Ready condition, when each went false after the deletion or that it stayed Ready until it ended. Here main
  exits at its SIGTERM, so its probe has no time to run; sigterm-slow-main's rows give it 4 s.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sigterm
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sigterm" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @smoke
    Examples: light sidecar, smoke set
      | pattern   | sidecar | variant     |
      | native    | light   | exec        |

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | classic   | light   | exec        |
      | done-file | light   | exec        |
      | pidfile   | light   | exec        |
      | native    | light   | exec+probe  |
      | ephemeral | light   | exec        |

    @light @shell-form @smoke
    Examples: light sidecar, shell-form entrypoint, smoke set
      | pattern   | sidecar | variant     |
      | native    | light   | shell       |

    @light @shell-form
    Examples: light sidecar, shell-form entrypoint
      | pattern   | sidecar | variant     |
      | classic   | light   | shell       |
      | done-file | light   | shell       |
      | pidfile   | light   | shell       |
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

    @light @readiness
    Examples: light sidecar, readiness probes on main and the sidecar
      | pattern   | sidecar | variant          |
      | classic   | light   | exec+ready       |
      | native    | light   | exec+ready       |
      | native    | light   | exec+probe+ready |

    @dind @readiness
    Examples: dind sidecar, readiness probes on main and the sidecar
      | pattern   | sidecar | variant          |
      | classic   | dind    | exec+ready       |
      | native    | dind    | exec+ready       |
      | native    | dind    | exec+probe+ready |
