package io.sidecarconformance.report;

import io.sidecarconformance.verdict.Verdict;

import java.util.Locale;

/** The one number a cell shows next to its verdict: the figure that verdict is about. */
final class KeyFigure {

    static final String SIGTERM_FAULT = "sigterm";

    private KeyFigure() {
    }

    /** "12s" for a completion, "+60s" for how long a sidecar outlived main, "" when nothing fits. */
    static String of(ScenarioResult result) {
        Figures figures = result.figures();
        Verdict verdict = result.verdict();
        // Under a deletion, how long the pod took to go is what the column is about, whatever the verdict.
        if (verdict == Verdict.SLOW_TERMINATION || SIGTERM_FAULT.equals(result.key().fault())) {
            return seconds(figures.terminationSeconds(), "");
        }
        if (verdict == Verdict.COMPLETED) {
            return seconds(figures.completionSeconds(), "");
        }
        if (verdict == Verdict.STUCK) {
            return seconds(figures.sidecarOutlivedMainSeconds(), "+");
        }
        return "";
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
