package io.sidecarconformance.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a pod spec needs before roles can be found in it: containers, each with its own name, and a pod that can end. */
final class PodSpecCheck {

    private PodSpecCheck() {
    }

    static void check(PodSpec spec, String source, String file) {
        if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
            throw new WorkloadInputException(file + ": " + source + " has no containers (spec.containers is empty); a pod"
                    + " needs at least one regular container, its main");
        }
        Set<String> names = new HashSet<>();
        named(spec.getInitContainers(), "initContainers", names, source, file);
        named(spec.getContainers(), "containers", names, source, file);
        if ("Always".equals(spec.getRestartPolicy())) {
            throw new WorkloadInputException(file + ": " + source + " has restartPolicy: Always, so main restarts forever"
                    + " and the pod never completes; set restartPolicy: Never (or OnFailure)");
        }
    }

    /** A memory limit the faults will read must be a quantity (the API would refuse the pod anyway). */
    private static void memoryLimit(Container c, String source, String file) {
        Quantity limit = c.getResources() == null || c.getResources().getLimits() == null ? null
                : c.getResources().getLimits().get("memory");
        if (limit == null) {
            return;
        }
        try {
            limit.getNumericalAmount();
        } catch (RuntimeException e) {
            throw new WorkloadInputException(file + ": " + source + ": container " + c.getName() + " has memory limit '"
                    + limit + "', not a quantity; write it as 512Mi, 1Gi or a number of bytes");
        }
    }

    private static void named(List<Container> containers, String field, Set<String> names, String source, String file) {
        for (int i = 0; i < (containers == null ? 0 : containers.size()); i++) {
            String name = containers.get(i).getName();
            if (name == null || name.isBlank()) {
                throw new WorkloadInputException(file + ": " + source + ": spec." + field + "[" + i + "] has no name;"
                        + " name every container (roles and faults go by name)");
            }
            if (!names.add(name)) {
                throw new WorkloadInputException(file + ": " + source + ": two containers are named " + name
                        + "; give each container its own name");
            }
            memoryLimit(containers.get(i), source, file);
        }
    }
}
