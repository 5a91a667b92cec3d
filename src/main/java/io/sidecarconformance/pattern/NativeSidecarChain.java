package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;

import java.util.function.UnaryOperator;

/**
 * Three native sidecars started in order (the first is the light, dind or proxy sidecar main uses, the others light
 * services on their own ports), then main: KEP-753 starts them one after another and, from 1.29, stops them in
 * reverse order once main has ended.
 */
public final class NativeSidecarChain implements Pattern {

    /** How many sidecars the chain has. */
    static final int SIDECARS = 3;
    /**
     * Each sidecar of the chain serves on this long after its SIGTERM before it stops, as a draining proxy does. It makes
     * the stop order something the containers' clocks can resolve: stopped in reverse order, a sidecar gets SIGTERM
     * after the next one has ended, a drain later; stopped all at once, each gets it a drain before the next one ends.
     */
    public static final int DRAIN_SECONDS = 1;

    @Override
    public String id() {
        return "native-multi";
    }

    @Override
    public String label() {
        return "three native sidecars started in order";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return chain(containers, UnaryOperator.identity());
    }

    @Override
    public boolean supports(Variant variant) {
        return true;
    }

    /** The chain, each sidecar passed through {@code each} (e.g. to give it a hook). */
    static WorkloadSpec chain(ContainerFactory containers, UnaryOperator<Container> each) {
        WorkloadSpec w = new WorkloadSpec(containers.main("none"), each.apply(containers.sidecar("none")), Placement.NATIVE_INIT);
        for (int n = 2; n <= SIDECARS; n++) {
            w.addSidecar(each.apply(containers.moreSidecar(n)));
        }
        for (String sidecar : w.sidecarNames()) {
            w.env(sidecar, "SC_TERM_DRAIN_SECONDS", Integer.toString(DRAIN_SECONDS));
        }
        return w;
    }
}
