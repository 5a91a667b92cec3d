package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/** Gives one container a memory limit and makes it allocate well above it: a real kernel OOM kill. */
final class MemoryHog {

    static final String LIGHT_LIMIT = "48Mi";
    static final int LIGHT_ALLOCATION_MIB = 256;
    static final String DIND_LIMIT = "384Mi";
    static final int DIND_ALLOCATION_MIB = 1024;

    private MemoryHog() {
    }

    /** The fixed sizes, for the report's legend. */
    static String describe() {
        return "light and proxy: limit " + LIGHT_LIMIT + ", allocates " + LIGHT_ALLOCATION_MIB + " MiB; dind: limit " + DIND_LIMIT
                + ", allocates " + DIND_ALLOCATION_MIB + " MiB";
    }

    static void arm(WorkloadSpec spec, Role role, SidecarKind kind, String envSwitch) {
        boolean heavy = kind == SidecarKind.DIND;
        // dockerd and the docker CLI need headroom of their own; the allocation must still dwarf the limit. HAProxy's
        // resident set (about 14 MiB with maxconn 256) fits the light limit.
        String limit = heavy ? DIND_LIMIT : LIGHT_LIMIT;
        int allocateMiB = heavy ? DIND_ALLOCATION_MIB : LIGHT_ALLOCATION_MIB;
        spec.memoryLimit(role, limit)
                .env(role, envSwitch, "oom")
                .env(role, "SC_OOM_MB", Integer.toString(allocateMiB));
    }
}
