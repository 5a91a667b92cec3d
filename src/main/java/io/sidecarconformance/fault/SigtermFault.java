package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * The pod is deleted with a grace period while main works: every container gets SIGTERM (shell form against exec form,
 * as the self-hosted-runner write-up compares them).
 */
public final class SigtermFault implements Fault {

    @Override
    public String id() {
        return "sigterm";
    }

    @Override
    public WorkloadRule onWorkload() {
        return withGracePeriod("deletes the pod");
    }

    /** Applies to any pod: {@code does} (e.g. "deletes the pod") with the spec's grace period, which the cell names. */
    static WorkloadRule withGracePeriod(String does) {
        return WorkloadRule.needing().saying(facts -> does + " with its grace period, " + facts.gracePeriodSeconds()
                + " s" + (facts.gracePeriodFromSpec() ? "" : " (Kubernetes' default: the spec sets none)"));
    }

    @Override
    public String label() {
        return "the pod is deleted while main works";
    }

    @Override
    public Aim aim() {
        return Aim.POD;
    }

    @Override
    public ColumnFigure figure() {
        return ColumnFigure.TERMINATION;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.terminationGracePeriodSeconds(settings.gracePeriodSeconds());
        // Main must still be working when the deletion comes, and for longer than the grace period.
        spec.env(Role.MAIN, "SC_WORK_SECONDS", Long.toString(SigkillMainFault.LONG_WORK_SECONDS));
    }

    @Override
    public void act(FaultContext context) {
        PodDeletion.delete(context);
    }
}
