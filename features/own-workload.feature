@workload
Feature: Your own pod under the faults: does it complete, on this cluster, when its sidecar or main is hit?
  In one sentence: each pod named by -Dworkload (a Job, a Pod or a pod template, with the ConfigMaps and Secrets it
  needs) runs as written in a Job of its own namespace, and each fault below acts on it from outside its containers,
  so the cell says what Kubernetes did with that very spec.
  Runs only with -Dworkload (and then our patterns' rows only with -Dworkload.withPatterns=true). Roles: main and the
  sidecar the faults aim at come from -Dworkload.main / -Dworkload.sidecar, else the pod's annotations
  sidecar-conformance.io/main and sidecar-conformance.io/sidecar, else the spec (a native sidecar is an init container
  with restartPolicy: Always; a single regular container is main). The timeline records them as "main" and "sidecar".
  When the faults fire: -Dworkload.fireAfterSeconds (default 5 s) after main's container is reported running, or when
  a line of main's log first matches -Dworkload.fireOn. delayed-sidecar fires when the sidecar is reported running.
  How each fault acts on any image (the chaos agent: a privileged hostPID pod on the pod's node, in the run's namespace):
    sidecar-oom, main-oom: a process put into the container's memory cgroup allocates past its limit and keeps the
      cgroup full until the container's init is gone (bound: 30 s, else the fault did not act: ERROR): on cgroup v1 the
      node's kernel kills one process a time, the largest resident set first (the allocator's pages are a tmpfs file's,
      not its own), so the container's processes die largest first until its init does; on cgroup v2, where the
      kubelet sets memory.oom.group=1, the first kill takes every process of the container. The allocator runs with
      oom_score_adj -1000 where the node allows it (else the init's, and starts again when the kernel takes it); the
      agent's lines name the processes before and after and the kernel's kills in order. A container without a memory
      limit: NOT_APPLICABLE.
    sigkill-sidecar, sigkill-main: SIGKILL of the container's init process (a crash; a runner killed mid-job).
    delayed-sidecar: the sidecar's cgroup frozen for -Dfault.delaySeconds (default 15 s) from its first seconds.
    sigterm: the pod deleted with its own terminationGracePeriodSeconds (30 s when the spec sets none).
    eviction: the pod evicted through the Eviction API (policy/v1) with that grace period, as a node drain does;
      eviction-pdb: the same after a PodDisruptionBudget (maxUnavailable 0) selecting it (a refusal is recorded).
    kubelet-restart: the node's kubelet restarted (local clusters only).
  The other faults change what our own test images do; on your pod their cells are NOT_APPLICABLE with the reason.
  Outcomes come from the pod's and containers' statuses, Events and the Job's conditions alone (your containers write
  none of our event lines); their own log lines are kept as output. Same outcome words as the grid.
  Timings that shape every cell: -Dworkload.fireAfterSeconds or -Dworkload.fireOn, -Dfault.delaySeconds, the stuck
  window -Dstuck.windowSeconds (default 30 s: a pod still running that long after main ended is STUCK) and the
  deadline -Dscenario.timeoutSeconds (default 300 s, from the Job's creation: then TIMEOUT); the values a run used are
  in the report's legend.
  On a local cluster (no registry) each image whose repository clusters/local/images.properties lists (standin.*) runs
  on its local stand-in, said on the timeline; any other image cannot be pulled there, and its cells are ERROR.

  Scenario Outline: your own pod under <fault>
    Given your own pods, named by -Dworkload
    When each runs under the "<fault>" fault
    Then an outcome is recorded

    Examples: faults
      | fault           |
      | none            |
      | sidecar-oom     |
      | sigkill-sidecar |
      | main-oom        |
      | delayed-sidecar |
      | sigterm         |
      | eviction        |
      | eviction-pdb    |
      | sigkill-main    |
      | kubelet-restart |
