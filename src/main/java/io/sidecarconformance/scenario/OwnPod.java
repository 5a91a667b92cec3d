package io.sidecarconformance.scenario;

import io.sidecarconformance.timeline.ContainerNames;
import io.sidecarconformance.workload.Workload;
import io.sidecarconformance.workload.WorkloadRoles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user's own pod as a grid row (-Dworkload): the workload as read from its file, who plays which role in it, and the
 * pattern of main's log lines its faults fire on, if the user chose one.
 */
public record OwnPod(Workload workload, WorkloadRoles roles, Optional<Pattern> fireOn) {

    /** The row's pattern id in a cell's key: "workload:" and the file's name. */
    public static String rowId(Workload workload) {
        return "workload:" + workload.file().getFileName();
    }

    /** The row's sidecar id in a cell's key: the container the sidecar faults aim at, or "none". */
    public String sidecarId() {
        return roles.sidecar().map(s -> s.name()).orElse("none");
    }

    /** The timeline records main and the sidecar under their roles' names. */
    ContainerNames names() {
        Map<String, String> byRole = new LinkedHashMap<>();
        byRole.put(roles.main(), "main");
        roles.sidecar().ifPresent(s -> byRole.put(s.name(), "sidecar"));
        return new ContainerNames(byRole, fireOn);
    }
}
