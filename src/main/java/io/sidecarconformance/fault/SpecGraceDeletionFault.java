package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.workload.WorkloadRule;

/** A user's pod is deleted while main works, with the grace period its own spec gives (or Kubernetes' default). */
public final class SpecGraceDeletionFault extends OwnPodFault {

    private final long graceSeconds;
    private final boolean fromSpec;

    public SpecGraceDeletionFault(FireMoment when, long graceSeconds, boolean fromSpec) {
        super(when);
        this.graceSeconds = graceSeconds;
        this.fromSpec = fromSpec;
    }

    @Override
    public String id() {
        return "sigterm";
    }

    @Override
    public WorkloadRule onWorkload() {
        return new SigtermFault().onWorkload();
    }

    @Override
    public String label() {
        return "the pod is deleted while main works, with " + (fromSpec ? "its spec's" : "Kubernetes' default")
                + " grace period (" + graceSeconds + " s)";
    }

    @Override
    public Aim aim() {
        return Aim.POD;
    }

    @Override
    public void act(FaultContext context) {
        PodDeletion.delete(context, graceSeconds);
    }
}
