package io.sidecarconformance.fault;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * As {@link SigtermFault}, with main given its own stop signal, {@code lifecycle.stopSignal: SIGUSR1} (KEP-4960,
 * alpha in 1.33 behind ContainerStopSignals), and the pod {@code spec.os.name: linux}, which upstream validation
 * requires of a pod that sets one. Main traps SIGUSR1 as it traps SIGTERM and says which it got. What the API does
 * with the field (refuses it, drops it, keeps it) and which signal main's first process then gets is what the cell
 * records: nothing here knows which version does what.
 */
public final class StopSignalFault implements PodEndingFault {

    /** The signal main asks for: one the busybox scripts can trap and no runtime sends by default. */
    static final String SIGNAL = "SIGUSR1";
    static final String OS = "linux";

    @Override
    public String id() {
        return "stop-signal";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.never("it gives main a stop signal that only the suite's own main script is known to trap;"
                + " sigterm deletes the pod with the spec's own stop signals");
    }

    @Override
    public String label() {
        return "main's stop signal is " + SIGNAL + " (lifecycle.stopSignal); the pod is deleted while main works";
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        PodEndingFault.super.shape(spec, kind, settings);
        spec.stopSignal(Role.MAIN, SIGNAL).osName(OS)
                .env(Role.MAIN, "SC_STOP_SIGNAL", SIGNAL.substring("SIG".length()));
    }

    @Override
    public void act(FaultContext context) {
        PodDeletion.delete(context);
    }
}
