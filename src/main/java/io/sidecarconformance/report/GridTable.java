package io.sidecarconformance.report;

import io.sidecarconformance.verdict.Verdict;

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
        // The verdicts a row holds, so the filter box can find "stuck" rows as well as pattern names.
        String verdicts = cells.stream().flatMap(Optional::stream)
                .map(i -> run.results().get(i).verdict().name())
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
        Verdict verdict = result.verdict();
        StringBuilder html = new StringBuilder();
        html.append("<td class=\"cell ").append(VerdictLook.cssClass(verdict)).append(extraClass)
                .append("\" data-i=\"").append(index).append("\" data-v=\"").append(verdict.name())
                .append("\" tabindex=\"0\" title=\"").append(Html.escape(tooltip(result))).append("\">")
                .append("<span class=\"lbl\">").append(VerdictLook.label(verdict)).append("</span>");
        String figure = KeyFigure.of(result);
        if (!figure.isEmpty()) {
            html.append("<span class=\"fig\">").append(Html.escape(figure)).append("</span>");
        }
        if (!result.note().isBlank()) {
            html.append("<span class=\"mark\" aria-label=\"has a note\">&#9998;</span>");
        }
        if (result.jobVerdict() != verdict) {
            // The short label, as the cell's own verdict: a cell is narrow.
            html.append("<span class=\"job\">job: ").append(VerdictLook.label(result.jobVerdict())).append("</span>");
        }
        return html.append("</td>").toString();
    }

    private static String tooltip(ScenarioResult result) {
        StringBuilder text = new StringBuilder(result.verdict().name()).append(": ")
                .append(result.reason().isBlank() ? "(no reason recorded)" : result.reason());
        if (result.jobVerdict() != result.verdict()) {
            text.append("\nJob verdict: ").append(result.jobVerdict().name());
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
