package io.sidecarconformance.result;

/** Something observed on the way to an outcome. Each is decided by one rule in VerdictRules, stated here. */
public enum FindingKind {
    /** Main's first check of the sidecar's service (bounded by the check timeout) failed: it had to wait. */
    RACE_AT_START,
    /** The sidecar container ended and was started again (its restart count rose, or it wrote a second Starting line). */
    SIDECAR_RESTARTED,
    /** Main's use of the sidecar failed while the sidecar was down (from an end to its next Ready line, or to the end). */
    USE_FAILED_WHILE_DOWN,
    /** Main's use failed, it retried, and a later use succeeded (a tolerant client recovered). */
    CLIENT_RECOVERED,
    /** After the deletion, the pod took at least its grace period (less 1.5 s of kubelet rounding) to go. */
    SLOW_TERMINATION,
    /** After the deletion: the order in which containers said they got SIGTERM, relative to main's exit. */
    TERM_ORDER,
    /** A container's Started or Ready went false and came back true while the same instance ran (no end between). */
    STATUS_RESET,
    /** The Job's terminal condition was seen more than 1 s before the pod was terminal or gone. */
    JOB_BEFORE_POD,
    /** A container that ended on its own wrote other output just before: kept verbatim (e.g. dockerd's log tail). */
    CONTAINER_OUTPUT,
    /** The API refused the suite's eviction of the pod (429 Too Many Requests): it deleted nothing. */
    EVICTION_REFUSED,
    /**
     * Main used the sidecar while it drained after its SIGTERM: a use was answered ok, none failed, and no use was left
     * unanswered at main's end, longer than the slowest use to end (answered ok or failed) took, by a sidecar that had said it
     * got SIGTERM before main ended.
     */
    SIDECAR_SERVED_DRAIN,
    /**
     * Main used the sidecar while it drained after its SIGTERM: a use failed, or one was left unanswered at main's end,
     * longer than the slowest use to end (answered ok or failed) took (or with none ended), by a sidecar that had said it got
     * SIGTERM before main ended.
     */
    SIDECAR_GONE_IN_DRAIN,
    /**
     * Main began using the sidecar while it drained after its SIGTERM, but no use ended (answered or failed) before main
     * did, and the sidecar had not said SIGTERM by then: nothing says whether the sidecar was there.
     */
    SIDECAR_DRAIN_UNDECIDED,
    /** A container's stop signal was not SIGTERM: the kubelet reported another in effect, or another reached it. */
    STOP_SIGNAL,
    /**
     * After a deletion, for each container with a readinessProbe and for the pod: when its Ready went false while it
     * still ran, or that it stayed Ready until it ended (the readyAfterDeletion figure, in words).
     */
    READY_IN_GRACE
}
