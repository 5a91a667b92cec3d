package io.sidecarconformance.workload;

import java.util.Optional;

/**
 * The roles a user names for a workload's containers ({@code -Dworkload.main}, {@code -Dworkload.sidecar}); a role not
 * named is found from the spec.
 *
 * @param main    the regular container that is main; empty to find it (the only regular container)
 * @param sidecar the sidecar the faults aim at; empty for the first native sidecar, else the first classic one
 */
public record RoleNames(Optional<String> main, Optional<String> sidecar) {

    public static final String MAIN_PROPERTY = "workload.main";
    public static final String SIDECAR_PROPERTY = "workload.sidecar";

    public RoleNames {
        main = main.map(String::strip).filter(s -> !s.isEmpty());
        sidecar = sidecar.map(String::strip).filter(s -> !s.isEmpty());
    }

    public static RoleNames none() {
        return new RoleNames(Optional.empty(), Optional.empty());
    }

    /** From the two properties' values, either null or blank when not given. */
    public static RoleNames of(String main, String sidecar) {
        return new RoleNames(Optional.ofNullable(main), Optional.ofNullable(sidecar));
    }
}
