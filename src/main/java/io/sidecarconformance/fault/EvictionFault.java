package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * As {@link SigtermFault}, but the pod is evicted through the Eviction API (policy/v1) instead of deleted, as a node
 * drain or a spot reclaim does it (actions/actions-runner-controller#4148, #4197): same spec, same moment, same grace
 * period, so its TERM order and Job outcome compare with sigterm's cell by cell.
 */
public final class EvictionFault implements Fault {

    @Override
    public String id() {
        return "eviction";
    }

    @Override
    public WorkloadRule onWorkload() {
        return SigtermFault.withGracePeriod("evicts the pod through the Eviction API");
    }

    @Override
    public String label() {
        return "the pod is evicted (Eviction API) while main works";
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
        new SigtermFault().shape(spec, kind, settings);
    }

    @Override
    public void act(FaultContext context) {
        PodEviction.evict(context, () -> "");
    }
}
