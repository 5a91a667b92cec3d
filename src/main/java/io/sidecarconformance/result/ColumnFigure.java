package io.sidecarconformance.result;

/** Which figure a fault's cells show beside their outcome, as results.json records it. */
public enum ColumnFigure {
    /** The outcome's own: completion time of an ended pod, how long a sidecar outlived main in a stuck one. */
    OUTCOME,
    /** Deletion to pod gone, whatever the outcome. */
    TERMINATION,
    /** The sidecar's outage, from its kill to its next Ready line (or that it never came back). */
    SIDECAR_OUTAGE,
    /** The oom_score_adj the kubelet gave each container. */
    OOM_SCORES
}
