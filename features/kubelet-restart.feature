@fault-kubelet-restart @k8s-changes @node-fault
Feature: The node's kubelet restarts while main works beside its sidecar
  Does a kubelet that comes back find the running sidecar and main as it left them, stop the native sidecar once main
  has ended and finish the pod and the Job, as if it had not been away? A kubelet restart keeps the pod's containers
  running (containerd runs them), and the new kubelet rebuilds its view from the runtime: the container statuses,
  the probe results, the sidecar's start-up. How it does changed: KEP-753's native sidecars (1.28 behind the gate,
  1.29 on) are restarted in order after a node reboot (kubernetes/kubernetes#120269, 1.29). Up to 1.34 the new
  kubelet gives every probed container its probe's first result again: Started false until a startupProbe passes
  anew, Ready false until it and any readinessProbe do (a container without probes keeps both). KEP-4781
  (kubernetes/kubernetes#134746, 1.35) keeps them instead (the gate ChangeContainerStatusOnKubeletRestart is
  deprecated and off by default from 1.35; on brings the reset back; still there in 1.37), but only for a container
  that had been running more than 10 s before the kubelet started (pkg/kubelet/prober: kubeletRestartGracePeriod); a
  younger one is reset as before. kubernetes/kubernetes#137146 (1.36; 1.35 cherry-pick #137885, v1.35.4) fixed the
  regression #134746 brought: after a kubelet restart, a pod whose native sidecar has a startupProbe never restarted
  its crashed regular containers.
  The suite restarts the kubelet 15 s into main's 40 s of work (main writes a Marked line then), when the sidecar has
  run for about 18 s or more, past KEP-4781's 10 s: a kubelet that resets a running container's Started or Ready shows
  as the "reset" finding (false, then true again, with no restart). Until 2026-12-06 the restart came as main began
  its work, 5 to 7 s after the sidecar started, and every version reset the probed sidecar the same way.
  It stops the kubelet (SIGTERM; up to 10 s before SIGKILL) and starts it again with the same flags
  (clusters/local/cluster.sh restart-kubelet), waiting for
  its /healthz; the timeline records the three moments. Only where the suite runs the kubelet itself (the local
  provider): on every other cluster the cell is NOT_APPLICABLE and nothing is created. A restart is felt by every pod
  on the node, so this scenario runs alone: the runner waits for the scenarios running to finish, and starts no other
  until it ends.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  Bounds: main's 40 s of work, 15 s into which the kubelet restart (its stop, up to 10 s, and its /healthz, up to 60 s)
  begins; the stuck window (-Dstuck.windowSeconds, 30 s) after main ended.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under kubelet-restart
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "kubelet-restart" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern   | sidecar | variant     |
      | native    | light   | exec        |
      | native    | light   | exec+probe  |
      | done-file | light   | exec        |
