package io.sidecarconformance.pattern;

/** Where a pattern puts its sidecar in the pod. */
public enum Placement {
    /** A regular container beside main. */
    CONTAINER,
    /** An init container with restartPolicy: Always (KEP-753). */
    NATIVE_INIT,
    /** An ephemeral container added through the pods/ephemeralcontainers subresource once main runs. */
    EPHEMERAL
}
