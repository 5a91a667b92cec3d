package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import java.util.List;
import java.util.Locale;

/**
 * The page's legends: outcomes in the order the rules try them (DROPPED with the forms a cell shows it in), findings
 * with their badges, cells run several times, and the key figure.
 */
final class Legend {

    /** The order VerdictRules tries the outcome rules in: the first that holds decides. */
    static final List<Outcome> RULE_ORDER = List.of(Outcome.ERROR, Outcome.NOT_APPLICABLE, Outcome.REJECTED,
            Outcome.DROPPED, Outcome.TIMEOUT, Outcome.STUCK, Outcome.SUCCEEDED, Outcome.FAILED_BY_FAULT, Outcome.FAILED);

    private Legend() {
    }

    static String render(Catalog catalog) {
        StringBuilder html = new StringBuilder("<div class=\"legends\">\n");
        html.append("<section class=\"outcomes\"><h2>Outcomes: what the Job ended as</h2>")
                .append("<p class=\"small\">The first rule that holds decides, tried in this order:</p><ol class=\"legend\">");
        for (Outcome outcome : RULE_ORDER) {
            OutcomeForm plain = OutcomeForm.of(outcome);
            html.append("<li id=\"").append(Glossary.anchor(Glossary.Term.OUTCOME, outcome.name())).append("\" data-v=\"")
                    .append(outcome.name()).append("\"><span class=\"sw ")
                    .append(OutcomeLook.cssClass(plain)).append("\">").append(Html.escape(OutcomeLook.label(plain)))
                    .append("</span><b>").append(outcome.name()).append("</b><span class=\"rule\">")
                    .append(Html.escape(OutcomeLook.rule(plain, catalog))).append("</span></li>");
            for (OutcomeForm form : OutcomeForm.values()) {
                if (form.outcome() == outcome && form.then().isPresent()) {
                    html.append(formEntry(form, catalog));
                }
            }
        }
        html.append("</ol><h2 id=\"expected\">Expected or not: the mark beside an outcome</h2><p class=\"small rule\">")
                .append(Html.escape(Expectation.rule(catalog))).append(".</p></section>\n<section class=\"findings\"><h2>Findings: what was seen on the way</h2>")
                .append("<p class=\"small\">Any number per cell, whatever the outcome; a cell shows a badge for each and")
                .append(" names them all when hovered; what each one saw: click the cell (or its <i>why</i> link without")
                .append(" JavaScript).</p><ul class=\"legend\">");
        for (FindingKind kind : FindingKind.values()) {
            String badge = OutcomeLook.badge(kind);
            html.append("<li data-finding=\"").append(kind.name()).append("\">")
                    .append(badge.isEmpty()
                            ? "<span class=\"find none\" title=\"no badge: named in the cell's hover, its text in the drill-down\">no badge</span>"
                            : "<span class=\"find\">" + Html.escape(badge) + "</span>")
                    .append("<b>").append(name(kind)).append("</b><span class=\"rule\">")
                    .append(Html.escape(OutcomeLook.rule(kind))).append("</span></li>");
        }
        html.append("</ul></section>\n");
        html.append("<section class=\"repeats\"><h2>Cells run several times (-Drepeat)</h2><p class=\"small\">")
                .append("A cell shows the outcome most of its runs had, runs that ended in ERROR left out; a tie goes to")
                .append(" the worse outcome, in the order ").append(Html.escape(String.join(", ",
                        CellRuns.WORST_FIRST.stream().map(OutcomeLook::label).toList())))
                .append(". <b>2/3</b>: that outcome in 2 of 3 runs; a small square per other outcome with its count;")
                .append(" a badge seen in only some runs says in how many (<span class=\"find\">race 2/3</span>).")
                .append(" <span class=\"unstable-key\">unstable</span> (striped corner): ")
                .append(Html.escape(CellRuns.UNSTABLE_RULE)).append(".</p></section>\n");
        html.append("<section class=\"keyfigure\"><h2>Key figure: the number beside the outcome</h2><p class=\"small\">")
                .append(Html.escape(KeyFigure.rule(catalog))).append(".</p></section>\n");
        return html.append("</div>\n").toString();
    }

    /** A form an outcome is shown in (DROPPED, then what the Job did), under the outcome's entry. */
    private static String formEntry(OutcomeForm form, Catalog catalog) {
        String then = form.then().orElseThrow().name();
        return "<li class=\"form\" data-form=\"" + form.name() + "\"><span class=\"sw " + OutcomeLook.cssClass(form) + "\">"
                + Html.escape(OutcomeLook.label(form)) + "</span><b>then " + Html.escape(then) + "</b><span class=\"rule\">"
                + Html.escape(OutcomeLook.rule(form, catalog)) + "</span></li>";
    }

    /** "race at start" for RACE_AT_START. */
    static String name(FindingKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
