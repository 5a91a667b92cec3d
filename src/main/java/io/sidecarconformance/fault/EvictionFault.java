package io.sidecarconformance.fault;

import io.sidecarconformance.workload.WorkloadRule;

/**
 * As {@link SigtermFault}, but the pod is evicted through the Eviction API (policy/v1) instead of deleted, as a node
 * drain or a spot reclaim does it (actions/actions-runner-controller#4148, #4197): same spec, same moment, same grace
 * period, so its TERM order and Job outcome compare with sigterm's cell by cell.
 */
public final class EvictionFault implements PodEndingFault {

    @Override
    public String id() {
        return "eviction";
    }

    @Override
    public WorkloadRule onWorkload() {
        return PodEndingFault.withGracePeriod("evicts the pod through the Eviction API");
    }

    @Override
    public String label() {
        return "the pod is evicted (Eviction API) while main works";
    }

    @Override
    public void act(FaultContext context) {
        PodEviction.evict(context, () -> "");
    }
}
