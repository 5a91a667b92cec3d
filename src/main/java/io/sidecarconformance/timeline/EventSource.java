package io.sidecarconformance.timeline;

/** Where a timeline entry was observed. */
public enum EventSource {
    /** A line a test container wrote to its stdout. */
    LOG,
    /** The pod's status, seen through a watch. */
    STATUS,
    /** The Job's status, seen through a watch. */
    JOB,
    /** A Kubernetes Event object. */
    EVENT,
    /** The suite itself. */
    SUITE
}
