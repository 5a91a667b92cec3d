package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.workload.WorkloadRule;

/**
 * A fault that ends the pod while main works as {@link SigtermFault} does (a deletion or an eviction with the fault
 * grace period): aimed at the pod, the spec shaped alike, its column showing the termination, so that its cells
 * compare with sigterm's row for row.
 */
interface PodEndingFault extends Fault {

    @Override
    default Aim aim() {
        return Aim.POD;
    }

    @Override
    default ColumnFigure figure() {
        return ColumnFigure.TERMINATION;
    }

    @Override
    default void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.terminationGracePeriodSeconds(settings.gracePeriodSeconds());
        // Main must still be working when the deletion comes, and for longer than the grace period.
        spec.env(Role.MAIN, "SC_WORK_SECONDS", Long.toString(SigkillMainFault.LONG_WORK_SECONDS));
    }

    /** Applies to any pod: {@code does} (e.g. "deletes the pod") with the spec's grace period, which the cell names. */
    static WorkloadRule withGracePeriod(String does) {
        return WorkloadRule.needing().saying(facts -> does + " with its grace period, " + facts.gracePeriodSeconds()
                + " s" + (facts.gracePeriodFromSpec() ? "" : " (Kubernetes' default: the spec sets none)"));
    }
}
