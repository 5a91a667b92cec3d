package io.sidecarconformance.result;

/**
 * What the Job ended as, decided from what was observed only. What was seen on the way is a {@link Finding}.
 * Rules, first match wins (see VerdictRules): ERROR, NOT_APPLICABLE, REJECTED, DROPPED, TIMEOUT (the scenario's
 * deadline passed first), STUCK (the pod did not end, whatever the Job says), then the Job's terminal condition: SUCCEEDED, FAILED_BY_FAULT, FAILED.
 */
public enum Outcome {
    /** The Job reached its Complete condition. */
    SUCCEEDED,
    /** The Job reached its Failed condition, and the fault was aimed at main (OOM, SIGKILL, deletion): expected of it. */
    FAILED_BY_FAULT,
    /** The Job reached its Failed condition and no fault was aimed at main: the sidecar, or the pattern, failed it. */
    FAILED,
    /**
     * No terminal Job condition: main ended (or never started) and the pod was not terminal a stuck window later,
     * or the pod ended and the Job had no terminal condition a Job window later.
     */
    STUCK,
    /**
     * The scenario's deadline (from the Job's creation) passed before any end-of-observation rule held: neither the
     * pod and Job ended, nor did a stuck or Job window run out. A container had started (else ERROR).
     */
    TIMEOUT,
    /** The API server refused the pattern's spec (and refused it without the fault's fields too). */
    REJECTED,
    /** The API server accepted the spec but silently dropped a field we set. */
    DROPPED,
    /** The API server refused only what the fault adds to the spec (the same spec without it was accepted). */
    NOT_APPLICABLE,
    /**
     * Infrastructure failed (cluster unavailable, namespace not created, API error, image not pullable, watch lost,
     * fault not injected), or no container ever started. Never a statement about a pattern.
     */
    ERROR;

    public boolean isPatternOutcome() {
        return this != ERROR;
    }
}
