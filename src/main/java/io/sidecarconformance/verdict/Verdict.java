package io.sidecarconformance.verdict;

/** The outcome of one scenario, decided from its timeline only. */
public enum Verdict {
    /** Pod (or Job) reached a terminal state within the deadline. */
    COMPLETED,
    /** Main finished but the pod was not terminal by the deadline (a sidecar kept it alive), or nothing ran. */
    STUCK,
    /** Main started before the sidecar was ready: its first look at the sidecar found it not answering. */
    RACE,
    /** Main failed, and no fault aimed at main explains it: the sidecar let it down. */
    MAIN_FAILED,
    /** After a deletion, the pod took the whole grace period to go (something ignored SIGTERM). */
    SLOW_TERMINATION,
    /** The API server refused the spec. */
    REJECTED,
    /** The API server accepted the spec but silently dropped a field we set. */
    DROPPED,
    /** Infrastructure failed (cluster down, image absent, timeout of the suite itself). Never a pattern verdict. */
    ERROR;

    public boolean isPatternVerdict() {
        return this != ERROR;
    }
}
