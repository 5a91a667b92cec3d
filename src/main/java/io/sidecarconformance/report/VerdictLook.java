package io.sidecarconformance.report;

import io.sidecarconformance.verdict.Verdict;

import java.util.EnumMap;
import java.util.Map;

/** How each verdict looks on the page: short label, colours, one-line meaning. One place, so legend and cells agree. */
final class VerdictLook {

    private record Look(String label, String background, String foreground, String meaning) {
    }

    private static final Map<Verdict, Look> LOOKS = new EnumMap<>(Verdict.class);

    static {
        LOOKS.put(Verdict.COMPLETED, new Look("OK", "#5cb85c", "#06250b",
                "pod (or Job) reached a terminal state within the deadline"));
        LOOKS.put(Verdict.STUCK, new Look("STUCK", "#d9302c", "#ffffff",
                "main finished but a sidecar kept the pod alive past the deadline (or nothing ran)"));
        LOOKS.put(Verdict.RACE, new Look("RACE", "#f5952a", "#2b1600",
                "main started before the sidecar was ready"));
        LOOKS.put(Verdict.MAIN_FAILED, new Look("MAIN FAIL", "#b23c0c", "#ffffff",
                "main failed and no fault aimed at main explains it: the sidecar let it down"));
        LOOKS.put(Verdict.SLOW_TERMINATION, new Look("SLOW", "#f4d63e", "#2e2600",
                "after deletion the pod took the whole grace period (something ignored SIGTERM)"));
        LOOKS.put(Verdict.REJECTED, new Look("REJECTED", "#7339b0", "#ffffff",
                "the API server refused the spec"));
        LOOKS.put(Verdict.DROPPED, new Look("DROPPED", "#a794c4", "#1d1330",
                "the API server accepted the spec but silently dropped a field we set"));
        // Hatched so that an infrastructure failure is never read as a pattern verdict at a glance.
        LOOKS.put(Verdict.ERROR, new Look("ERROR",
                "repeating-linear-gradient(135deg, #c2c2c2 0 5px, #e4e4e4 5px 10px)", "#222222",
                "infrastructure failed (cluster down, image absent, suite timeout): not a pattern verdict"));
    }

    private VerdictLook() {
    }

    static String label(Verdict verdict) {
        return LOOKS.get(verdict).label();
    }

    static String meaning(Verdict verdict) {
        return LOOKS.get(verdict).meaning();
    }

    static String cssClass(Verdict verdict) {
        return "v-" + verdict.name();
    }

    /** One rule per verdict: the colours of cells, legend swatches and drill-down badges. */
    static String css() {
        StringBuilder css = new StringBuilder();
        LOOKS.forEach((verdict, look) -> css.append('.').append(cssClass(verdict))
                .append("{background:").append(look.background())
                .append(";color:").append(look.foreground()).append("}\n"));
        return css.toString();
    }
}
