package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;

/** The baseline: nothing goes wrong. */
public final class NoFault implements Fault {

    @Override
    public String id() {
        return "none";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing();
    }

    @Override
    public String label() {
        return "nothing goes wrong (the baseline)";
    }

    @Override
    public Aim aim() {
        return Aim.NONE;
    }
}
