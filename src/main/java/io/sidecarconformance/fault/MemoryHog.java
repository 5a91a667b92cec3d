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

    /**
     * @param envSwitch the script's fault switch (SC_FAULT_SIDECAR, SC_FAULT_MAIN)
     * @param how       its value: which process of the script allocates (sidecar.sh: "oom" its first process itself,
     *                  "child-oom" a child of it; main.sh: "oom", a child of main's shell)
     */
    static void arm(WorkloadSpec spec, Role role, SidecarKind kind, String envSwitch, String how) {
        boolean heavy = kind == SidecarKind.DIND;
        // dockerd and the docker CLI need headroom of their own; the allocation must still dwarf the limit. HAProxy's
        // resident set (about 14 MiB with maxconn 256) fits the light limit.
        String limit = heavy ? DIND_LIMIT : LIGHT_LIMIT;
        int allocateMiB = heavy ? DIND_ALLOCATION_MIB : LIGHT_ALLOCATION_MIB;
        spec.memoryLimit(role, limit)
                .env(role, envSwitch, how)
                .env(role, "SC_OOM_MB", Integer.toString(allocateMiB));
    }
}
