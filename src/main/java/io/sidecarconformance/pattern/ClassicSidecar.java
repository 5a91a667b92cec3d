package io.sidecarconformance.pattern;

/** ARC's classic dind runner spec: the sidecar is a second regular container; nothing tells it main is done. */
public final class ClassicSidecar implements Pattern {

    @Override
    public String id() {
        return "classic";
    }

    @Override
    public String label() {
        return "the sidecar is a second regular container";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new WorkloadSpec(containers.main("none"), containers.sidecar("none"), Placement.CONTAINER);
    }
}
