package io.sidecarconformance.pattern;

/**
 * ARC's native dind spec and the 1.28 native-sidecar Job write-up: an init container with restartPolicy: Always,
 * optionally a startupProbe.
 */
public final class NativeSidecar implements Pattern {

    @Override
    public String id() {
        return "native";
    }

    @Override
    public String label() {
        return "an init container with restartPolicy: Always (KEP-753)";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new WorkloadSpec(containers.main("none"), containers.sidecar("none"), Placement.NATIVE_INIT);
    }

    @Override
    public boolean supports(Variant variant) {
        return true;
    }
}
