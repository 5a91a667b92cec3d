package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;

/**
 * One fault: it shapes the spec before the Job is created, and/or acts on the running pod at its moment: by default
 * once main reports that it is working (so every fault hits the same moment of the workload, whatever the pattern).
 */
public interface Fault {

    /** Id used in feature files and properties, e.g. "sidecar-oom". */
    String id();

    /** How this fault applies to a user's own pod (-Dworkload): what it needs of the spec, or why it never can. */
    WorkloadRule onWorkload();

    /** A few words for a reader of the report: what happens. */
    String label();

    /** What the fault is aimed at: whether main failing is its doing, and whether it acts on the node. */
    Aim aim();

    /** Which figure its cells show beside their outcome. */
    default ColumnFigure figure() {
        return ColumnFigure.OUTCOME;
    }

    default void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
    }

    /** Acts on the running pod. Called once, on its own thread, at the first event {@link #firesOn} accepts. */
    default void act(FaultContext context) {
    }

    /** The moment to act: by default main's Working line. Called on watch threads: a cheap check only. */
    default boolean firesOn(TimelineEvent e) {
        return e.container().equals(Role.MAIN.containerName()) && e.kind() == EventKind.STEP && e.detail().startsWith("Working");
    }

    /** How long after the event {@link #firesOn} accepts {@link #act} runs: at once, unless a user chose a delay. */
    default java.time.Duration delay() {
        return java.time.Duration.ZERO;
    }

    /** When {@link #act} runs, in words, for a reproduction of the cell: matches {@link #firesOn}. */
    default String moment() {
        return "after main logs Working";
    }

    /**
     * Whether this fault acts on the node (through {@link FaultContext#node()}) rather than on the pod: it needs a
     * provider that can, and every pod on the node feels it, so its scenario runs alone.
     */
    default boolean actsOnNode() {
        return aim() == Aim.NODE;
    }

    /**
     * Whether this fault's cells need a main that retries a failed use (a {@code +tolerant} variant): a client that gives
     * up at its first failed call fails at the fault on every pattern and version, and such a cell says nothing about
     * Kubernetes. The feature check refuses other rows under this fault.
     */
    default boolean needsRetryingClient() {
        return false;
    }

    /** Why this fault's cell is not run at all (NOT_APPLICABLE), if it is not: a fault that does not apply to a user's pod. */
    default java.util.Optional<String> notRunBecause() {
        return java.util.Optional.empty();
    }

    /** Whether this fault aims at main, so that main failing is the fault's doing, not the sidecar's. */
    default boolean targetsMain() {
        return aim().failsMain();
    }
}
