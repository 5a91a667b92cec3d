package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.workload.WorkloadRule;

/**
 * One of our faults whose action needs nothing of the pod's images (the baseline, a kubelet restart), fired on a user's
 * own pod at the moment the user chose instead of at our containers' event line.
 */
final class AtMoment extends OwnPodFault {

    private final Fault fault;

    AtMoment(Fault fault, FireMoment when) {
        super(when);
        this.fault = fault;
    }

    @Override
    public String id() {
        return fault.id();
    }

    @Override
    public WorkloadRule onWorkload() {
        return fault.onWorkload();
    }

    @Override
    public String label() {
        return fault.label();
    }

    @Override
    public Aim aim() {
        return fault.aim();
    }

    @Override
    public ColumnFigure figure() {
        return fault.figure();
    }

    @Override
    public boolean actsOnNode() {
        return fault.actsOnNode();
    }

    @Override
    public void act(FaultContext context) {
        fault.act(context);
    }
}
