package io.sidecarconformance.workload;

import io.sidecarconformance.pattern.Role;

import java.util.List;
import java.util.Optional;

/**
 * Who is who in a workload's pod: the same two roles the patterns have, by container name.
 *
 * @param main               the regular container whose end is the pod's purpose
 * @param sidecar            the sidecar the faults aim at, if the pod has any
 * @param sidecars           every sidecar: the native ones in start order, then the classic ones in spec order
 * @param plainInitContainers init containers without restartPolicy: Always, kept as they are, with no role
 */
public record WorkloadRoles(String main, Optional<SidecarContainer> sidecar, List<SidecarContainer> sidecars,
                            List<String> plainInitContainers) {

    public WorkloadRoles {
        sidecars = List.copyOf(sidecars);
        plainInitContainers = List.copyOf(plainInitContainers);
    }

    /** The container playing a role: main always, the sidecar when there is one. */
    public Optional<String> containerName(Role role) {
        return switch (role) {
            case MAIN -> Optional.of(main);
            case SIDECAR -> sidecar.map(SidecarContainer::name);
        };
    }

    /** In words, for a report's row and a test: "main=runner sidecar=dind(native)", "+ more sidecars, - init containers". */
    public String describe() {
        StringBuilder b = new StringBuilder("main=").append(main);
        sidecar.ifPresent(s -> b.append(" sidecar=").append(label(s)));
        sidecars.stream().filter(s -> sidecar.map(t -> !t.equals(s)).orElse(true))
                .forEach(s -> b.append(" other-sidecar=").append(label(s)));
        plainInitContainers.forEach(n -> b.append(" init=").append(n));
        return b.toString();
    }

    private static String label(SidecarContainer s) {
        return s.name() + (s.isNative() ? "(native)" : "(classic)");
    }
}
