package io.sidecarconformance.report;

import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.Figures;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The one number a cell shows next to its outcome: the figure that outcome is about. */
final class KeyFigure {

    static final String SIGTERM_FAULT = "sigterm";
    /** Asks whether Kubernetes brings an OOM-killed sidecar back: its answer is the outage, or that it stayed down. */
    static final String SIDECAR_OOM_FAULT = "sidecar-oom";
    /** Asks which container the kernel would kill first under node memory pressure: its answer is the scores. */
    static final String OOM_SCORES_FAULT = "burstable-oom-scores";

    /** The rules of {@link #of}, as the legend states them. */
    static final String RULE = "Job created to pod ended (SUCCEEDED, FAILED, FAILED: FAULT); +: how long a sidecar"
            + " outlived main in a STUCK pod; under " + SIGTERM_FAULT + ", or when the termination was slow: deletion to pod"
            + " gone; under " + OOM_SCORES_FAULT + ", whatever the outcome: the oom_score_adj the kubelet gave each container"
            + " that reported it, every container but main by name, then main (e.g. sidecar 998 · main 916: under node"
            + " memory pressure the kernel kills the highest first; hover the cell for the full text); under "
            + SIDECAR_OOM_FAULT + ": \"down 4s\", the sidecar's outage from its kill to its next Ready line (what a"
            + " client without retries would have seen fail), or \"not restarted\" when it never came back; none otherwise";

    private static final String MAIN = "main";

    private KeyFigure() {
    }

    /**
     * "12s" for an ended pod (Job created to pod ended), "+60s" for how long a sidecar outlived main in a stuck pod,
     * the termination time in the deletion column, the containers' oom_score_adj in the OOM scores column; "" when
     * nothing fits.
     */
    static String of(ScenarioResult result) {
        Figures figures = result.figures();
        Outcome outcome = result.outcome();
        if (OOM_SCORES_FAULT.equals(result.key().fault())) {
            return oomScores(figures.oomScoreAdj(), " · ");
        }
        if (SIDECAR_OOM_FAULT.equals(result.key().fault()) && figures.sidecarRestarts() != null) {
            return figures.sidecarDownSeconds() != null ? seconds(figures.sidecarDownSeconds(), "down ")
                    : figures.sidecarRestarts() == 0 ? "not restarted" : "";
        }
        // Under a deletion, how long the pod took to go is what the column is about, whatever the outcome.
        if (result.has(FindingKind.SLOW_TERMINATION) || SIGTERM_FAULT.equals(result.key().fault())) {
            return seconds(figures.terminationSeconds(), "");
        }
        return switch (outcome) {
            case SUCCEEDED, FAILED, FAILED_BY_FAULT -> seconds(figures.completionSeconds(), "");
            case STUCK -> seconds(figures.sidecarOutlivedMainSeconds(), "+");
            default -> "";
        };
    }

    /** What a cell's tooltip adds about its key figure when the figure is a short form; "" when it says it all. */
    static String explained(ScenarioResult result) {
        Map<String, Integer> scores = result.figures().oomScoreAdj();
        if (!OOM_SCORES_FAULT.equals(result.key().fault()) || scores.isEmpty()) {
            return "";
        }
        return "oom_score_adj, as the kubelet set it for each container: " + oomScores(scores, ", ")
                + " (under node memory pressure the kernel kills the highest first)";
    }

    /** "sidecar 998 · main 916": every container but main by name, then main, so a row reads position by position. */
    static String oomScores(Map<String, Integer> scores, String separator) {
        return scores.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Integer>, Boolean>comparing(e -> MAIN.equals(e.getKey()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(separator));
    }

    /** Whole seconds from 10 s up, one decimal below, so short and long durations both stay short. */
    static String seconds(Double value, String prefix) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        double v = value;
        String number = Math.abs(v) >= 9.95
                ? String.valueOf(Math.round(v))
                : String.format(Locale.ROOT, "%.1f", v).replaceAll("\\.0$", "");
        return prefix + number + "s";
    }
}
