package io.sidecarconformance.timeline;

/** What a timeline entry records. The first four come from the containers' own event lines. */
public enum EventKind {
    /** A test container's script began (its first line). */
    STARTING,
    /** A sidecar's service answers (the sidecar checked it itself). */
    READY,
    /** A test container's script is about to exit with a code. */
    EXITING,
    /** Any other step a test container reported: Waiting, Working, Retrying, Recovered, Delaying, Allocating, ChildEnded. */
    STEP,
    /** The last lines a container wrote that were not event lines (e.g. dockerd's log tail), kept when its log ended. */
    OUTPUT,
    /** Container reported running by the kubelet (pod status). */
    RUNNING,
    /** Container reported terminated by the kubelet, with exit code and reason. */
    TERMINATED,
    /**
     * Container's ready flag or started flag flipped in pod status (for container "pod": the pod's Ready condition), or
     * another change of its status (waiting reason, restart count, stop signal).
     */
    STATUS,
    /** A container's readinessProbe as the pod's spec declares it, once, when the pod is first seen. */
    PROBE,
    /** Pod phase changed. */
    PHASE,
    /** Job condition appeared (Complete, Failed, ...). */
    JOB,
    /** A Kubernetes Event about the pod (Killing, OOMKilling, BackOff, ...). */
    EVENT,
    /** Something the suite did: created the Job, injected a fault, deleted the pod. */
    ACTION,
    /** The pod is gone from the API. */
    DELETED,
    /** A line of a user's own container (-Dworkload) matched the pattern a fault fires on (-Dworkload.fireOn). */
    LOG_MATCH
}
