package io.sidecarconformance.report;

import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.RunResults;
import io.sidecarconformance.result.ScenarioResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The grid as an HTML table: two header rows (fault, then cluster), a heading row per pattern, one row per variant. */
final class GridTable {

    private GridTable() {
    }

    static String render(RunResults run) {
        GridLayout grid = GridLayout.of(run);
        Map<String, String> serverVersions = run.clusters().stream().collect(Collectors.toMap(
                ClusterInfo::id, c -> c.serverVersion() == null ? "server did not answer" : c.serverVersion(),
                (a, b) -> a));
        StringBuilder html = new StringBuilder();
        html.append("<table id=\"grid\" class=\"grid\">\n<thead>\n<tr><th rowspan=\"2\" class=\"corner\">pattern / sidecar / variant</th>");
        for (String fault : grid.faults()) {
            html.append("<th class=\"fault fstart\" colspan=\"").append(grid.clusters().size()).append("\">")
                    .append(Html.escape(fault)).append("</th>");
        }
        html.append("</tr>\n<tr>");
        for (GridLayout.Column column : grid.columns()) {
            html.append("<th class=\"cluster").append(startsFault(grid, column) ? " fstart" : "")
                    .append("\" title=\"").append(Html.escape(serverVersions.getOrDefault(column.cluster(), "")))
                    .append("\">").append(breakable(column.cluster())).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        String pattern = null;
        for (GridLayout.Row row : grid.rows()) {
            if (!row.pattern().equals(pattern)) {
                pattern = row.pattern();
                html.append("<tr class=\"group\" data-group=\"").append(Html.escape(pattern)).append("\"><th colspan=\"")
                        .append(grid.columns().size() + 1).append("\"><span>").append(Html.escape(pattern)).append("</span></th></tr>\n");
            }
            html.append(row(run, grid, row));
        }
        html.append("</tbody>\n</table>\n");
        return html.toString();
    }

    private static String row(RunResults run, GridLayout grid, GridLayout.Row row) {
        List<Optional<Integer>> cells = grid.columns().stream().map(column -> grid.recordAt(row, column)).toList();
        // The outcomes and findings a row holds, so the filter box can find "stuck" or "race" rows as well as patterns.
        String verdicts = cells.stream().flatMap(Optional::stream)
                .flatMap(i -> java.util.stream.Stream.concat(java.util.stream.Stream.of(run.results().get(i).outcome().name()),
                        run.results().get(i).findings().stream().map(f -> f.kind().name())))
                .distinct().sorted().collect(Collectors.joining(" "));
        StringBuilder html = new StringBuilder();
        html.append("<tr class=\"row\" data-group=\"").append(Html.escape(row.pattern()))
                .append("\" data-row=\"").append(Html.escape(row.name()))
                .append("\" data-verdicts=\"").append(verdicts).append("\"><th class=\"rowname\" title=\"")
                .append(Html.escape(row.name())).append("\">").append(Html.escape(row.sidecar()))
                .append(" <span class=\"sep\">/</span> ").append(Html.escape(row.variant())).append("</th>");
        List<GridLayout.Column> columns = grid.columns();
        for (int c = 0; c < columns.size(); c++) {
            String fstart = startsFault(grid, columns.get(c)) ? " fstart" : "";
            html.append(cells.get(c).map(index -> cell(run.results().get(index), index, fstart))
                    .orElse("<td class=\"empty" + fstart + "\" title=\"no record\">&ndash;</td>"));
        }
        html.append("</tr>\n");
        return html.toString();
    }

    private static String cell(ScenarioResult result, int index, String extraClass) {
        Outcome outcome = result.outcome();
        StringBuilder html = new StringBuilder();
        html.append("<td class=\"cell ").append(OutcomeLook.cssClass(outcome)).append(extraClass)
                .append("\" data-i=\"").append(index).append("\" data-v=\"").append(outcome.name())
                .append("\" tabindex=\"0\" title=\"").append(Html.escape(tooltip(result))).append("\">")
                .append("<span class=\"lbl\">").append(Html.escape(OutcomeLook.label(outcome))).append("</span>");
        String figure = KeyFigure.of(result);
        if (!figure.isEmpty()) {
            html.append("<span class=\"fig\">").append(Html.escape(figure)).append("</span>");
        }
        if (!result.note().isBlank()) {
            html.append("<span class=\"mark\" aria-label=\"has a note\">&#9998;</span>");
        }
        String badges = badges(result);
        if (!badges.isEmpty()) {
            html.append("<span class=\"finds\">").append(badges).append("</span>");
        }
        return html.append(CellsInWords.link(index)).append("</td>").toString();
    }

    /** One badge per finding that has one; its title is the finding's text, so hovering it says what was seen. */
    private static String badges(ScenarioResult result) {
        StringBuilder html = new StringBuilder();
        for (Finding f : result.findings()) {
            String badge = OutcomeLook.badge(f.kind());
            if (badge.isEmpty()) {
                continue;
            }
            String text = f.kind() == FindingKind.SIDECAR_RESTARTED && result.figures().sidecarRestarts() != null
                    ? badge + result.figures().sidecarRestarts() : badge;
            html.append("<span class=\"find\" data-finding=\"").append(f.kind().name()).append("\" title=\"")
                    .append(Html.escape(Legend.name(f.kind()) + ": " + f.text())).append("\">")
                    .append(Html.escape(text)).append("</span>");
        }
        return html.toString();
    }

    private static String tooltip(ScenarioResult result) {
        StringBuilder text = new StringBuilder(result.outcome().name()).append(": ")
                .append(result.reason().isBlank() ? "(no reason recorded)" : result.reason());
        for (Finding f : result.findings()) {
            text.append("\n- ").append(Legend.name(f.kind())).append(": ").append(f.text());
        }
        if (!result.note().isBlank()) {
            text.append("\nnote: ").append(result.note());
        }
        return text.toString();
    }

    // Long ids such as "kind:1.28-sidecars" may wrap after the colon instead of widening the whole column.
    private static String breakable(String clusterId) {
        return Html.escape(clusterId).replace(":", ":<wbr>");
    }

    private static boolean startsFault(GridLayout grid, GridLayout.Column column) {
        return column.cluster().equals(grid.clusters().get(0));
    }
}
