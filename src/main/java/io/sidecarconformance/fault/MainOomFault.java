package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;
import io.sidecarconformance.workload.FaultNeed;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * Main's workload (a child of main's script) exceeds main's memory limit: the done file's OOM hole (see "Where the
 * patterns come from" in docs/patterns-and-faults.md).
 */
public final class MainOomFault implements Fault {

    @Override
    public String id() {
        return "main-oom";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.MAIN_MEMORY_LIMIT);
    }

    @Override
    public String label() {
        return "main's workload is OOM-killed";
    }

    @Override
    public Aim aim() {
        return Aim.MAIN;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        MemoryHog.arm(spec, Role.MAIN, kind, "SC_FAULT_MAIN");
    }
}
