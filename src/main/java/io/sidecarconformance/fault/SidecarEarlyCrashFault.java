package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;
import io.sidecarconformance.workload.FaultNeed;

import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * The sidecar's first {@link #CRASHING_STARTS} instances exit 1 {@link #CRASH_AFTER_SECONDS} after they start, before
 * their service is up; markers on the shared emptyDir make every later instance work. The second crash puts the
 * sidecar in the kubelet's restart back-off (10 s), so its startupProbe's worker finds it terminated, never having
 * passed a check: its first check is put off to {@link #PROBE_DELAY_SECONDS} after a start, after the first crash.
 * Main declares a readinessProbe that always passes, as most services do: the kubelet then has a probe worker for
 * main, which kubernetes#132826 shows keeps the sidecar's ended startup-probe worker from being made again.
 */
public final class SidecarEarlyCrashFault implements Fault {

    static final int CRASHING_STARTS = 2;
    static final int CRASH_AFTER_SECONDS = 2;
    static final int PROBE_DELAY_SECONDS = 5;

    @Override
    public String id() {
        return "sidecar-early-crash";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.SIDECAR);
    }

    @Override
    public String label() {
        return "the sidecar's first two starts crash";
    }

    @Override
    public Aim aim() {
        return Aim.SIDECAR;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.env(Role.SIDECAR, "SC_FAULT_SIDECAR", "crash-early")
                .env(Role.SIDECAR, "SC_CRASH_STARTS", Integer.toString(CRASHING_STARTS))
                .env(Role.SIDECAR, "SC_CRASH_AFTER_SECONDS", Integer.toString(CRASH_AFTER_SECONDS));
        spec.startupProbeInitialDelay(Role.SIDECAR, PROBE_DELAY_SECONDS);
        spec.readinessProbe(Role.MAIN, alwaysReady());
    }

    private static Probe alwaysReady() {
        return new ProbeBuilder().withNewExec().withCommand("/bin/true").endExec().withPeriodSeconds(1).build();
    }
}
