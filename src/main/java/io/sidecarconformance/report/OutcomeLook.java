package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How each outcome (in the form a cell shows it, {@link OutcomeForm}) and finding looks on the page: label, colours,
 * and the rule as the code applies it (VerdictRules, FindingRules, EndPolicy, OutcomeForm). One place, so that legend,
 * cells and README agree.
 */
final class OutcomeLook {

    /**
     * @param band a colour drawn as a band over the background (a DROPPED form: DROPPED's orange), or null
     */
    private record Look(String label, String background, String foreground, String band, String rule) {
    }

    private record Badge(String label, String rule) {
    }

    /** Where a rule names the faults aimed at main: filled in from the run's catalog by {@link #rule(OutcomeForm, Catalog)}. */
    private static final String AIMED_AT_MAIN = "{faults aimed at main}";

    /**
     * The colours are Okabe and Ito's palette for colour-blind readers: SUCCEEDED blue, its expected failure sky blue,
     * FAILED vermillion, STUCK reddish purple, TIMEOUT black, REJECTED yellow, DROPPED orange; never green against red.
     * DROPPED's own colour: the whole cell when nothing is known of what followed the drop, else the band that marks it.
     */
    private static final String DROPPED_BAND = "#e69f00";

    private static final Map<OutcomeForm, Look> LOOKS = new EnumMap<>(OutcomeForm.class);
    private static final Map<FindingKind, Badge> BADGES = new EnumMap<>(FindingKind.class);

