package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.List;
import java.util.Map;

/**
 * The summary on top of the page: {@link Summary} as tables of a few faults each, one square per cluster in each fault's cell, coloured by
 * outcome (split in proportion when the variants differ), cornered when unstable. Every square carries its words and
 * variants in its title, so it reads without JavaScript; the pivot shows the words in the square when few versions
 * are chosen.
 */
final class SummaryTable {

    /** A square's width (page.css's .sq), and the width a summary table may take at a 1280 px screen. */
    static final int SQUARE_PX = 14;
    static final int FITS_PX = 1070;
    /**
     * Up to this many versions shown, the page's script writes each square's words in it, one version under the other
     * (page.js reads it from the section's data-words-up-to); a fault's column then takes about {@link #WORDS_PX}.
     */
    static final int WORDS_UP_TO = 3;
    static final int WORDS_PX = 160;

    /** A square whose variants' outcomes are expected for some and not for others. */
    static final String MIXED_MARK = "±";

    private SummaryTable() {
    }

    static String render(SuiteResults run) {
        Summary summary = Summary.of(run);
        if (summary.rows().isEmpty()) {
            return "";
        }
        List<String> clusters = summary.clusters();
        StringBuilder html = new StringBuilder("<section id=\"summary\" data-words-up-to=\"" + WORDS_UP_TO + "\"><h2>Summary: what the Job does, per sidecar and")
                .append(" pattern, under each fault, on each version</h2>\n<p class=\"small\">Computed from the cells below:")
                .append(" each square is one version, left to right ");
        for (String cluster : clusters) {
            html.append("<span class=\"vname\" data-c=\"").append(Html.escape(cluster)).append("\">")
                    .append(Html.escape(ClusterNames.shortName(cluster, clusters))).append("</span> ");
        }
        html.append(". Its colour is the outcome the pattern's variants had there, each variant counted once with the")
                .append(" outcome its cell shows (a DROPPED one with what the Job did then); split left to right in proportion when the variants differ.")
                .append(" The mark in a square: ✓ expected for its fault, ✗ not, ± some variants each way (<a href=\"#expected\">the")
                .append(" rule</a>). <span class=\"sq u sample\"></span> corner: a variant's cell is unstable.")
                .append(" <span class=\"sq none sample\"></span> not run there. Hover a square for the variants; ")
                .append(summaryKey()).append("</p>\n");
        for (List<String> faults : chunks(summary.faults(), clusters.size())) {
            html.append(table(summary, faults, run.catalog()));
        }
        return html.append("</section>\n").toString();
    }

