package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.Figures;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one number a cell shows next to its outcome: the figure that outcome is about, or the one its fault's column
 * shows whatever the outcome (the fault says which in results.json's catalog, {@link ColumnFigure}).
 */
final class KeyFigure {

    private static final String MAIN = "main";

    private KeyFigure() {
    }

    /** The rules of {@link #of}, as the legend states them, naming the faults that show each figure. */
    static String rule(Catalog catalog) {
        return "Job created to pod ended (SUCCEEDED, FAILED, FAILED_BY_FAULT); +: how long a sidecar"
                + " outlived main in a STUCK pod; " + under(catalog, ColumnFigure.TERMINATION, ", or ")
                + "when the termination was slow: deletion to pod gone; "
                + under(catalog, ColumnFigure.OOM_SCORES, ", ") + "whatever the outcome: the oom_score_adj the kubelet"
                + " gave each container that reported it, every container but main by name, then main (e.g. sidecar 998 ·"
                + " main 916: under node memory pressure the kernel kills the highest first; hover the cell for the full"
                + " text); " + under(catalog, ColumnFigure.SIDECAR_OUTAGE, ": ") + "\"down 4s\", the sidecar's outage from"
                + " its kill to its next Ready line (what a client without retries would have seen fail), or \"not"
                + " restarted\" when it never came back; none otherwise";
    }

    /** "under sigterm, or ": the faults whose columns show this figure; "" when none does. */
    private static String under(Catalog catalog, ColumnFigure figure, String then) {
        List<String> faults = catalog.faultsShowing(figure);
        return faults.isEmpty() ? "" : "under " + String.join(", ", faults) + then;
    }

    /**
     * "12s" for an ended pod (Job created to pod ended), "+60s" for how long a sidecar outlived main in a stuck pod,
     * the termination time in a deletion's column, the containers' oom_score_adj in the OOM scores column; "" when
     * nothing fits.
     *
     * @param column the figure the cell's fault column shows
     */
    static String of(ScenarioResult result, ColumnFigure column) {
        Figures figures = result.figures();
        Outcome outcome = result.outcome();
        if (column == ColumnFigure.OOM_SCORES) {
            return oomScores(figures.oomScoreAdj(), " · ");
        }
        if (column == ColumnFigure.SIDECAR_OUTAGE && figures.sidecarRestarts() != null) {
            return figures.sidecarDownSeconds() != null ? seconds(figures.sidecarDownSeconds(), "down ")
                    : figures.sidecarRestarts() == 0 ? "not restarted" : "";
        }
        // Under a deletion, how long the pod took to go is what the column is about, whatever the outcome.
        if (result.has(FindingKind.SLOW_TERMINATION) || column == ColumnFigure.TERMINATION) {
            return seconds(figures.terminationSeconds(), "");
        }
        return switch (outcome) {
            case SUCCEEDED, FAILED, FAILED_BY_FAULT -> seconds(figures.completionSeconds(), "");
            case STUCK -> seconds(figures.sidecarOutlivedMainSeconds(), "+");
            default -> "";
        };
    }

    /** What a cell's tooltip adds about its key figure when the figure is a short form; "" when it says it all. */
    static String explained(ScenarioResult result, ColumnFigure column) {
        Map<String, Integer> scores = result.figures().oomScoreAdj();
        if (column != ColumnFigure.OOM_SCORES || scores.isEmpty()) {
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
