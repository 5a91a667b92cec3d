package io.sidecarconformance.report;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogFault;

/**
 * Whether an outcome is the right end for a Job under its fault, decided from the outcome and the fault's aim in
 * results.json's catalog only: nothing here knows a pattern or a fault by name. The one rule; the legend states it
 * through {@link #rule(Catalog)} and every cell, square and drill-down shows its mark.
 */
enum Expectation {
    EXPECTED("✓", "expected"),
    UNEXPECTED("✗", "unexpected"),
    /** NOT_APPLICABLE and ERROR: not a statement about the pattern, so neither. */
    NO_CLAIM("", "no claim");

    private final String mark;
    private final String word;

    Expectation(String mark, String word) {
        this.mark = mark;
        this.word = word;
    }

    static Expectation of(OutcomeForm form, Aim aim) {
        return switch (form) {
            case SUCCEEDED -> EXPECTED;
            case FAILED_BY_FAULT -> aim.failsMain() ? EXPECTED : UNEXPECTED;
            case NOT_APPLICABLE, ERROR -> NO_CLAIM;
            default -> UNEXPECTED;
        };
    }

    /** For a fault by id: its aim read from the catalog (a fault the catalog does not know aims at nothing). */
    static Expectation of(OutcomeForm form, String fault, Catalog catalog) {
        return of(form, catalog.fault(fault).map(CatalogFault::aim).orElse(Aim.NONE));
    }

    /** "✓", "✗" or "": the shape that carries the expectation where colour alone would. */
    String mark() {
        return mark;
    }

    /** "✓ expected under sigterm"; "" when it makes no claim. */
    String inWords(String fault) {
        return this == NO_CLAIM ? "" : mark + " " + word + " under " + fault;
    }

    /** The mark as the page shows it, its title saying which fault it is judged for; "" when it makes no claim. */
    String html(String fault) {
        return this == NO_CLAIM ? "" : "<span class=\"mk mk-" + name() + "\" title=\"" + Html.escape(inWords(fault)) + "\">"
                + mark + "</span>";
    }

    /**
     * The mark alone, for the grid's cells: some 3,000 of them on a merged page, each under its fault's heading, with
     * the rule in the legend ("Expected or not") and the words in the drill-down; "" when it makes no claim.
     */
    String markHtml() {
        return this == NO_CLAIM ? "" : "<span class=\"mk mk-" + name() + "\">" + mark + "</span>";
    }

    /** The rule in words, naming the catalog's faults aimed at main. */
    static String rule(Catalog catalog) {
        String aimed = catalog.faultsFailingMain().isEmpty() ? "" : " (" + String.join(", ", catalog.faultsFailingMain()) + ")";
        return EXPECTED.mark + " expected: SUCCEEDED under any fault (under one aimed at main: main was started again"
                + " and completed), and FAILED_BY_FAULT under a fault aimed at main" + aimed + ": the failure that fault"
                + " is meant to cause. " + UNEXPECTED.mark + " unexpected: every other outcome of a pattern (FAILED, STUCK,"
                + " TIMEOUT, REJECTED, DROPPED in each form): the sidecar or the pattern failed the Job, the Job never"
                + " ended, or the API server refused or changed the spec. No mark: NOT_APPLICABLE and ERROR say nothing"
                + " of the pattern. The fault's aim is read from results.json's catalog";
    }
}
