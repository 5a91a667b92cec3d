package io.sidecarconformance.verdict;

import java.time.Instant;
import java.util.Objects;

/**
 * Why observation of a scenario stopped, and the moment (runner clock) that decided it.
 *
 * @param kind      which end-of-observation rule held
 * @param reason    the rule in words, with its window
 * @param decidedAt when it held: the deciding event's arrival, or the end of the window that elapsed
 */
public record Ending(Kind kind, String reason, Instant decidedAt) {

    public enum Kind {
        /** The suite could not observe or act (cluster, image, watch, fault injection). */
        INFRA_ERROR,
        /** The fault cannot be applied on this cluster (it acts on a node the suite does not run): nothing was created. */
        NOT_RUN,
        /** The API server refused the spec: nothing will run. */
        REFUSED,
        /** The pod ended (terminal, or gone after a deletion) and the Job reached a terminal condition. */
        POD_AND_JOB_ENDED,
        /** The pod ended, but the Job had no terminal condition a Job window later. */
        JOB_NOT_TERMINAL,
        /** Main's last instance ended, and the pod had not ended a stuck window later. */
        POD_NOT_ENDED,
        /** The suite deleted the pod, and it was not gone its grace period plus a stuck window later. */
        POD_NOT_GONE,
        /** The sidecar said Ready, and main had not started a stuck window later. */
        MAIN_NEVER_STARTED,
        /** The scenario's deadline passed before any rule above held (the outcome is TIMEOUT). */
        DEADLINE;

        /** The pod itself ended: the outcome comes from the Job. Otherwise something hung. */
        public boolean podEnded() {
            return this == POD_AND_JOB_ENDED || this == JOB_NOT_TERMINAL;
        }
    }

    public Ending {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