    /**
     * The faults in groups, one table each, so that a table of squares of {@link #SQUARE_PX} fits {@link #FITS_PX}: at
     * 13 versions four faults a table; balanced, so that the last table is not a stub. With so few versions that the
     * squares hold their words, the widest choice a reader can make, all of them, in words.
     */
    static List<List<String>> chunks(List<String> faults, int clusters) {
        int perFault = Math.max(clusters * (SQUARE_PX + 1) + 12, clusters <= WORDS_UP_TO ? WORDS_PX : 0);
        int fit = Math.max(1, FITS_PX / perFault);
        int tables = (faults.size() + fit - 1) / fit;
        int size = tables == 0 ? 1 : (faults.size() + tables - 1) / tables;
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < faults.size(); i += size) {
            chunks.add(faults.subList(i, Math.min(faults.size(), i + size)));
        }
        return chunks;
    }

    private static String table(Summary summary, List<String> faults, Catalog catalog) {
        List<String> clusters = summary.clusters();
        StringBuilder html = new StringBuilder("<table class=\"summary\"><thead><tr><th class=\"corner\">sidecar / pattern</th>");
        for (String fault : faults) {
            html.append("<th class=\"sfault\" data-f=\"").append(Html.escape(fault)).append("\">")
                    .append(Glossary.link(Glossary.Term.FAULT, fault, fault)).append("</th>");
        }
        // The versions once more under each fault, written top to bottom, so a square can be told without hovering it.
        html.append("</tr><tr class=\"vrow\"><th></th>");
        for (String fault : faults) {
            html.append("<th data-f=\"").append(Html.escape(fault)).append("\"><span class=\"strip\">");
            for (String cluster : clusters) {
                html.append("<span class=\"vl\" data-c=\"").append(Html.escape(cluster)).append("\" title=\"")
                        .append(Html.escape(cluster)).append("\">").append(Html.escape(ClusterNames.tinyName(cluster, clusters)))
                        .append("</span>");
            }
            html.append("</span></th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        String sidecar = null;
        for (Summary.Row row : summary.rows()) {
            if (!row.sidecar().equals(sidecar)) {
                sidecar = row.sidecar();
                html.append("<tr class=\"sgroup\"><th colspan=\"").append(faults.size() + 1).append("\">")
                        .append(Glossary.link(Glossary.Term.SIDECAR, sidecar, sidecar)).append("</th></tr>\n");
            }
            html.append("<tr class=\"srow\" data-sidecar=\"").append(Html.escape(row.sidecar())).append("\" data-pattern=\"")
                    .append(Html.escape(row.pattern())).append("\"><th class=\"pname\">")
                    .append(Glossary.link(Glossary.Term.PATTERN, row.pattern(), row.pattern())).append("</th>");
            for (String fault : faults) {
                html.append("<td data-f=\"").append(Html.escape(fault)).append("\">");
                if (!summary.ran(row, fault)) {
                    html.append("<span class=\"notrun\" title=\"not run under this fault\">&ndash;</span></td>");
                    continue;
                }
                html.append("<span class=\"strip\">");
                for (String cluster : clusters) {
                    html.append(square(row, fault, cluster, summary.at(row, fault, cluster), clusters, catalog));
                }
                html.append("</span></td>");
            }
            html.append("</tr>\n");
        }
        return html.append("</tbody></table>\n").toString();
    }

    static String square(Summary.Row row, String fault, String cluster, Summary.Spot spot, List<String> clusters,
                         Catalog catalog) {
        String where = row.pattern() + " / " + row.sidecar() + " under " + fault + " on " + cluster + ": ";
        StringBuilder html = new StringBuilder("<span data-c=\"").append(Html.escape(cluster)).append("\" class=\"sq");
        if (spot == null) {
            return html.append(" none\" title=\"").append(Html.escape(where + "not run")).append("\"><i>")
                    .append(Html.escape(ClusterNames.shortName(cluster, clusters))).append(" &ndash;</i></span>").toString();
        }
        Map<OutcomeForm, Integer> counts = spot.counts();
        if (counts.size() == 1) {
            html.append(' ').append(OutcomeLook.cssClass(counts.keySet().iterator().next()));
        } else {
            html.append(" mixed");
        }
        html.append(spot.unstable().isEmpty() ? "" : " u").append("\"");
        if (counts.size() > 1) {
            html.append(" style=\"background:").append(gradient(counts)).append("\"");
        }
        Set<Expectation> expectations = spot.counts().keySet().stream().map(f -> Expectation.of(f, fault, catalog))
                .filter(e -> e != Expectation.NO_CLAIM).collect(Collectors.toCollection(() -> EnumSet.noneOf(Expectation.class)));
        String mark = expectations.size() == 1 ? expectations.iterator().next().mark() : expectations.isEmpty() ? "" : MIXED_MARK;
        return html.append(" title=\"").append(Html.escape(where + spot.words() + " (" + spot.detail() + ")"))
                .append("\"><b>").append(mark).append("</b><i>").append(Html.escape(ClusterNames.shortName(cluster, clusters) + " " + spot.words()))
                .append("</i></span>").toString();
    }

    /** Left to right, each outcome's share of the variants. */
    static String gradient(Map<OutcomeForm, Integer> counts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder css = new StringBuilder("linear-gradient(to right,");
        int done = 0;
        boolean first = true;
        for (Map.Entry<OutcomeForm, Integer> e : counts.entrySet()) {
            int from = Math.round(100f * done / total);
            done += e.getValue();
            int to = Math.round(100f * done / total);
            css.append(first ? "" : ",").append(OutcomeLook.solid(e.getKey())).append(' ').append(from).append("% ")
                    .append(to).append('%');
            first = false;
        }
        return css.append(')').toString();
    }

    private static String summaryKey() {
        StringBuilder html = new StringBuilder();
        for (OutcomeForm form : List.of(OutcomeForm.SUCCEEDED, OutcomeForm.FAILED_BY_FAULT, OutcomeForm.FAILED,
                OutcomeForm.STUCK, OutcomeForm.TIMEOUT, OutcomeForm.REJECTED, OutcomeForm.DROPPED_HANGS, OutcomeForm.DROPPED_FAILS,
                OutcomeForm.DROPPED_COMPLETES, OutcomeForm.DROPPED, OutcomeForm.NOT_APPLICABLE, OutcomeForm.ERROR)) {
            html.append("<span class=\"skey\"><span class=\"sq sample ").append(OutcomeLook.cssClass(form)).append("\"></span>")
                    .append(Html.escape(OutcomeLook.label(form))).append("</span> ");
        }
        return html.toString();
    }
}
