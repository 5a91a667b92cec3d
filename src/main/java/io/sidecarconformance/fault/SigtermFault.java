package io.sidecarconformance.fault;

import io.sidecarconformance.workload.WorkloadRule;

/**
 * The pod is deleted with a grace period while main works: every container gets SIGTERM (shell form against exec form,
 * as the self-hosted-runner write-up compares them).
 */
public final class SigtermFault implements PodEndingFault {

    @Override
    public String id() {
        return "sigterm";
    }

    @Override
    public WorkloadRule onWorkload() {
        return PodEndingFault.withGracePeriod("deletes the pod");
    }

    @Override
    public String label() {
        return "the pod is deleted while main works";
    }

    @Override
    public void act(FaultContext context) {
        PodDeletion.delete(context);
    }
}
