package io.sidecarconformance.pattern;

/**
 * The chain of {@link NativeSidecarChain}, each sidecar with a preStop hook that writes a PreStop line and takes
 * {@link ContainerFactory#PRESTOP_SECONDS}: when the kubelet runs each sidecar's hook (at once when termination
 * starts, or in turn) shows on the timeline.
 */
public final class NativeSidecarChainWithPreStop implements Pattern {

    @Override
    public String id() {
        return "native-multi-prestop";
    }

    @Override
    public String label() {
        return "three native sidecars, each with a preStop hook";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return NativeSidecarChain.chain(containers, ContainerFactory::withPreStop);
    }

    @Override
    public boolean supports(Variant variant) {
        return true;
    }
}
