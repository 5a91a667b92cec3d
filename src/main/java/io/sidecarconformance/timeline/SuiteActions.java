package io.sidecarconformance.timeline;

/**
 * How the suite's own timeline lines ({@link EventKind#ACTION}) begin where a rule reads them: the fault that writes
 * one and the rule that reads it share these words.
 */
public final class SuiteActions {

    /** The API answered an eviction with 429 Too Many Requests: it deleted nothing. */
    public static final String EVICTION_REFUSED = "eviction refused";

    /**
     * A fault's chaos agent is being started on the node ("what (container): starting the chaos agent"): the fault's
     * moment came and it acts. Its report ("agent done") may come after the pod has ended, so rules read this line.
     */
    public static final String AGENT_STARTING = "starting the chaos agent";

    private SuiteActions() {
    }
}
