package io.sidecarconformance.fault;

/**
 * What a fault is aimed at. results.json records it as {@code result.Aim} of the same name (the report cannot read
 * this package); both list the same constants, in the same order.
 */
public enum Aim {
    /** Nothing fails: the baseline, or a fault that only measures. */
    NONE,
    SIDECAR,
    MAIN,
    /** The whole pod (a deletion): main is ended with the rest. */
    POD,
    /** The node the pod runs on (the kubelet): every pod there feels it. */
    NODE;

    /** Whether main failing is this fault's doing, not the sidecar's. */
    public boolean failsMain() {
        return this == MAIN || this == POD;
    }
}
