package io.sidecarconformance.cluster;

/** The cluster cannot be used: an infrastructure error, reported as one line (what is wrong, what to do). */
public class ClusterUnavailableException extends RuntimeException {

    public ClusterUnavailableException(String oneLine) {
        super(oneLine);
    }

    public ClusterUnavailableException(String oneLine, Throwable cause) {
        super(oneLine, cause);
    }
}
