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
                "the pod ended (terminal; after a deletion, gone) and the Job's terminal condition is Complete"));
        LOOKS.put(Outcome.FAILED_BY_FAULT, new Look("FAILED: FAULT", "#8a9bb4", "#101a28",
                "the pod ended and the Job's terminal condition is Failed, under a fault aimed at main (main-oom,"
                        + " sigkill-main, sigterm, sigterm-slow-main, delete-during-init) and main not started again after it:"
                        + " the failure the fault causes"));
        LOOKS.put(Outcome.FAILED, new Look("FAILED", "#c2410c", "#ffffff",
                "the pod ended and the Job's terminal condition is Failed, with no fault aimed at main, or with main"
                        + " restarted in place after the fault and a later instance failing: the sidecar or the pattern"
                        + " failed it"));
        LOOKS.put(Outcome.STUCK, new Look("STUCK", "#b91c1c", "#ffffff",
                "the pod did not end (after a deletion: was not gone): main's last instance ended and the pod had not"
                        + " ended a stuck window later, or the pod was deleted and not gone its grace period plus a stuck"
                        + " window later, or (no deletion) the sidecar said Ready and main had not started a stuck window"
                        + " later, or the scenario's deadline passed; or the pod ended and the Job had no terminal condition"
                        + " a Job window later. A Job already Failed does not change this. Windows run on the runner's clock"));
        LOOKS.put(Outcome.REJECTED, new Look("REJECTED", "#7339b0", "#ffffff",
                "the API server refused the spec, and either the fault adds nothing to it or a dry run of the spec"
                        + " without the fault's fields was refused too"));
        LOOKS.put(Outcome.DROPPED, new Look("DROPPED", "#a794c4", "#1d1330",
                "the API server accepted the spec but silently dropped a field we set, and a container then ran; the"
                        + " reason says what happened next (the Job's condition is not judged)"));
        LOOKS.put(Outcome.NOT_APPLICABLE, new Look("N/A", "#e5e7eb", "#374151",
                "the API server refused the spec, and accepted the same spec without the fault's fields in a"
                        + " server-side dry run: the fault cannot be applied to this pattern"));
        // Hatched so that an infrastructure failure is never read as an outcome at a glance.
        LOOKS.put(Outcome.ERROR, new Look("ERROR",
                "repeating-linear-gradient(135deg, #c2c2c2 0 5px, #e4e4e4 5px 10px)", "#222222",
                "the suite could not observe or act (cluster down, watch lost, fault not injected), or the spec was"
                        + " accepted and no container ever started (e.g. image absent): not a statement about the pattern;"
                        + " no findings"));

        BADGES.put(FindingKind.RACE_AT_START, new Badge("race",
                "main wrote a Waiting line: its first check of the sidecar's service (bounded by the check timeout)"
                        + " failed, so it waited"));
        BADGES.put(FindingKind.SIDECAR_RESTARTED, new Badge("↻",
                "the sidecar had a second instance (a second Starting line) or the API counted a restart; the badge"
                        + " shows how many, the text how long it was down until its next Ready line"));
        BADGES.put(FindingKind.USE_FAILED_WHILE_DOWN, new Badge("gap",
                "main's first failed use of the sidecar (a busy spell's Interrupted line, a Retrying line, or its exit code 4) fell while the sidecar"
                        + " was down: from an instance's end (its Exiting line; for a killed instance, the second the"
                        + " kubelet's finishedAt names) to the next instance's Ready line (or the end of observation)"));
        BADGES.put(FindingKind.CLIENT_RECOVERED, new Badge("retried",
                "main wrote a Recovered line: a use failed, main's client retried within its budget, and a later use"
                        + " succeeded"));
        BADGES.put(FindingKind.SLOW_TERMINATION, new Badge("slow",
                "after the suite's deletion the pod took at least its grace period, less 1.5 s of kubelet rounding, to"
                        + " be gone: something did not end on SIGTERM"));
        BADGES.put(FindingKind.TERM_ORDER, new Badge("",
                "after the deletion, a container wrote a SIGTERM Exiting line: when each did, and the sidecar's"
                        + " relative to main's exit"));
        BADGES.put(FindingKind.STATUS_RESET, new Badge("reset",
                "a container's Started or Ready (pod status) went false after being true and came back true with no end"
                        + " of the container in between: the kubelet reset its view of a running container (e.g. after"
                        + " a kubelet restart)"));
        BADGES.put(FindingKind.JOB_BEFORE_POD, new Badge("job first",
                "the runner saw the Job's terminal condition more than 1 s before the pod was terminal (after a"
                        + " deletion: gone)"));
        BADGES.put(FindingKind.CONTAINER_OUTPUT, new Badge("",
                "main or the sidecar exited non-zero on its own (not on SIGTERM) and wrote other output just before:"
                        + " the last such line, verbatim up to 240 characters (e.g. dockerd's log tail)"));
    }

    private OutcomeLook() {
    }

    static String label(Outcome outcome) {
        return LOOKS.get(outcome).label();
    }

    static String rule(Outcome outcome) {
        return LOOKS.get(outcome).rule();
    }

    /** One colour for the outcome, where a pattern cannot be drawn (a share of a summary square): ERROR's hatch is grey. */
    static String solid(Outcome outcome) {
        String background = LOOKS.get(outcome).background();
        return background.startsWith("#") ? background : "#c2c2c2";
    }

    /** The summary's word for the outcome: what the Job did, in the words of the question the summary answers. */
    static String summaryWord(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> "completes";
            case FAILED_BY_FAULT -> "fails by fault";
            case FAILED -> "fails";
            case STUCK -> "hangs";
            case REJECTED -> "rejected";
            case DROPPED -> "dropped";
            case NOT_APPLICABLE -> "n/a";
            case ERROR -> "error";
        };
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
