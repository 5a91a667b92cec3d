package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;
import io.sidecarconformance.workload.FaultNeed;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * A Job that tolerates failures (pods restartPolicy OnFailure, backoffLimit {@link #BACKOFF_LIMIT}) whose sidecar
 * crashes {@link #CRASHES} times while main works; later instances serve on and main outlives the crashes
 * ({@link #WORK_SECONDS}): does the Job count the sidecar's restarts against its backoffLimit?
 */
public final class SidecarCrashLoopFault implements Fault {

    static final int BACKOFF_LIMIT = 2;
    /** More crashes than the backoffLimit, so that counting them fails the Job. */
    static final int CRASHES = 3;
    /** Longer than the kubelet's restart back-off after three crashes (about 0 + 10 + 20 s) plus start-ups. */
    static final int WORK_SECONDS = 55;

    @Override
    public String id() {
        return "sidecar-crashloop";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.SIDECAR);
    }

    @Override
    public String label() {
        return "the sidecar crashes three times while main works";
    }

    @Override
    public Aim aim() {
        return Aim.SIDECAR;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.retries("OnFailure", BACKOFF_LIMIT)
                .env(Role.SIDECAR, "SC_FAULT_SIDECAR", "crash-loop")
                .env(Role.SIDECAR, "SC_CRASH_STARTS", Integer.toString(CRASHES))
                .env(Role.MAIN, "SC_WORK_SECONDS", Integer.toString(WORK_SECONDS));
    }
}
