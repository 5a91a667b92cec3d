@fault-kubelet-restart-main-kill @k8s-changes @node-fault @restart-rules
Feature: The node's kubelet restarts while main works beside its sidecar; then main is SIGKILLed
  Does a kubelet that came back restart a main that crashed beside a running native sidecar?
  kubernetes/kubernetes#136910 (opened 2026-02-10, after 1.34.2 to 1.35.0): a crashed or OOM-killed regular container
  beside a running native sidecar is never restarted (RestartCount 0). kubernetes/kubernetes#137146 (1.36.0; 1.35
  cherry-pick #137885, v1.35.4) names the cause: KEP-4781 (kubernetes/kubernetes#134746, 1.35; gate
  ChangeContainerStatusOnKubeletRestart, off by default) has the restarted kubelet's probe workers not seed a result
  for a container that had run more than 10 s before the kubelet started (pkg/kubelet/prober:
  kubeletRestartGracePeriod), so a sidecar's startupProbe has no result at all after the restart; the kubelet's
  computeInitContainerActions then stops at that sidecar, the pod is not taken for initialized once no regular
  container runs, and a crashed one is never started again. The fix seeds Success from the sidecar's Started in the
  pod's status. Only a sidecar with a startupProbe is concerned: the exec rows (no startupProbe) are the control.
  Main restarts itself as in native-rules: KEP-5307 (Container Restart Rules; alpha in 1.34 behind the gate
  ContainerRestartRules, beta and on by default from 1.35) gives main restartPolicy Never and one rule, action Restart
  on exit codes In [137], what a SIGKILL leaves; the pod's restartPolicy is Never. Before 1.34 the API forbids
  restartPolicy on a regular container (1.28 to 1.33): REJECTED; on 1.34 the gate is off and drops the rules: DROPPED.
  The fault: the suite restarts the kubelet as kubelet-restart does, 15 s into main's work (main writes a Marked line
  then), when the sidecar has run about 18 s or more, past KEP-4781's 10 s (younger containers are reset on every
  version, and the cell could not tell the versions apart). It stops the kubelet (SIGTERM; up to 10 s before SIGKILL),
  starts it again with the same flags (clusters/local/cluster.sh restart-kubelet) and waits for its /healthz (up to 60
  s). It then waits until the restarted kubelet has observed the pod again: its own pod list (GET /pods on the
  kubelet, through the API server's node proxy, every 0.5 s), which holds the pod once the kubelet's pod manager has
  it from the API server, up to 60 s (the cell is an ERROR otherwise, never an answer). Then main's process is
  SIGKILLed once, by the chaos agent as under sigkill-main (exit 137). The timeline records each step: the restart's
  three moments, when the kubelet listed the pod, the kill. Whether main ran again (a second start, its restart
  count), the pod's end and the Job's condition give the verdict by the grid's own rules: a main not restarted leaves
  the pod running beside its sidecar, STUCK after the stuck window. Only where the suite runs the kubelet itself (the
  local provider): elsewhere NOT_APPLICABLE. A restart is felt by every pod on the node, so this scenario runs alone.
  First runs, 2026-12-06, -Drepeat=3, local clusters (cgroup v1; containerd 2.2.9 for 1.35, 2.3.7 for 1.36, 2.4.2 for
  1.37) on a shared 2-core machine: in every run that reached the kill, the restarted kubelet answered /healthz 0.5 to
  2.1 s after its start and listed the pod 0.7 to 4.0 s after that; main's exit 137 was seen 2 to 8 s later (the agent
  pod's start), +24 to +46 s into the run; no sidecar's Started or Ready changed at the restart (KEP-4781 kept them on
  1.35 to 1.37).
  1.35.3 (v1.35.3): exec+probe STUCK in 3 of 3: main ended 137 at +27.7 to +29.1 s, was never started again
  (restartCount 0, one instance of main) and the pod was still Running with its sidecar 30 s later; one more run with
  -Dstuck.windowSeconds=240: still Running, restartCount 0, at +266.5 s, 240 s after main's exit. exec SUCCEEDED in 3
  of 3: main ran again within a second of its exit (restartCount 1), the pod Succeeded at +120 to +122 s and the Job
  was Complete.
  1.35 (v1.35.8, with #137885), 1.36 (v1.36.5, with #137146) and 1.37 (v1.37.2): both rows SUCCEEDED in 3 of 3, main
  running again within a second of its exit 137 (restartCount 1), the pod Succeeded at +117 to +133 s and the Job was
  Complete. 1.31 (v1.31.4): both rows REJECTED in 3 of 3 (containers[0].restartPolicy: Forbidden: may not be set for
  non-init containers): no pod, no restart; so did 1.28, 1.28-sidecars, 1.29, 1.32, 1.33 and 1.33.5 (2026-12-07); 1.27 REJECTED exec+probe
  and DROPPED exec (it knows no restartPolicy on any container). 1.34
  (v1.34.10, KEP-5307 alpha, its ContainerRestartRules gate off): both rows DROPPED in 3 of 3 (the API dropped
  restartPolicy and restartPolicyRules), and main's kill then failed the pod.
  Each row is one cell of the compatibility grid; the verdict comes from what the cluster did.
  Timings that shape every cell: -Dsidecar.lightStartupSeconds, -Dmain.waitSeconds, -Dclient.checkTimeoutSeconds
  and -Dclient.retrySeconds (what each does and its default: docs/patterns-and-faults.md, "Sidecars" and "Variants
  and clients"; the values a run used: the report's legend).
  The +probe rows' startupProbe checks the sidecar's service every second (periodSeconds 1, failureThreshold 180);
  KEP-4781's 10 s is the kubelet's, fixed.
  Bounds: main's 90 s of work after each start, 15 s into the first of which the restart begins (its stop, up to 10 s,
  its /healthz, up to 60 s), then the kubelet's pod list (up to 60 s) and the chaos agent (up to 120 s), so the kill
  comes while main works; the stuck window (-Dstuck.windowSeconds, 30 s) after main ended; the scenario's deadline
  (-Dscenario.timeoutSeconds, 300 s) bounds a main that restarts again and again.

  Scenario Outline: <pattern> with a <sidecar> sidecar (<variant>) under kubelet-restart-main-kill
    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
    When its Job runs under the "kubelet-restart-main-kill" fault
    Then an outcome is recorded
    And every container that said it was exiting had said it was starting

    @light
    Examples: light sidecar
      | pattern      | sidecar | variant     |
      | native-rules | light   | exec+probe  |
      | native-rules | light   | exec        |
