package io.sidecarconformance.report;

import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.Figures;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import java.util.Locale;

/** The one number a cell shows next to its outcome: the figure that outcome is about. */
final class KeyFigure {

    static final String SIGTERM_FAULT = "sigterm";

    private KeyFigure() {
    }

    /**
     * "12s" for an ended pod (Job created to pod ended), "+60s" for how long a sidecar outlived main in a stuck pod,
     * the termination time in the deletion column; "" when nothing fits.
     */
    static String of(ScenarioResult result) {
        Figures figures = result.figures();
        Outcome outcome = result.outcome();
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
