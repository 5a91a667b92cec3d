package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/** The sidecar's own process exceeds its memory limit once main has started using it (seed 000: dind OOM-killed first). */
public final class SidecarOomFault implements Fault {

    @Override
    public String id() {
        return "sidecar-oom";
    }

    @Override
    public String summary() {
        return "sidecar OOM-killed while main works";
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        MemoryHog.arm(spec, Role.SIDECAR, kind, "SC_FAULT_SIDECAR");
    }
}
