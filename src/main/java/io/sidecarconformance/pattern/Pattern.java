package io.sidecarconformance.pattern;

/** One way of running a sidecar next to a main container. Builds the workload; knows nothing of outcomes. */
public interface Pattern {

    /** Id used in feature files and properties, e.g. "native". */
    String id();

    /** A few words for a reader of the report: what it is. */
    String label();

    WorkloadSpec workload(ContainerFactory containers);

    /**
     * Whether a variant makes sense for this pattern (startup probes only where a probe gates main; readiness probes
     * wherever a container can declare one).
     */
    default boolean supports(Variant variant) {
        return !variant.startupProbe();
    }
}
