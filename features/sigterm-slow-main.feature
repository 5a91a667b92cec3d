@fault-sigterm-slow-main @k8s-changes
Feature: The pod is deleted while main works; main takes a few seconds to exit on SIGTERM
  When does each container get SIGTERM, and when does it end? KEP-753 (sidecar containers, beta and on by default in
  1.29; kubernetes/kubernetes#120620) stops native sidecars only after every main container has ended, in the reverse
  of their start order; with
  the SidecarContainers gate on in 1.28 they got SIGTERM at the deletion, with main. KEP-753 has the kubelet run the
  preStop hooks of sidecars when termination starts, all at once, not in their turn; a sidecar's SIGTERM follows its
  own hook.
  Main traps SIGTERM, writes a line naming it at once and exits 4 s later; every sidecar writes a line when SIGTERM
  arrives and exits at once. While it drains, main keeps using the sidecar as a runner finishing its job step does
  (a `docker run` in dind, a request to the light service), one use after another half a second apart, each a
  "Draining use N" line when it begins and "Draining use N ok|failed" when it ends. The `served` finding (uses answered
  ok, none failed), `gone` (a use failed, or one was left unanswered at main's end, longer than the slowest use
  to end, answered ok or failed, by a sidecar that had said SIGTERM before main ended) or `undecided` (no use ended before main did and the sidecar had not said SIGTERM: one use longer
  than main's 4 s drain, as a `docker run` on a loaded node; how long a use takes is the node's load, not Kubernetes),
  defined once in
  verdict/TerminationFindings from those lines, answers ARC's question for each cell: was the Docker daemon still
  there while the runner finished its job after SIGTERM (actions/actions-runner-controller#3842, actions/runner#3340)?
  The dind rows ask it of a real dockerd: native with and without a startupProbe, classic, and native-multi with
  dind as the first sidecar (started first, so stopped last); the light rows ask it of a service that stops at once.
  native-multi starts three native sidecars in order (sidecar, sidecar-2, sidecar-3), each of which serves on 1 s
  after its SIGTERM (a drain, fixed) before it stops; native-multi-prestop gives each also a preStop hook that writes
  a PreStop line and takes 2 s. The TERM order finding lists SIGTERM's arrival across all containers, each sidecar's
  relative to main's exit, and whether each sidecar got it only after the one started after it had ended, compared on
  the containers' own clocks with a 20 ms margin: the drain makes a reverse order a gap of tens of milliseconds after
  the next sidecar's end, and a stop all at once a gap of about a second before it; the figures hold each container's
  SIGTERM and end after the deletion.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Native rows carry a startupProbe (+probe) but three: main then starts only once every sidecar's service answers, so
  the deletion finds every container up (without a probe main, and so the deletion, can come while the last sidecar is
  still starting; a first run showed the kubelet then sending main's SIGTERM about 0.6 s late). The three without are
  users' specs without the probe, where main waits for the sidecar itself, so it is up by main's Working line:
  native / dind / exec and its +ready twin (ARC's native spec without its startupProbe: main waits for dockerd), and
  native / proxy / exec (main waits for the proxy's readiness).
  The proxy rows ask it of a proxy that drains as Istio's does: main's requests go through HAProxy to an upstream pod;
  on SIGTERM the proxy fails its readiness at once and proxies on for -Dsidecar.proxyDrainSeconds (5 s, Istio's
  terminationDrainDuration) before its soft stop, which shapes when the pod can end and whether main's last requests
  are answered. Native with and without a startupProbe, and classic, where the proxy gets SIGTERM with main and its
  drain is longer than main's 4 s.
  Seen on 2026-12-06 and 07 (reports/2026-12-06-user-scenarios, N = 3, every local column 1.27-1.37, 1.33.5, 1.35.3):
  from 1.29 on every native dind row
  (with and without a startupProbe, and dind first in native-multi) served main's drain, dockerd getting SIGTERM 0.1-0.3 s
  after main exited (on 1.31 one run of each single-dind row was undecided: one docker run outlasted main's 4 s drain
  at load 30, and so were 8 more on 1.32, 1.33, 1.33.5 and 1.35.3 at load 9-28); classic dind was gone in every run (dockerd got SIGTERM with main; the first docker run failed within
  a second). The proxy rows served on every version, classic ones within the proxy's own 5 s drain.
  1.28-sidecars (SidecarContainers alpha): native sidecars got SIGTERM with main, in the same 0.1 s, as classic ones do
  (the termination order came in 1.29, kubernetes/kubernetes#120620): native dind was gone in 6 of 6 single-dind runs
  and native light rows were gone too. 1.27, and 1.28 without the gate: native rows DROPPED or REJECTED.
  Bounds: the deletion's grace period is -Dfault.graceSeconds (15 s); main works 120 s, so only the deletion ends it.
  The +ready rows ask whether Ready goes false while main drains (kubernetes/kubernetes#140509, #140881: exec
  readiness probes stopped running once a pod began terminating, from v1.35.0): main and every sidecar declare an exec
  readinessProbe every -Dprobe.readinessPeriodSeconds (1 s), failureThreshold 1, timeoutSeconds
  -Dclient.checkTimeoutSeconds. Main's checks its own marker file, which it removes as soon as SIGTERM arrives, so a
  probe that runs fails within a period of the deletion while main still drains 4 s; the sidecar's checks that its
  service answers, which it does until its own SIGTERM. The ready finding and the readyAfterDeletion figure say, from
  the container statuses and the pod's Ready condition, when each went false after the deletion (seconds), or that it
  stayed Ready until it ended.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under sigterm-slow-main
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "sigterm-slow-main" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar, one sidecar
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |
      | classic   | light   | exec        |

    @light @multi-sidecar
    Examples: light sidecar, three native sidecars
      | pattern              | sidecar | variant     |
      | native-multi         | light   | exec+probe  |
      | native-multi-prestop | light   | exec+probe  |

    @dind
    Examples: dind sidecar, one sidecar
      | pattern   | sidecar | variant     |
      | native    | dind    | exec        |
      | native    | dind    | exec+probe  |
      | classic   | dind    | exec        |

    @dind @multi-sidecar
    Examples: dind sidecar first, then two light native sidecars
      | pattern              | sidecar | variant     |
      | native-multi         | dind    | exec+probe  |

    @proxy
    Examples: proxy sidecar (HAProxy, an upstream pod behind it)
      | pattern   | sidecar | variant     |
      | native    | proxy   | exec+probe  |
      | native    | proxy   | exec        |
      | classic   | proxy   | exec        |

    @light @readiness
    Examples: light sidecar, readiness probes on main and the sidecar
      | pattern   | sidecar | variant          |
      | native    | light   | exec+probe+ready |
      | classic   | light   | exec+ready       |

    @dind @readiness
    Examples: dind sidecar, readiness probes on main and the sidecar
      | pattern   | sidecar | variant          |
      | native    | dind    | exec+ready       |
      | native    | dind    | exec+probe+ready |
      | classic   | dind    | exec+ready       |
