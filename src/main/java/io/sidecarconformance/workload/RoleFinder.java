package io.sidecarconformance.workload;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.sidecarconformance.pattern.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds main and the sidecars in a pod spec. Native sidecars are init containers with restartPolicy: Always; a single
 * regular container is main; with several, {@code -Dworkload.main} says which (the others are classic sidecars). The
 * sidecar the faults aim at is {@code -Dworkload.sidecar}, else the first native sidecar, else the first classic one.
 * A name that is not in the spec, or not in a role it can play, is one line listing the containers there are.
 */
public final class RoleFinder {

    private RoleFinder() {
    }

    /** @throws WorkloadInputException one line: the name or the missing choice, and the containers to choose from */
    public static WorkloadRoles find(Workload workload, RoleNames names) {
        PodSpec spec = workload.podSpec();
        String file = workload.file().toString();
        List<Container> inits = spec.getInitContainers() == null ? List.of() : spec.getInitContainers();
        List<String> regular = spec.getContainers().stream().map(Container::getName).toList();
        List<String> plainInits = inits.stream().filter(c -> !isNative(c)).map(Container::getName).toList();
        List<String> nativeNames = inits.stream().filter(RoleFinder::isNative).map(Container::getName).toList();

        String main = main(names, regular, nativeNames, plainInits, spec, file);
        List<SidecarContainer> sidecars = new ArrayList<>();
        nativeNames.forEach(n -> sidecars.add(new SidecarContainer(n, Placement.NATIVE_INIT)));
        regular.stream().filter(n -> !n.equals(main)).forEach(n -> sidecars.add(new SidecarContainer(n, Placement.CONTAINER)));
        Optional<SidecarContainer> sidecar = names.sidecar().isPresent()
                ? Optional.of(named(names.sidecar().get(), main, sidecars, plainInits, spec, file))
                : sidecars.stream().findFirst();
        return new WorkloadRoles(main, sidecar, sidecars, plainInits);
    }

    static boolean isNative(Container c) {
        return "Always".equals(c.getRestartPolicy());
    }

    private static String main(RoleNames names, List<String> regular, List<String> nativeNames, List<String> plainInits,
                               PodSpec spec, String file) {
        String property = "-D" + RoleNames.MAIN_PROPERTY + "=";
        if (names.main().isPresent()) {
            String name = names.main().get();
            if (regular.contains(name)) {
                return name;
            }
            String what = nativeNames.contains(name) ? " is a native sidecar (an init container with restartPolicy: Always)"
                    : plainInits.contains(name) ? " is an init container, done before main starts"
                    : ": there is no container " + name + " in " + file;
            throw new WorkloadInputException(property + name + what + "; main is one of the regular containers: "
                    + String.join(", ", regular) + " (all containers: " + containers(spec) + ")");
        }
        if (regular.size() == 1) {
            return regular.get(0);
        }
        Optional<String> sidecar = names.sidecar().filter(regular::contains);
        if (regular.size() == 2 && sidecar.isPresent()) {
            return regular.get(0).equals(sidecar.get()) ? regular.get(1) : regular.get(0);
        }
        throw new WorkloadInputException(file + " has " + regular.size() + " regular containers (" + String.join(", ", regular)
                + "): say which is main with " + property + "<name>; the others are its classic sidecars");
    }

    private static SidecarContainer named(String name, String main, List<SidecarContainer> sidecars, List<String> plainInits,
                                          PodSpec spec, String file) {
        String property = "-D" + RoleNames.SIDECAR_PROPERTY + "=" + name;
        Optional<SidecarContainer> found = sidecars.stream().filter(s -> s.name().equals(name)).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String what = name.equals(main) ? " is main"
                : plainInits.contains(name) ? " is a plain init container (no restartPolicy: Always), done before main starts"
                : ": there is no container " + name + " in " + file;
        String choices = sidecars.isEmpty() ? "the pod has no sidecar (all containers: " + containers(spec) + ")"
                : "its sidecars are: " + sidecars.stream().map(SidecarContainer::name).collect(Collectors.joining(", "));
        throw new WorkloadInputException(property + what + "; " + choices);
    }

    /** "init-dind-externals (init), dind (native sidecar), runner": every container in the order the pod starts them. */
    static String containers(PodSpec spec) {
        List<String> all = new ArrayList<>();
        if (spec.getInitContainers() != null) {
            spec.getInitContainers().forEach(c -> all.add(c.getName() + (isNative(c) ? " (native sidecar)" : " (init)")));
        }
        spec.getContainers().forEach(c -> all.add(c.getName()));
        return String.join(", ", all);
    }
}
