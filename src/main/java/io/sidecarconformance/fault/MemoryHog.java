package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/** Gives one container a memory limit and makes it allocate well above it: a real kernel OOM kill. */
final class MemoryHog {

    private MemoryHog() {
    }

    static void arm(WorkloadSpec spec, Role role, SidecarKind kind, String envSwitch) {
        boolean heavy = kind == SidecarKind.DIND;
        // dockerd and the docker CLI need headroom of their own; the allocation must still dwarf the limit.
        String limit = heavy ? "384Mi" : "48Mi";
        int allocateMiB = heavy ? 1024 : 256;
        spec.memoryLimit(role, limit)
                .env(role, envSwitch, "oom")
                .env(role, "SC_OOM_MB", Integer.toString(allocateMiB));
    }
}
