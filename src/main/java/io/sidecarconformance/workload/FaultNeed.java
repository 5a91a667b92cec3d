package io.sidecarconformance.workload;

import io.sidecarconformance.pattern.Role;

import java.util.Optional;
import java.util.function.Function;

/** Something a fault needs of a workload's spec to apply to it; each says, when it is missing, why in words. */
public enum FaultNeed {

    /** A sidecar to aim at. */
    SIDECAR(f -> f.sidecar().isPresent() ? Optional.empty() : Optional.of("the pod has no sidecar (no init container"
            + " with restartPolicy: Always, no regular container beside main)")),

    /** A memory limit on main: the fault allocates past it. */
    MAIN_MEMORY_LIMIT(f -> memoryLimit(f, Role.MAIN)),

    /** A sidecar with a memory limit. */
    SIDECAR_MEMORY_LIMIT(f -> SIDECAR.missing(f).or(() -> memoryLimit(f, Role.SIDECAR))),

    /**
     * A native sidecar with a startupProbe: only then does the kubelet hold main (and later sidecars) back while the
     * sidecar starts, so that there is an init phase to delete the pod in.
     */
    NATIVE_SIDECAR_WITH_STARTUP_PROBE(f -> SIDECAR.missing(f).or(() -> f.sidecar()
            .filter(s -> !s.nativeSidecar() || !s.startupProbe())
            .map(s -> "sidecar " + s.name() + (s.nativeSidecar() ? " has no startupProbe, so the kubelet starts main as soon"
                    + " as it runs and there is no start-up to interrupt" : " is a classic sidecar: main does not wait for it"))));

    private final Function<WorkloadFacts, Optional<String>> missing;

    FaultNeed(Function<WorkloadFacts, Optional<String>> missing) {
        this.missing = missing;
    }

    /** Why this workload lacks what is needed; empty when it has it. */
    public Optional<String> missing(WorkloadFacts facts) {
        return missing.apply(facts);
    }

    private static Optional<String> memoryLimit(WorkloadFacts f, Role role) {
        return f.of(role).filter(c -> c.memoryLimit().isEmpty()).map(c -> role.containerName() + " " + c.name()
                + " has no memory limit (resources.limits.memory), so nothing stops its memory short of the node's;"
                + " give it one to run this fault");
    }
}
