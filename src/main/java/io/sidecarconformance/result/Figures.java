package io.sidecarconformance.result;

import java.util.Map;

/**
 * Measured figures of one scenario. Durations in seconds; null when not observed.
 *
 * @param completionSeconds          Job created -> pod terminal (Succeeded/Failed) or gone
 * @param sidecarOutlivedMainSeconds main's last end -> the sidecar's last end (their Exiting lines where written; a
 *                                   killed sidecar's end dated as for sidecarDownSeconds); negative when the sidecar
 *                                   ended first. A main killed without an Exiting line ended
 *                                   within the kubelet's finishedAt second: a sidecar end before it counts from its
 *                                   start (a bound), one inside it is 0.0 (order unknown). Null while the sidecar runs
 *                                   on (a stuck pod: how long is our window, not a figure)
 * @param terminationSeconds         deletion requested -> pod gone (deletion faults only)
 * @param gracePeriodSeconds         the grace period used for that deletion
 * @param verdictDelaySeconds        the runner saw the deciding event -> outcome computed
 * @param podPhase                   last pod phase seen
 * @param jobCondition               the Job's terminal condition, e.g. "Complete" or "Failed: BackoffLimitExceeded"
 * @param jobAfterPodSeconds         pod terminal or gone -> Job terminal condition, both as the runner saw them
 *                                   (negative: the Job was terminal first)
 * @param sidecarRestarts            how many times the sidecar was started again
 * @param sidecarDownSeconds         total time the sidecar was down: from each instance's end (its Exiting line; for a
 *                                   killed one, the later of its last own line and the kubelet's finishedAt second, so
 *                                   the real end lies at most 1 s later) to the next instance's Ready line
 * @param mainStartedBeforeReadySeconds main's Starting line -> the sidecar's first Ready line, when main began first
 * @param termAfterDeletionSeconds   per container: deletion -> its first line naming SIGTERM after the deletion (the
 *                                   sidecar's Terminating line, written when the signal arrives; else its Exiting line)
 * @param restarts                   restart count per container (API)
 * @param exitCodes                  last exit code per container (API)
 * @param reasons                    last termination reason per container (Completed, Error, OOMKilled)
 * @param exitAfterDeletionSeconds   per container: deletion -> its last instance's end (its Exiting line, else the
 *                                   kubelet's report)
 * @param mainStartedAfterSidecarRestartSeconds the sidecar instance main began beside began -> main began, when that
 *                                   instance is a restart
 * @param oomScoreAdj                per container that reported it: the oom_score_adj of its first process
 * @param readyAfterDeletion         per container whose spec declares a readinessProbe and that ran at the deletion,
 *                                   and for the pod's Ready condition ("pod") when any does: when its Ready went false
 *                                   after the deletion, or that it stayed Ready until it ended ({@link ReadyAfterDeletion})
 */
public record Figures(
        Double completionSeconds,
        Double sidecarOutlivedMainSeconds,
        Double terminationSeconds,
        Long gracePeriodSeconds,
        Double verdictDelaySeconds,
        String podPhase,
        String jobCondition,
        Double jobAfterPodSeconds,
        Integer sidecarRestarts,
        Double sidecarDownSeconds,
        Double mainStartedBeforeReadySeconds,
        Map<String, Double> termAfterDeletionSeconds,
        Map<String, Integer> restarts,
        Map<String, Integer> exitCodes,
        Map<String, String> reasons,
        Map<String, Double> exitAfterDeletionSeconds,
        Double mainStartedAfterSidecarRestartSeconds,
        Map<String, Integer> oomScoreAdj,
        Map<String, ReadyAfterDeletion> readyAfterDeletion) {

    public Figures {
        readyAfterDeletion = readyAfterDeletion == null ? Map.of() : Map.copyOf(readyAfterDeletion);
        oomScoreAdj = oomScoreAdj == null ? Map.of() : Map.copyOf(oomScoreAdj);
        exitAfterDeletionSeconds = exitAfterDeletionSeconds == null ? Map.of() : Map.copyOf(exitAfterDeletionSeconds);
        termAfterDeletionSeconds = termAfterDeletionSeconds == null ? Map.of() : Map.copyOf(termAfterDeletionSeconds);
        restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
        exitCodes = exitCodes == null ? Map.of() : Map.copyOf(exitCodes);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }

    /** The figures recorded before per-container exits and main's start after a sidecar restart were. */
    public Figures(Double completionSeconds, Double sidecarOutlivedMainSeconds, Double terminationSeconds,
                   Long gracePeriodSeconds, Double verdictDelaySeconds, String podPhase, String jobCondition,
                   Double jobAfterPodSeconds, Integer sidecarRestarts, Double sidecarDownSeconds,
                   Double mainStartedBeforeReadySeconds, Map<String, Double> termAfterDeletionSeconds,
                   Map<String, Integer> restarts, Map<String, Integer> exitCodes, Map<String, String> reasons) {
        this(completionSeconds, sidecarOutlivedMainSeconds, terminationSeconds, gracePeriodSeconds, verdictDelaySeconds,
                podPhase, jobCondition, jobAfterPodSeconds, sidecarRestarts, sidecarDownSeconds,
                mainStartedBeforeReadySeconds, termAfterDeletionSeconds, restarts, exitCodes, reasons, Map.of(), null, Map.of(),
                Map.of());
    }

    /** The figures recorded before readyAfterDeletion was. */
    public Figures(Double completionSeconds, Double sidecarOutlivedMainSeconds, Double terminationSeconds,
                   Long gracePeriodSeconds, Double verdictDelaySeconds, String podPhase, String jobCondition,
                   Double jobAfterPodSeconds, Integer sidecarRestarts, Double sidecarDownSeconds,
                   Double mainStartedBeforeReadySeconds, Map<String, Double> termAfterDeletionSeconds,
                   Map<String, Integer> restarts, Map<String, Integer> exitCodes, Map<String, String> reasons,
                   Map<String, Double> exitAfterDeletionSeconds, Double mainStartedAfterSidecarRestartSeconds,
                   Map<String, Integer> oomScoreAdj) {
        this(completionSeconds, sidecarOutlivedMainSeconds, terminationSeconds, gracePeriodSeconds, verdictDelaySeconds,
                podPhase, jobCondition, jobAfterPodSeconds, sidecarRestarts, sidecarDownSeconds,
                mainStartedBeforeReadySeconds, termAfterDeletionSeconds, restarts, exitCodes, reasons,
                exitAfterDeletionSeconds, mainStartedAfterSidecarRestartSeconds, oomScoreAdj, Map.of());
    }

    public static Figures none() {
        return new Figures(null, null, null, null, null, null, null, null, null, null, null, Map.of(), Map.of(), Map.of(),
                Map.of());
    }

    public Figures withVerdictDelay(Double seconds) {
        return new Figures(completionSeconds, sidecarOutlivedMainSeconds, terminationSeconds, gracePeriodSeconds, seconds,
                podPhase, jobCondition, jobAfterPodSeconds, sidecarRestarts, sidecarDownSeconds,
                mainStartedBeforeReadySeconds, termAfterDeletionSeconds, restarts, exitCodes, reasons,
                exitAfterDeletionSeconds, mainStartedAfterSidecarRestartSeconds, oomScoreAdj, readyAfterDeletion);
    }
}
