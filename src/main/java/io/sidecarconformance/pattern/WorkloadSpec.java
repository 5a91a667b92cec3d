package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The workload a pattern describes, before it becomes a Job: the two containers, where the sidecar goes,
 * and the pod-level settings. Faults shape it through the narrow methods below.
 */
public final class WorkloadSpec {

    private final Map<Role, ContainerBuilder> containers = new EnumMap<>(Role.class);
    private final Placement placement;
    private boolean shareProcessNamespace;
    private Long terminationGracePeriodSeconds;

    public WorkloadSpec(Container main, Container sidecar, Placement placement) {
        containers.put(Role.MAIN, new ContainerBuilder(Objects.requireNonNull(main, "main")));
        containers.put(Role.SIDECAR, new ContainerBuilder(Objects.requireNonNull(sidecar, "sidecar")));
        this.placement = Objects.requireNonNull(placement, "placement");
    }

    public Placement placement() {
        return placement;
    }

    public Container container(Role role) {
        return containers.get(role).build();
    }

    /** Sets (or replaces) an environment variable of one container. */
    public WorkloadSpec env(Role role, String name, String value) {
        ContainerBuilder b = containers.get(role);
        b.removeMatchingFromEnv(e -> e.getName().equals(name));
        b.addToEnv(new EnvVar(name, value, null));
        return this;
    }

    /** Gives one container a memory limit (the request follows it). */
    public WorkloadSpec memoryLimit(Role role, String quantity) {
        containers.get(role).editOrNewResources()
                .addToLimits("memory", new Quantity(quantity))
                .endResources();
        return this;
    }

    public WorkloadSpec shareProcessNamespace(boolean share) {
        this.shareProcessNamespace = share;
        return this;
    }

    public boolean shareProcessNamespace() {
        return shareProcessNamespace;
    }

    public WorkloadSpec terminationGracePeriodSeconds(long seconds) {
        this.terminationGracePeriodSeconds = seconds;
        return this;
    }

    public Long terminationGracePeriodSeconds() {
        return terminationGracePeriodSeconds;
    }
}
