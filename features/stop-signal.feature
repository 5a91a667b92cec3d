@fault-stop-signal @k8s-changes
Feature: Main has a stop signal of its own (lifecycle.stopSignal); the pod is deleted while main works
  KEP-4960 (container stop signals; kubernetes/enhancements#4960) adds lifecycle.stopSignal to a container: the signal
  the runtime sends it instead of the image's STOPSIGNAL or SIGTERM. A shell-form main is today only ever stopped by
  the SIGKILL at the end of the grace period: its first process is a shell that traps nothing, and a PID 1 is sent
  only the signals it handles (busybox's ash handles SIGCHLD alone) and SIGKILL. Does a stop signal change that, and
  does the API keep the field at all?
  From the Kubernetes sources of our columns (k8s.io/kubernetes module, pkg/features/kube_features.go): the field and
  its gate ContainerStopSignals appeared in 1.33, alpha and off by default, and are still alpha and off in v1.34.10,
  v1.35.8, v1.36.5 and v1.37.2. With the gate off, pkg/api/pod/util.go (dropContainerStopSignals) wipes the field
  from a new pod; an API server older than 1.33 does not know it and, as a request without fieldValidation is
  checked with Warn, drops it. With the gate on, pkg/apis/core/validation/validation.go (validateStopSignal) forbids it
  on a pod without spec.os.name ("may not be set for containers with empty `spec.os.name`") and allows SIGUSR1 on
  linux; the kubelet passes it to the runtime in the container's CRI config and reports the effective signal in the
  container's status (stopSignal) only when the runtime reports one. containerd's CRI plugin uses the config's stop
  signal in v2.4.2 (our 1.37 column) and not in v2.1.9 or v2.2.9 (1.30-1.35), which take the image's only.
  Here main gets lifecycle.stopSignal SIGUSR1 and the pod spec.os.name linux; main's script traps SIGUSR1 as it traps
  SIGTERM and writes "Exiting 138 SIGUSR1"; the pod is deleted as under sigterm (-Dfault.graceSeconds, 15 s, while
  main works 120 s). The API decides the cell's first word: REJECTED or NOT_APPLICABLE (the dry-run rule: the spec
  without the fault's fields accepted) when it refuses the field, DROPPED when it stores the pod without it. Kept, the
  cell says what reached main: the `signal` finding names the stop signal the kubelet reported and the signal main's
  first process said it got, or that it wrote none and was killed; the exec rows are the control (main's script is
  the first process, so the signal the runtime sent is on its Exiting line), the shell rows the question. Nothing in
  the suite knows which version does what: the expectations above come from the sources and the run decides.
  Seen on 2026-12-06 and 07 (reports/2026-12-06-user-scenarios, N = 3): 1.28-sidecars to 1.32 (no such field) and 1.33
  to 1.37, 1.33.5, 1.35.3 (alpha from 1.33, gate off) DROPPED the field (1.27 and 1.28 without the gate: classic rows DROPPED,
  native rows REJECTED for their startupProbe); 1.35-stopsignals (gate on, containerd 2.2.9) kept it, the kubelet reported no stop signal and main got SIGTERM
  (exit 143): the runtime ignored it; 1.37-stopsignals (gate on, containerd 2.4.2) kept it, the kubelet reported SIGUSR1
  and an exec-form main got SIGUSR1 (exit 138) 0.1-0.2 s after the deletion. On every column the shell-form main was
  killed at the grace period's end (exit 137): its shell PID 1 ignores SIGUSR1 as it ignores SIGTERM.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: the deletion's grace period is -Dfault.graceSeconds (15 s); main works 120 s, so only the deletion ends it.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under stop-signal
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "stop-signal" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light @shell-form
    Examples: light sidecar, shell-form main: the question
      | pattern   | sidecar | variant     |
      | native    | light   | shell+probe |
      | classic   | light   | shell       |

    @light
    Examples: light sidecar, exec-form main: the control
      | pattern   | sidecar | variant     |
      | native    | light   | exec+probe  |
      | classic   | light   | exec        |
