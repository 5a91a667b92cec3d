package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.workload.FaultNeed;
import io.sidecarconformance.workload.WorkloadRule;

/**
 * A child of the sidecar's first process exceeds the sidecar's memory limit while main is busy using it, as a docker
 * build's process does under dockerd in a dind sidecar; the first process and its service run on. Which processes die
 * is the node's policy, so the cells of one row differ by node ({@link #ON_EACH_NODE}): {@link SidecarOomFault}, whose
 * first process allocates itself, cannot show it. Same moment as sidecar-oom (main's busy spell), same sizes. Its key
 * figure is the outcome's: sidecar-oom's outage figure would read "not restarted" where the sidecar was never down.
 */
public final class SidecarChildOomFault implements Fault {

    /** What each kind of node kills, for the report's legend. */
    static final String ON_EACH_NODE = "a child of the sidecar's first process allocates beside its service: on cgroup v1"
            + " the kernel kills the largest process, the child, and the service serves on (the sidecar writes"
            + " ChildEnded 137); on cgroup v2 (memory.oom.group=1) it kills the whole container; on v2 with the"
            + " kubelet's singleProcessOOMKill: true, as on v1";

    @Override
    public String id() {
        return "sidecar-child-oom";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.SIDECAR_MEMORY_LIMIT);
    }

    @Override
    public String label() {
        return "a child process of the sidecar is OOM-killed while main calls it; the node decides whether the sidecar"
                + " dies with it";
    }

    @Override
    public Aim aim() {
        return Aim.SIDECAR;
    }

    /** As sidecar-oom's: where the node kills the whole container, the kill meets main's call in flight or due. */
    @Override
    public boolean needsRetryingClient() {
        return true;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        MemoryHog.arm(spec, Role.SIDECAR, kind, "SC_FAULT_SIDECAR", "child-oom");
        SidecarOomFault.busySpell(spec);
    }
}
