package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * The sidecar's first instance exits 1 {@link #CRASH_AFTER_SECONDS} after it starts, before its service is up; a
 * marker on the shared emptyDir makes every later instance work. A startupProbe's first check is put off to
 * {@link #PROBE_DELAY_SECONDS}, after that exit, so the probe has never run when the first instance dies.
 */
public final class SidecarEarlyCrashFault implements Fault {

    static final int CRASH_AFTER_SECONDS = 2;
    static final int PROBE_DELAY_SECONDS = 5;

    @Override
    public String id() {
        return "sidecar-early-crash";
    }

    @Override
    public String summary() {
        return "sidecar's first start crashes before its startupProbe ever ran; the restart works";
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.env(Role.SIDECAR, "SC_FAULT_SIDECAR", "crash-first")
                .env(Role.SIDECAR, "SC_CRASH_AFTER_SECONDS", Integer.toString(CRASH_AFTER_SECONDS));
        spec.startupProbeInitialDelay(Role.SIDECAR, PROBE_DELAY_SECONDS);
    }
}
