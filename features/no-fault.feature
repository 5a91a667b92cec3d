@fault-none
Feature: No fault: does the pod, and its Job, complete on its own?
  The baseline. A sidecar nobody tells to stop keeps the pod alive after main is done.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  The proxy rows: main's requests go through HAProxy to an upstream pod; on SIGTERM the proxy fails its readiness at
  once and proxies on for -Dsidecar.proxyDrainSeconds (5 s, Istio's terminationDrainDuration) before its soft stop,
  which shapes when the pod can end and whether main's last requests are answered.
  Seen on 2026-12-06 and 07 (reports/2026-12-06-user-scenarios, N = 3, every local column 1.27-1.37, 1.33.5, 1.35.3; linkerd/linkerd2#13349,
  istio/istio#51883): native proxy rows SUCCEEDED, the pod ending 5.3-6.3 s after main (the proxy gets SIGTERM only
  after main and drains its 5 s with nothing left to proxy); the classic proxy row was STUCK (the proxy never ends). On 1.27 and on 1.28 without the SidecarContainers gate the native proxy
  rows are REJECTED (an init container may not have a readinessProbe).

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under none
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "none" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @smoke
    Examples: light sidecar, smoke set
      | pattern   | sidecar | variant     |
      | classic   | light   | exec        |
      | done-file | light   | exec        |
      | native    | light   | exec+probe  |
      | ephemeral | light   | exec        |

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | pidfile   | light   | exec        |
      | native    | light   | exec        |

    @light @multi-sidecar
    Examples: light sidecar, three native sidecars
      | pattern              | sidecar | variant     |
      | native-multi         | light   | exec        |
      | native-multi-prestop | light   | exec        |

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
