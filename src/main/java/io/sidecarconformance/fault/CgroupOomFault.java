package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.workload.FaultNeed;
import io.sidecarconformance.workload.WorkloadRule;

import java.util.Map;

/**
 * A user's container is driven out of memory from outside, on any image: the chaos agent puts a process of its own into
 * the container's memory cgroup and fills a tmpfs past its limit (agent.sh, action oom): the pages are charged to the
 * cgroup, not to the allocator's resident set. What dies is the kernel's choice on that node: on cgroup v1 one process,
 * the container's largest (never the tiny allocator, unless every process of the container is smaller); on cgroup v2
 * (memory.oom.group=1, set by the kubelet) every process of the cgroup, the allocator with them: it joined the cgroup
 * with the oom_score_adj of the container's init, and only -1000 exempts a process from the group kill. The agent
 * ends the allocator after the first OOM kill; its report line (on the timeline) names the processes before and after.
 */
public final class CgroupOomFault extends OwnPodFault {

    /** How long the allocator may take to cause an OOM kill before the fault counts as not injected. */
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
        return target.containerName() + " is OOM-killed: a process put into its memory cgroup from outside allocates past"
                + " its limit, and the node's kernel kills what its policy says (cgroup v1: the largest other process;"
                + " cgroup v2: the whole container)";
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
