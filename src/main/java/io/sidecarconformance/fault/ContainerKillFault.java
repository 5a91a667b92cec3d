package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.workload.FaultNeed;
import io.sidecarconformance.workload.WorkloadRule;

import java.util.Map;

/**
 * The init process of a user's main or sidecar container is SIGKILLed from outside, on any image (the chaos agent, as
 * for sigkill-main): for main, a runner killed mid-job; for the sidecar, a crash.
 */
public final class ContainerKillFault extends OwnPodFault {

    private final Role target;

    public ContainerKillFault(Role target, FireMoment when) {
        super(when);
        this.target = target;
    }

    @Override
    public String id() {
        return target == Role.MAIN ? "sigkill-main" : "sigkill-sidecar";
    }

    @Override
    public WorkloadRule onWorkload() {
        return target == Role.MAIN ? WorkloadRule.needing() : WorkloadRule.needing(FaultNeed.SIDECAR);
    }

    @Override
    public String label() {
        return target == Role.MAIN ? "main's process is SIGKILLed" : "the sidecar's process is SIGKILLed (a crash)";
    }

    @Override
    public Aim aim() {
        return target == Role.MAIN ? Aim.MAIN : Aim.SIDECAR;
    }

    @Override
    public void act(FaultContext context) {
        kill(context, target);
    }

    /** SIGKILLs the init process of the container that plays {@code role}, through the chaos agent, said on the timeline. */
    static void kill(FaultContext context, Role role) {
        ChaosAgent.act(context, role, "SIGKILL " + role.containerName(), "sc-agent-kill", Map.of("SC_SIGNAL", "KILL"));
    }
}
