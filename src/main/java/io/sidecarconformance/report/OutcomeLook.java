package io.sidecarconformance.report;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import java.util.EnumMap;
import java.util.Map;

/**
 * How each outcome and finding looks on the page: label, colours, and the rule as the code applies it (VerdictRules,
 * FindingRules, EndPolicy). One place, so that legend, cells and README agree.
 */
final class OutcomeLook {

    private record Look(String label, String background, String foreground, String rule) {
    }

    private record Badge(String label, String rule) {
    }

    private static final Map<Outcome, Look> LOOKS = new EnumMap<>(Outcome.class);
    private static final Map<FindingKind, Badge> BADGES = new EnumMap<>(FindingKind.class);

    static {
        LOOKS.put(Outcome.SUCCEEDED, new Look("SUCCEEDED", "#5cb85c", "#06250b",
                "the Job reached its Complete condition (and the pod ended)"));
        LOOKS.put(Outcome.FAILED_BY_FAULT, new Look("FAILED: FAULT", "#8a9bb4", "#101a28",
                "the Job reached its Failed condition, and the fault was aimed at main (main-oom, sigkill-main, sigterm):"
                        + " the failure the fault demands"));
        LOOKS.put(Outcome.FAILED, new Look("FAILED", "#c2410c", "#ffffff",
                "the Job reached its Failed condition and no fault was aimed at main: the sidecar or the pattern failed it"));
        LOOKS.put(Outcome.STUCK, new Look("STUCK", "#b91c1c", "#ffffff",
                "the pod did not end: main ended (or the sidecar said Ready and main never started) and the pod was not"
                        + " terminal a stuck window later, or the deadline passed; or the pod ended and the Job had no"
                        + " terminal condition a Job window later"));
        LOOKS.put(Outcome.REJECTED, new Look("REJECTED", "#7339b0", "#ffffff",
                "the API server refused the spec (and refused it without the fault's fields too)"));
        LOOKS.put(Outcome.DROPPED, new Look("DROPPED", "#a794c4", "#1d1330",
                "the API server accepted the spec but silently dropped a field we set; the cell says what happened then"));
        LOOKS.put(Outcome.NOT_APPLICABLE, new Look("N/A", "#e5e7eb", "#374151",
                "the API server refused only what the fault adds (a server-side dry run of the spec without it was"
                        + " accepted): the fault cannot be applied to this pattern"));
        // Hatched so that an infrastructure failure is never read as an outcome at a glance.
        LOOKS.put(Outcome.ERROR, new Look("ERROR",
                "repeating-linear-gradient(135deg, #c2c2c2 0 5px, #e4e4e4 5px 10px)", "#222222",
                "infrastructure failed (cluster down, image absent, fault not injected, watch lost): not a statement"
                        + " about the pattern"));

        BADGES.put(FindingKind.RACE_AT_START, new Badge("race",
                "main's first check of the sidecar's service (bounded by the check timeout) failed, so main waited"));
        BADGES.put(FindingKind.SIDECAR_RESTARTED, new Badge("↻",
                "the sidecar was started again (restart count, or a second Starting line); with the time it was down"
                        + " until its next Ready line"));
        BADGES.put(FindingKind.USE_FAILED_WHILE_DOWN, new Badge("gap",
                "a use of the sidecar by main failed while the sidecar was down between two instances"));
        BADGES.put(FindingKind.CLIENT_RECOVERED, new Badge("retried",
                "a tolerant client's use failed, it retried within its budget, and a later use succeeded"));
        BADGES.put(FindingKind.SLOW_TERMINATION, new Badge("slow",
                "after the deletion the pod took at least its grace period (less 1.5 s of rounding) to go"));
        BADGES.put(FindingKind.TERM_ORDER, new Badge("",
                "after the deletion: when each container said it got SIGTERM, and the sidecar's SIGTERM relative to main's exit"));
        BADGES.put(FindingKind.JOB_BEFORE_POD, new Badge("job first",
                "the Job's terminal condition was seen more than 1 s before the pod was terminal or gone"));
        BADGES.put(FindingKind.CONTAINER_OUTPUT, new Badge("",
                "a container that exited non-zero wrote other output just before (kept verbatim, e.g. dockerd's log tail)"));
    }

    private OutcomeLook() {
    }

    static String label(Outcome outcome) {
        return LOOKS.get(outcome).label();
    }

    static String rule(Outcome outcome) {
        return LOOKS.get(outcome).rule();
    }

    static String cssClass(Outcome outcome) {
        return "v-" + outcome.name();
    }

    /** The short mark a finding puts in its cell, or "" for a finding shown only in the drill-down. */
    static String badge(FindingKind kind) {
        return BADGES.get(kind).label();
    }

    static String rule(FindingKind kind) {
        return BADGES.get(kind).rule();
    }

    /** One rule per outcome: the colours of cells, legend swatches and drill-down badges. */
    static String css() {
        StringBuilder css = new StringBuilder();
        LOOKS.forEach((outcome, look) -> css.append('.').append(cssClass(outcome))
                .append("{background:").append(look.background())
                .append(";color:").append(look.foreground()).append("}\n"));
        return css.toString();
    }
}
