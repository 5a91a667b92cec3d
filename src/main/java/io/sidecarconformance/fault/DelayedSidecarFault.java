package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;
import io.sidecarconformance.workload.FaultNeed;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/** The sidecar's service starts only after a delay (ARC's dind runner write-up: dind can start late). */
public final class DelayedSidecarFault implements Fault {

    @Override
    public String id() {
        return "delayed-sidecar";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.SIDECAR);
    }

    @Override
    public String label() {
        return "the sidecar's service starts late";
    }

    @Override
    public Aim aim() {
        return Aim.SIDECAR;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.env(Role.SIDECAR, "SC_DELAY_SECONDS", Integer.toString(settings.delaySeconds()));
    }
}
