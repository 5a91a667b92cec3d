@fault-sidecar-oom
Feature: The sidecar is OOM-killed mid-job: does Kubernetes bring it back in time for the Job to complete?
  In one sentence: main keeps using its sidecar and retries a failed call every second for -Dclient.retrySeconds
  (default 30 s), so the cell says whether Kubernetes restarted the OOM-killed sidecar within that budget and the Job
  completed (SUCCEEDED), or left the pod without it (FAILED); "sidecar down" is the outage itself, from the kill to the
  restarted sidecar's Ready line, which a client without retries would see as a failed job.
  ARC's dind runner write-up: dind may have a lower OOM score than the runner and be killed first.
  The sidecar's first process allocates itself (it execs the allocation), so the kernel kills it on every kind of node:
  on cgroup v1 as the container's largest process, on cgroup v2 (memory.oom.group=1, set by the kubelet since
  kubernetes/kubernetes#117793 in 1.28) with every other process of the container. A child of the sidecar that
  allocates, whose fate differs by node: sidecar-child-oom.feature.
  Main's second use is a busy spell: calls 0.1 s apart for up to 30 s (fixed), as a CI step that drives the daemon
  through a build. The sidecar allocates far above its memory limit when the spell begins, so the kill meets a call
  in flight or due on any machine. Every row is a retrying (+tolerant) client: a client that gives up at its first
  failed call fails at the kill on every pattern and version, which says nothing about Kubernetes (the feature check
  refuses such rows under this fault).
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  The proxy rows: main's requests go through HAProxy to an upstream pod; on SIGTERM the proxy fails its readiness at
  once and proxies on for -Dsidecar.proxyDrainSeconds (5 s, Istio's terminationDrainDuration) before its soft stop,
  which shapes when the pod can end and whether main's last requests are answered.
  Seen on 2026-12-06 and 07 for the proxy rows (reports/2026-12-06-user-scenarios, N = 3, every local column from
  1.28-sidecars to 1.37, 1.33.5, 1.35.3; on 1.27 and on 1.28 without the gate the native rows are REJECTED): native
  SUCCEEDED (the proxy restarted, main's client recovered); classic FAILED (the proxy is not restarted; main's retries
  failed for -Dclient.retrySeconds).

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sidecar-oom
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sidecar-oom" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @smoke @tolerant
    Examples: light sidecar, smoke set
      | pattern   | sidecar | variant             |
      | native    | light   | exec+probe+tolerant |

    @light @tolerant
    Examples: light sidecar
      | pattern   | sidecar | variant             |
      | classic   | light   | exec+tolerant       |
      | done-file | light   | exec+tolerant       |
      | pidfile   | light   | exec+tolerant       |
      | native    | light   | exec+tolerant       |
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

    @proxy @tolerant
    Examples: proxy sidecar (HAProxy, an upstream pod behind it)
      | pattern   | sidecar | variant             |
      | classic   | proxy   | exec+tolerant       |
      | native    | proxy   | exec+tolerant       |
      | native    | proxy   | exec+probe+tolerant |
