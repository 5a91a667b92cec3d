package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * One fault: it shapes the spec before the Job is created, and/or acts on the running pod once main reports
 * that it is working (so every fault hits the same moment of the workload, whatever the pattern).
 */
public interface Fault {

    /** Id used in feature files and properties, e.g. "sidecar-oom". */
    String id();

    /** One line for reports and error messages. */
    String summary();

    default void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
    }

    /** Acts on the running pod. Called once, on its own thread, when main reports Working. */
    default void act(FaultContext context) {
    }

    /** Whether this fault aims at main, so that main failing is the fault's doing, not the sidecar's. */
    default boolean targetsMain() {
        return false;
    }
}
