package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;

import java.util.List;

/**
 * The controls that choose what the page shows: which versions (columns) and faults the summary and the grid show,
 * and which two columns to compare. They need JavaScript, so they start hidden and the page's script shows them;
 * without it the page shows every column.
 */
final class Views {

    private Views() {
    }

    /** Checkboxes per version and per fault. */
    static String render(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        List<String> clusters = grid.clusters();
        // Filled by the script when the page's link names versions or faults it does not have.
        StringBuilder html = new StringBuilder("<div id=\"hash-note\" role=\"status\" hidden></div>\n")
                .append("<section id=\"view\" hidden><h2>Show</h2><div class=\"pick\"")
                .append(" id=\"pick-versions\"><span class=\"what\">versions</span>");
        for (String cluster : clusters) {
            html.append(checkbox("pivot-c", cluster, ClusterNames.shortName(cluster, clusters)));
        }
        html.append("<button type=\"button\" data-all=\"pivot-c\">all</button><button type=\"button\" data-none=\"pivot-c\">")
                .append("none</button></div><div class=\"pick\" id=\"pick-faults\"><span class=\"what\">faults</span>");
        for (String fault : grid.faults()) {
            html.append(checkbox("pivot-f", fault, fault));
        }
        return html.append("<button type=\"button\" data-all=\"pivot-f\">all</button><button type=\"button\" data-none=\"pivot-f\">")
                .append("none</button></div></section>\n").toString();
    }

    /** Two version pickers and the place the script lists the cells that differ between them. */
    static String compare(SuiteResults run) {
        List<String> clusters = GridLayout.of(run).clusters();
        if (clusters.size() < 2) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"compare\" hidden><h2>Compare two versions</h2>")
                .append("<p class=\"small\">The cells that differ between two columns under the faults shown: a cell")
                .append(" differs when the set of outcomes its runs had, or (box ticked) of finding kinds any run saw, is not")
                .append(" the same. A cell run on only one of the two is counted apart, and listed (- : not run there) when")
                .append(" the box says so. Click a cell for its drill-down.</p><label>from ")
                .append(select("compare-from", clusters, clusters.get(clusters.size() - 2))).append("</label> <label>to ")
                .append(select("compare-to", clusters, clusters.get(clusters.size() - 1)))
                .append("</label> <button type=\"button\" id=\"compare-swap\">swap</button> <label><input type=\"checkbox\"")
                .append(" id=\"compare-findings\" checked> findings count too (off: outcomes only)</label>")
                .append(" <label><input type=\"checkbox\" id=\"compare-onesided\"> list cells run on only one of the two</label>")
                .append("<div id=\"compare-out\"></div></section>\n");
        return html.toString();
    }

    private static String checkbox(String group, String value, String label) {
        return "<label><input type=\"checkbox\" checked data-" + group + "=\"" + Html.escape(value) + "\"> "
                + Html.escape(label) + "</label>";
    }

    private static String select(String id, List<String> clusters, String chosen) {
        StringBuilder html = new StringBuilder("<select id=\"").append(id).append("\">");
        for (String cluster : clusters) {
            html.append("<option value=\"").append(Html.escape(cluster)).append("\"")
                    .append(cluster.equals(chosen) ? " selected" : "").append(">")
                    .append(Html.escape(ClusterNames.shortName(cluster, clusters))).append("</option>");
        }
        return html.append("</select>").toString();
    }
}
