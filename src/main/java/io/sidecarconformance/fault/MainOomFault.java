package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;
import io.sidecarconformance.workload.FaultNeed;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * Main's workload (a child of main's script) exceeds main's memory limit: the done file's OOM hole (see "Where the
 * patterns come from" in docs/patterns-and-faults.md). What dies is the node's policy ({@link #ON_EACH_NODE}).
 */
public final class MainOomFault implements Fault {

    /** What each kind of node kills, for the report's legend. */
    static final String ON_EACH_NODE = "a child of main's shell allocates: on cgroup v1 only that child dies and the shell"
            + " goes on (its Exiting line, its EXIT trap); on cgroup v2 (memory.oom.group=1) the whole container dies (no"
            + " Exiting line, no trap); on v2 with the kubelet's singleProcessOOMKill: true, as on v1";

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
        MemoryHog.arm(spec, Role.MAIN, kind, "SC_FAULT_MAIN", "oom");
    }
}
