package io.sidecarconformance.pattern;

/**
 * The container restart rules the restart-rule patterns give their containers: which exit codes they match and what
 * the pod keeps as the containers' own restartPolicy. 137 is what a kernel OOM kill and a SIGKILL leave (128 + 9), and
 * what main's script returns when its OOM-killed workload does.
 */
public final class RestartRules {

    /** The exit codes every rule matches (operator In). */
    public static final int EXIT_CODE = 137;
    /** A regular container's own restartPolicy under a rule: as the Job's pods (no restart unless a rule matches). */
    public static final String REGULAR_POLICY = "Never";
    /** KEP-5307's action: restart this container in place. */
    public static final String RESTART = "Restart";
    /** KEP-5532's action: restart every container of the pod in place, init containers and sidecars first. */
    public static final String RESTART_ALL = "RestartAllContainers";

    private RestartRules() {
    }

    /** The fixed values, for the report's legend. */
    public static String describe() {
        return "restartPolicy " + REGULAR_POLICY + " on each regular container with a rule; every rule matches exit code In ["
                + EXIT_CODE + "]";
    }
}
