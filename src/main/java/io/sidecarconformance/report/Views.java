package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;

import java.util.List;

/**
 * The controls that choose what the page shows: which versions (columns) and faults the summary, the grid and the
 * upgrade view show ({@link UpgradeView} has its own two pickers). They need JavaScript, so they start hidden and the
 * page's script shows them; without it the page shows every column.
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

    private static String checkbox(String group, String value, String label) {
        return "<label><input type=\"checkbox\" checked data-" + group + "=\"" + Html.escape(value) + "\"> "
                + Html.escape(label) + "</label>";
    }
}
