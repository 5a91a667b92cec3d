package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.workload.FaultNeed;
import io.sidecarconformance.workload.WorkloadRule;

import java.util.Map;

/**
 * A user's sidecar starts slowly, on any image: as soon as it is reported running, the chaos agent freezes its cgroup
 * for -Dfault.delaySeconds, then thaws it (agent.sh, action freeze). The agent's own start takes a second or two, so
 * the sidecar has run that long when it freezes; exec probes into a frozen container hang and fail, as a slow
 * service's do.
 */
public final class CgroupFreezeFault implements Fault {

    private final int seconds;

    public CgroupFreezeFault(int seconds) {
        this.seconds = seconds;
    }

    @Override
    public String id() {
        return "delayed-sidecar";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.SIDECAR);
    }

    @Override
    public String label() {
        return "the sidecar's cgroup is frozen for " + seconds + " s as it starts (-Dfault.delaySeconds)";
    }

    @Override
    public Aim aim() {
        return Aim.SIDECAR;
    }

    @Override
    public boolean firesOn(TimelineEvent e) {
        return e.container().equals(Role.SIDECAR.containerName()) && e.kind() == EventKind.RUNNING;
    }

    @Override
    public String moment() {
        return "when the sidecar is first reported running";
    }

    @Override
    public void act(FaultContext context) {
        ChaosAgent.act(context, Role.SIDECAR, "freeze the sidecar for " + seconds + " s", "sc-agent-freeze",
                Map.of("SC_ACTION", "freeze", "SC_FREEZE_SECONDS", Integer.toString(seconds)));
    }
}
