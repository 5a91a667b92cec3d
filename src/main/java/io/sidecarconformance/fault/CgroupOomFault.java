package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.workload.FaultNeed;
import io.sidecarconformance.workload.WorkloadRule;

import java.util.Map;

/**
 * A user's container is driven out of memory from outside, on any image: the chaos agent puts a process of its own into
 * the container's memory cgroup and fills a tmpfs past its limit (agent.sh, action oom): the pages are charged to the
 * cgroup, not to the allocator's resident set, and stay there. The agent keeps the cgroup full until the container's
 * init is gone, as a leak never freed would: on cgroup v1 the kernel kills one process a time, the largest first, so the
 * container's processes die largest first until its init does; on cgroup v2 (memory.oom.group=1, set by the kubelet)
 * the first kill takes every process of the container. So the fault ends the container on either (stopping at the
 * first kill left a cgroup v1 cell to whichever process was the largest at that moment: our timing). The allocator
 * runs with oom_score_adj -1000 where the node allows it (else the init's, and is started again when the kernel takes
 * it); the agent's lines (on the timeline) name the processes before and after and the kernel's kills in order.
 */
public final class CgroupOomFault extends OwnPodFault {

    /** How long the container's init may outlive the filling before the fault counts as not injected. */
    public static final int BOUND_SECONDS = 30;

    private final Role target;

    public CgroupOomFault(Role target, FireMoment when) {
        super(when);
        this.target = target;
    }

    @Override
    public String id() {
        return target == Role.MAIN ? "main-oom" : "sidecar-oom";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(target == Role.MAIN ? FaultNeed.MAIN_MEMORY_LIMIT : FaultNeed.SIDECAR_MEMORY_LIMIT);
    }

    @Override
    public String label() {
        return target.containerName() + " is OOM-killed: a process put into its memory cgroup from outside keeps it at"
                + " its limit until the container's init is gone (cgroup v1: the kernel kills one process a time, the"
                + " largest first; cgroup v2: the whole container at the first kill)";
    }

    @Override
    public Aim aim() {
        return target == Role.MAIN ? Aim.MAIN : Aim.SIDECAR;
    }

    @Override
    public void act(FaultContext context) {
        ChaosAgent.act(context, target, "OOM " + target.containerName(), "sc-agent-oom",
                Map.of("SC_ACTION", "oom", "SC_OOM_BOUND_SECONDS", Integer.toString(BOUND_SECONDS)));
    }
}