    static {
        plain(Outcome.SUCCEEDED, "#0072b2", "#ffffff",
                "the pod ended (terminal; after a deletion, gone) and the Job's terminal condition is Complete");
        plain(Outcome.FAILED_BY_FAULT, "#56b4e9", "#0b2233",
                "the pod ended and the Job's terminal condition is Failed, under a fault aimed at main" + AIMED_AT_MAIN
                        + " that acted (the pod's deletion requested, its chaos agent started, or main's memory hog begun)"
                        + " and main not started again after it: the failure the fault causes");
        plain(Outcome.FAILED, "#d55e00", "#ffffff",
                "the pod ended and the Job's terminal condition is Failed, with no fault aimed at main, or before that"
                        + " fault acted, or with main restarted in place after the fault and a later instance failing: the"
                        + " sidecar, the pattern or the node failed it");
        plain(Outcome.STUCK, "#cc79a7", "#1b1f24",
                "the pod did not end (after a deletion: was not gone): main's last instance ended and the pod had not"
                        + " ended a stuck window later, or the pod was deleted and not gone its grace period plus a stuck"
                        + " window later, or (no deletion) the sidecar said Ready and main had not started a stuck window"
                        + " later; or the pod ended and the Job had no terminal condition a Job window later. A Job already"
                        + " Failed does not change this. Windows run on the runner's clock");
        plain(Outcome.TIMEOUT, "#1b1f24", "#ffffff",
                "the scenario's deadline (scenario.timeoutSeconds, from the Job's creation, on the runner's clock) passed"
                        + " before any end rule held: the pod had not ended, main was still running (or had not started,"
                        + " with no Ready line from the sidecar) and no deletion was overdue, so no stuck window ran out."
                        + " A container had started (else ERROR); a dropped field makes it DROPPED first");
        plain(Outcome.REJECTED, "#f0e442", "#1b1f24",
                "the API server refused the spec, and either the fault adds nothing to it or a dry run of the spec"
                        + " without the fault's fields was refused too");
        plain(Outcome.DROPPED, DROPPED_BAND, "#1b1f24",
                "the API server accepted the spec but silently dropped a field we set, and a container then ran (the"
                        + " Job's condition is not judged). The cell adds what the Job did then, read from the record in one"
                        + " of the three forms below; orange DROPPED alone only for a record that holds neither a Job"
                        + " condition nor a pod phase (written without figures): nothing is known of what followed");
        plain(Outcome.NOT_APPLICABLE, "#e5e7eb", "#374151",
                "the API server refused the spec, and accepted the same spec without the fault's fields in a"
                        + " server-side dry run: the fault cannot be applied to this pattern");
        // Hatched so that an infrastructure failure is never read as an outcome at a glance.
        plain(Outcome.ERROR, "repeating-linear-gradient(135deg, #c2c2c2 0 5px, #e4e4e4 5px 10px)", "#222222",
                "the suite could not observe or act (cluster unavailable, namespace not created, API error, image"
                        + " not pullable, watch lost, fault not injected, a container the node's runtime could not set up), or the spec was"
                        + " accepted and no container ever started (e.g. image absent): not a statement about the pattern;"
                        + " no findings");
        // The rule OutcomeForm.of applies, in its words.
        dropped(OutcomeForm.DROPPED_HANGS, "DROPPED, and the record holds a pod phase but no Job condition Complete or"
                + " Failed: the Job never ended (e.g. on 1.27 and 1.28 a sidecar init container that lost restartPolicy:"
                + " Always never ends, so main never starts)");
        dropped(OutcomeForm.DROPPED_FAILS, "DROPPED, and the record's Job condition is Failed: the Job failed (by the"
                + " fault or not is not judged)");
        dropped(OutcomeForm.DROPPED_COMPLETES, "DROPPED, and the record's Job condition is Complete: the Job completed"
                + " without the field");

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
                        + " be gone, with the container that ended last and when: one killed at the grace period's end,"
                        + " or drains that ran one after another (main's, then a native sidecar's)"));
        BADGES.put(FindingKind.TERM_ORDER, new Badge("",
                "after the deletion, a container wrote a SIGTERM Exiting line: when each did, and the sidecar's"
                        + " relative to main's exit"));
        BADGES.put(FindingKind.STATUS_RESET, new Badge("reset",
                "a container's Started or Ready (pod status) went false after being true and came back true with no end"
                        + " of that instance of the container in between, while it kept running: the kubelet reset them"
                        + " (after a kubelet restart), reported a restarted sidecar Started and Ready before its probe"
                        + " ran, or a readiness probe failed and passed again (a slow check on a loaded node, say)"));
        BADGES.put(FindingKind.JOB_BEFORE_POD, new Badge("job first",
                "the runner saw the Job's terminal condition more than 1 s before the pod was terminal (after a"
                        + " deletion: gone)"));
        BADGES.put(FindingKind.EVICTION_REFUSED, new Badge("refused",
                "the API answered the suite's eviction of the pod with 429 Too Many Requests and deleted nothing (a"
                        + " disruption budget forbade it): the suite's line saying so, with the budget's state as the"
                        + " disruption controller had written it"));
        BADGES.put(FindingKind.SIDECAR_SERVED_DRAIN, new Badge("served",
                "main, draining after its SIGTERM (its Terminating line to its end), kept using the sidecar (its"
                        + " Draining lines): at least one use was answered ok, none failed, and no use was left"
                        + " unanswered at main's end, longer than the slowest use to end (answered ok or failed) took, by a"
                        + " sidecar that had said SIGTERM before main ended"));
        BADGES.put(FindingKind.SIDECAR_GONE_IN_DRAIN, new Badge("gone",
                "main, draining after its SIGTERM, kept using the sidecar: a use failed, or one was left unanswered"
                        + " at main's end, longer than the slowest use to end (answered ok or failed) took (or with none"
                        + " ended), by a sidecar that had said SIGTERM before main ended; with when, from main's SIGTERM,"
                        + " and when the sidecar"
                        + " said SIGTERM"));
        BADGES.put(FindingKind.SIDECAR_DRAIN_UNDECIDED, new Badge("undecided",
                "main, draining after its SIGTERM, began a use of the sidecar that had not ended (answered or failed)"
                        + " when main did, and the sidecar had not said SIGTERM by then: one use took longer than main's"
                        + " drain, so the run says nothing about whether the sidecar was there"));
        BADGES.put(FindingKind.STOP_SIGNAL, new Badge("signal",
                "a container's stop signal was not SIGTERM: the kubelet reported another in effect (its status's"
                        + " stopSignal), or the first line it wrote after the deletion naming a signal named another;"
                        + " with how it ended"));
        BADGES.put(FindingKind.READY_IN_GRACE, new Badge("ready",
                "after the deletion, for each container whose spec declares a readinessProbe and for the pod's Ready"
                        + " condition: when its Ready (pod status) went false while it still ran (reported before its end"
                        + " and before its Exiting line; the pod's condition: its first false, beside its first"
                        + " container's end), in seconds after the deletion, or that it stayed Ready until it"
                        + " ended; with each container's first readiness probe Event after the deletion (probe failed, or"
                        + " errored)"));
        BADGES.put(FindingKind.CONTAINER_OUTPUT, new Badge("",
                "main or the sidecar exited non-zero on its own (not on SIGTERM) and wrote other output just before:"
                        + " the last such line, verbatim up to 240 characters (e.g. dockerd's log tail)"));
    }

    private OutcomeLook() {
    }

    private static void plain(Outcome outcome, String background, String foreground, String rule) {
        LOOKS.put(OutcomeForm.of(outcome), new Look(outcome.name(), background, foreground, null, rule));
    }

    /** A DROPPED form looks like the outcome the Job's fate matches (then STUCK: STUCK's), with DROPPED's band. */
    private static void dropped(OutcomeForm form, String rule) {
        Outcome then = form.then().orElseThrow();
        Look like = LOOKS.get(OutcomeForm.of(then));
        LOOKS.put(form, new Look("DROPPED then " + like.label(), like.background(), like.foreground(),
                DROPPED_BAND, rule + ". " + like.label() + "'s colour with DROPPED's orange band"));
    }

    /**
     * The one spelling of a form everywhere on the page (grid, summary, legend, compare, drill-down, tooltips): the
     * outcome's name as results.json writes it; a DROPPED form that knows what followed adds that outcome's name
     * ("DROPPED then STUCK").
     */
    static String label(OutcomeForm form) {
        return LOOKS.get(form).label();
    }


    /** The form's rule; where it speaks of faults aimed at main, it names those of the catalog, e.g. " (main-oom, sigterm)". */
    static String rule(OutcomeForm form, Catalog catalog) {
        List<String> aimed = catalog.faultsFailingMain();
        return LOOKS.get(form).rule().replace(AIMED_AT_MAIN, aimed.isEmpty() ? "" : " (" + String.join(", ", aimed) + ")");
    }

    /** One colour for the form, where a pattern cannot be drawn (a share of a summary square): ERROR's hatch is grey. */
    static String solid(OutcomeForm form) {
        String background = LOOKS.get(form).background();
        return background.startsWith("#") ? background : "#c2c2c2";
    }

    static String cssClass(OutcomeForm form) {
        return "v-" + form.name();
    }

    /** The short mark a finding puts in its cell, or "" for a finding shown only in the drill-down. */
    static String badge(FindingKind kind) {
        return BADGES.get(kind).label();
    }

    static String rule(FindingKind kind) {
        return BADGES.get(kind).rule();
    }

    /**
     * One rule per form: the colours of cells, legend swatches, summary squares and drill-down badges. A band is drawn
     * at the left of a cell, swatch or badge, and along the top of a summary square (too narrow for a band at its side;
     * its corner for "unstable" is drawn apart, so the band does not hide it). A banded label may wrap in its cell.
     */
    static String css() {
        StringBuilder css = new StringBuilder();
        LOOKS.forEach((form, look) -> {
            String c = "." + cssClass(form);
            css.append(c).append("{background:").append(look.background()).append(";color:").append(look.foreground())
                    .append("}\n");
            if (look.band() != null) {
                css.append("td.cell").append(c).append(",.sw").append(c).append(",.badge").append(c)
                        .append("{box-shadow:inset 6px 0 0 ").append(look.band()).append("}\n")
                        .append(".badge").append(c).append("{padding-left:12px}\n")
                        .append(".sq").append(c).append("{border-top:4px solid ").append(look.band()).append("}\n")
                        .append(".sq").append(c).append(">b{line-height:14px}\n")
                        .append("td.cell").append(c).append(" .lbl,.sw").append(c).append("{white-space:normal}\n");
            }
        });
        return css.toString();
    }
}
