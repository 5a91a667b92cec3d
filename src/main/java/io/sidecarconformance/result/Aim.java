package io.sidecarconformance.result;

/**
 * What a fault is aimed at, as results.json records it. In the order a reader groups them: the legend names the faults
 * aimed at main (MAIN, then POD: a deletion ends main too) in this order.
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

    /** Whether main failing is this fault's doing, not the sidecar's (FAILED_BY_FAULT rather than FAILED). */
    public boolean failsMain() {
        return this == MAIN || this == POD;
    }
}
