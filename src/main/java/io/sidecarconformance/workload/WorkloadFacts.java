package io.sidecarconformance.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.sidecarconformance.pattern.Role;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the faults need to know of a workload to say whether they apply: main's and the sidecar's facts and the pod's
 * termination grace period.
 *
 * @param main               main's facts
 * @param sidecar            the facts of the sidecar the faults aim at; empty when the pod has no sidecar
 * @param gracePeriodSeconds the pod's terminationGracePeriodSeconds, or Kubernetes' default when the spec sets none
 * @param gracePeriodFromSpec whether the spec sets it
 */
public record WorkloadFacts(ContainerFacts main, Optional<ContainerFacts> sidecar, long gracePeriodSeconds,
                            boolean gracePeriodFromSpec) {

    /** What the API server defaults terminationGracePeriodSeconds to. */
    public static final long DEFAULT_GRACE_PERIOD_SECONDS = 30;

    public static WorkloadFacts of(Workload workload, WorkloadRoles roles) {
        PodSpec spec = workload.podSpec();
        Long grace = spec.getTerminationGracePeriodSeconds();
        return new WorkloadFacts(
                ContainerFacts.of(container(spec, roles.main())),
                roles.sidecar().map(s -> ContainerFacts.of(container(spec, s.name()))),
                grace == null ? DEFAULT_GRACE_PERIOD_SECONDS : grace,
                grace != null);
    }

    /** The facts of the container that plays {@code role}. */
    public Optional<ContainerFacts> of(Role role) {
        return role == Role.MAIN ? Optional.of(main) : sidecar;
    }

    private static Container container(PodSpec spec, String name) {
        List<Container> inits = spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
        return Stream.concat(inits.stream(), spec.getContainers().stream()).filter(c -> name.equals(c.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no container " + name + " in the pod spec"));
    }
}
