package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;
import io.sidecarconformance.workload.FaultNeed;

import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;

import java.util.List;

/**
 * The pod is deleted with a grace period while it initialises: the last sidecar but one (the only one, if there is one)
 * puts its service off by {@link #HOLD_SECONDS}, so a startupProbe keeps it from starting and the last sidecar is never
 * created, nor main; the deletion comes as soon as it says so. With several sidecars, the earlier ones are up by then
 * (kubernetes#125880: sidecars then waited for a never-created one to stop before getting SIGTERM).
 */
public final class DeleteDuringInitFault implements Fault {

    /** Far longer than the scenario needs: the last sidecar is still starting when the pod is deleted. */
    static final int HOLD_SECONDS = 240;

    @Override
    public String id() {
        return "delete-during-init";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.NATIVE_SIDECAR_WITH_STARTUP_PROBE);
    }

    @Override
    public String label() {
        return "the pod is deleted while its sidecars start";
    }

    @Override
    public Aim aim() {
        return Aim.POD;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.terminationGracePeriodSeconds(settings.gracePeriodSeconds());
        List<String> sidecars = spec.sidecarNames();
        spec.env(sidecars.get(Math.max(0, sidecars.size() - 2)), "SC_DELAY_SECONDS", Integer.toString(HOLD_SECONDS));
    }

    /** Only the held-back sidecar delays: its Delaying line says it has begun and is not up. */
    @Override
    public boolean firesOn(TimelineEvent e) {
        return e.kind() == EventKind.STEP && e.detail().startsWith("Delaying");
    }

    @Override
    public String moment() {
        return "after a sidecar logs Delaying";
    }

    @Override
    public void act(FaultContext context) {
        PodDeletion.delete(context);
    }
}
