package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;

import io.sidecarconformance.workload.WorkloadRule;
import io.sidecarconformance.workload.FaultNeed;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * The sidecar's own process exceeds its memory limit while main is busy using it (ARC's dind runner write-up: dind
 * OOM-killed first). Its first process allocates itself ({@code exec dd}), so it is killed on every kind of node
 * ({@link #ON_EACH_NODE}); {@link SidecarChildOomFault} lets a child allocate instead.
 * Main's second use is a busy spell of calls (up to {@link #BUSY_SECONDS}) and the sidecar starts allocating when the
 * spell begins, so the kill meets a call in flight or due on any machine; a single later call would race the
 * allocation and the restart, and the machine's speed would pick the winner.
 */
public final class SidecarOomFault implements Fault {

    /** Bound on main's busy spell: well above the longest allocation seen under load (about 5 s). */
    static final int BUSY_SECONDS = 30;
    /** Between two calls of the spell: far less than any restart of the sidecar takes. */
    static final String BUSY_PAUSE_SECONDS = "0.1";
    /** What each kind of node kills, for the report's legend. */
    static final String ON_EACH_NODE = "the sidecar's first process allocates itself, so it is killed on cgroup v1 and v2"
            + " alike (on v2, memory.oom.group=1, with the rest of the container)";

    @Override
    public String id() {
        return "sidecar-oom";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing(FaultNeed.SIDECAR_MEMORY_LIMIT);
    }

    @Override
    public String label() {
        return "the sidecar is OOM-killed while main calls it";
    }

    @Override
    public Aim aim() {
        return Aim.SIDECAR;
    }

    @Override
    public ColumnFigure figure() {
        return ColumnFigure.SIDECAR_OUTAGE;
    }

    /**
     * A strict client fails at the kill on every pattern and version (its call meets the kill by design): the cell
     * would only restate the client's rule. What it would see is the sidecar's outage, a figure of every cell.
     */
    @Override
    public boolean needsRetryingClient() {
        return true;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        MemoryHog.arm(spec, Role.SIDECAR, kind, "SC_FAULT_SIDECAR", "oom");
        busySpell(spec);
    }

    /** Main's second use as the busy spell the sidecar's allocation waits for (main.sh: busy_use). */
    static void busySpell(WorkloadSpec spec) {
        spec.env(Role.MAIN, "SC_BUSY_SECONDS", Integer.toString(BUSY_SECONDS))
                .env(Role.MAIN, "SC_BUSY_PAUSE_SECONDS", BUSY_PAUSE_SECONDS);
    }
}
