package io.sidecarconformance.pattern;

/** ARC ADR 0072 (evaluated and rejected there): the sidecar is injected as an ephemeral container once main runs. */
public final class EphemeralSidecar implements Pattern {

    @Override
    public String id() {
        return "ephemeral";
    }

    @Override
    public String label() {
        return "the sidecar is injected as an ephemeral container once main runs";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new WorkloadSpec(containers.main("none"), containers.sidecar("none"), Placement.EPHEMERAL);
    }

    /** An ephemeral container may declare no probes: no +probe, and no +ready (its sidecar would lose the probe). */
    @Override
    public boolean supports(Variant variant) {
        return !variant.startupProbe() && !variant.readinessProbe();
    }
}
