package io.sidecarconformance.report;

import java.util.Map;

/**
 * Measured figures of one scenario. Durations in seconds; null when not observed.
 *
 * @param completionSeconds          Job created -> pod terminal (Succeeded/Failed) or gone
 * @param sidecarOutlivedMainSeconds main terminated -> last sidecar terminated (or deadline if it never did)
 * @param terminationSeconds         deletion requested -> pod gone (SIGTERM fault only)
 * @param gracePeriodSeconds         the grace period used for that deletion
 * @param verdictDelaySeconds        deciding event observed -> verdict computed
 * @param podPhase                   last pod phase seen
 * @param jobCondition               last Job condition seen, e.g. "Complete" or "Failed: BackoffLimitExceeded"
 * @param restarts                   restart count per container
 * @param exitCodes                  last exit code per container
 * @param reasons                    last termination reason per container (Completed, Error, OOMKilled)
 */
public record Figures(
        Double completionSeconds,
        Double sidecarOutlivedMainSeconds,
        Double terminationSeconds,
        Long gracePeriodSeconds,
        Double verdictDelaySeconds,
        String podPhase,
        String jobCondition,
        Map<String, Integer> restarts,
        Map<String, Integer> exitCodes,
        Map<String, String> reasons) {

    public Figures {
        restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
        exitCodes = exitCodes == null ? Map.of() : Map.copyOf(exitCodes);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }

    public static Figures none() {
        return new Figures(null, null, null, null, null, null, null, Map.of(), Map.of(), Map.of());
    }
}
