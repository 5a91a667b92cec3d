package io.sidecarconformance.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.Optional;

/**
 * What a fault needs to know of one container that plays a role.
 *
 * @param name          the container's name
 * @param memoryLimit   its resources.limits.memory; empty when it has none (or zero)
 * @param nativeSidecar whether it is an init container with restartPolicy: Always
 * @param startupProbe  whether it has a startupProbe (for a native sidecar: whether the kubelet waits for it)
 */
public record ContainerFacts(String name, Optional<Quantity> memoryLimit, boolean nativeSidecar, boolean startupProbe) {

    static ContainerFacts of(Container c) {
        Quantity limit = c.getResources() == null || c.getResources().getLimits() == null ? null
                : c.getResources().getLimits().get("memory");
        Optional<Quantity> memory = Optional.ofNullable(limit).filter(q -> q.getNumericalAmount().signum() > 0);
        return new ContainerFacts(c.getName(), memory, RoleFinder.isNative(c), c.getStartupProbe() != null);
    }
}
