package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.workload.WorkloadRule;

/**
 * One of our faults whose action needs nothing of the pod's images (the baseline, a kubelet restart, a deletion or an
 * eviction), fired on a user's own pod at the moment the user chose instead of at our containers' event line; a
 * deletion or an eviction with the grace period the pod's spec gives.
 */
final class AtMoment extends OwnPodFault {

    /** The grace period of a user's pod: its spec's, or Kubernetes' default when the spec sets none. */
    record Grace(long seconds, boolean fromSpec) {
    }

    private final Fault fault;
    private final java.util.Optional<Grace> grace;

    AtMoment(Fault fault, FireMoment when) {
        this(fault, when, java.util.Optional.empty());
    }

    AtMoment(Fault fault, FireMoment when, java.util.Optional<Grace> grace) {
        super(when);
        this.fault = fault;
        this.grace = grace;
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
        return fault.label() + grace.map(g -> ", with " + (g.fromSpec() ? "its spec's" : "Kubernetes' default")
                + " grace period (" + g.seconds() + " s)").orElse("");
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
        fault.act(grace.map(g -> context.withSettings(new FaultSettings(context.settings().delaySeconds(), g.seconds())))
                .orElse(context));
    }
}
