package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.timeline.SuiteActions;

/**
 * Main's process is SIGKILLed while it works: no trap runs (the hole in the done-file shutdown that the self-hosted-runner
 * write-up names).
 */
public final class SigkillMainFault implements Fault {

    static final long LONG_WORK_SECONDS = 120;

    @Override
    public String id() {
        return "sigkill-main";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing();
    }

    @Override
    public String label() {
        return "main's process is SIGKILLed";
    }

    @Override
    public Aim aim() {
        return Aim.MAIN;
    }

    /** Main works long enough for the agent pod to start and find it. */
    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.env(Role.MAIN, "SC_WORK_SECONDS", Long.toString(LONG_WORK_SECONDS));
    }

    @Override
    public void act(FaultContext context) {
        // Two marks: the agent pod needs a few seconds to start, and the kill falls between them.
        context.action().accept("SIGKILL main: " + SuiteActions.AGENT_STARTING);
        String report = new ChaosAgent(context.client(), context.namespace(), context.images(), context.applied())
                .signal(context.pod().get(), Role.MAIN.containerName(), "KILL");
        context.action().accept("SIGKILL main: agent done: " + report);
    }
}
