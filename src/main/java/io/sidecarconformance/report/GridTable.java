package io.sidecarconformance.report;

import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The grid as an HTML table: a header row of clusters (sticky), then per fault a body with its heading row, a heading
 * row per pattern and one row per sidecar / variant run under that fault, so that no column holds only gaps.
 */
final class GridTable {

    private GridTable() {
    }

    static String render(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        Map<String, String> serverVersions = run.clusters().stream().collect(Collectors.toMap(
                ClusterInfo::id, c -> (c.serverVersion() == null ? "server did not answer" : c.serverVersion())
                        + (c.columnSettings().isEmpty() ? "" : "; " + c.columnSettings()),
                (a, b) -> a));
        int width = grid.clusters().size() + 1;
        StringBuilder html = new StringBuilder();
        html.append("<table id=\"grid\" class=\"grid\">\n<thead>\n<tr><th class=\"corner\">fault, then pattern / sidecar / variant</th>");
        for (String cluster : grid.clusters()) {
            html.append("<th class=\"cluster\" data-c=\"").append(Html.escape(cluster)).append("\" title=\"")
                    .append(Html.escape(serverVersions.getOrDefault(cluster, ""))).append("\"><a class=\"gl\" href=\"#")
                    .append(Html.escape(Glossary.anchor(Glossary.Term.COLUMN, cluster))).append("\">")
                    .append(breakable(ClusterNames.shortName(cluster, grid.clusters()))).append("</a></th>");
        }
        html.append("</tr>\n</thead>\n");
        for (String fault : grid.faults()) {
            html.append("<tbody data-f=\"").append(Html.escape(fault)).append("\">\n<tr class=\"fhead\"><th class=\"fault\" colspan=\"")
                    .append(width).append("\">").append(Glossary.link(Glossary.Term.FAULT, fault, fault))
                    .append(run.catalog().fault(fault).map(f -> " <span class=\"flabel\">" + Html.escape(f.label()) + "</span>").orElse(""))
                    .append("</th></tr>\n");
            String pattern = null;
            for (GridLayout.Row row : grid.rowsUnder(fault)) {
                if (!row.pattern().equals(pattern)) {
                    pattern = row.pattern();
                    html.append("<tr class=\"group\" data-group=\"").append(Html.escape(pattern)).append("\"><th colspan=\"")
                            .append(width).append("\"").append(title(run.catalog().pattern(pattern).map(CatalogEntry::label)))
                            .append("><span>").append(Glossary.link(Glossary.Term.PATTERN, pattern, pattern)).append("</span></th></tr>\n");
                }
                html.append(row(run, grid, row, fault));
            }
            html.append("</tbody>\n");
        }
        return html.append("</table>\n").toString();
    }

    /** One pattern / sidecar / variant under one fault: a cell per cluster, in the clusters' order. */
    private static String row(SuiteResults run, GridLayout grid, GridLayout.Row row, String fault) {
        List<GridLayout.Column> columns = grid.clusters().stream().map(c -> new GridLayout.Column(fault, c)).toList();
        List<Optional<CellRuns>> cells = columns.stream().map(column -> grid.cellAt(row, column)).toList();
        // The outcomes (and their forms: "dropped_hangs" finds DROPPED_HANGS) and findings a row holds, so the filter box
        // can find "stuck" or "race" rows as well as patterns and faults.
        Set<String> words = new TreeSet<>();
        cells.stream().flatMap(Optional::stream).forEach(cell -> {
            cell.runs().forEach(r -> {
                words.add(r.outcome().name());
                words.add(OutcomeForm.of(r).name());
                r.findings().forEach(f -> words.add(f.kind().name()));
            });
            if (cell.unstable()) {
                words.add("UNSTABLE");
            }
        });
        StringBuilder html = new StringBuilder();
        // data-r: the row's place in the grid's row order, so lists across faults (the compare view) keep it.
        html.append("<tr class=\"row\" id=\"").append(Html.escape(rowAnchor(fault, row))).append("\" data-r=\"")
                .append(grid.rows().indexOf(row)).append("\" data-group=\"").append(Html.escape(row.pattern()))
                .append("\" data-row=\"").append(Html.escape(row.name()))
                .append("\" data-verdicts=\"").append(String.join(" ", words)).append("\"><th class=\"rowname\" title=\"")
                .append(Html.escape(row.name() + " under " + fault)).append("\">")
                .append(Glossary.link(Glossary.Term.SIDECAR, row.sidecar(), row.sidecar()))
                .append(" <span class=\"sep\">/</span> ").append(Glossary.variantLinks(row.variant())).append("</th>");
        ColumnFigure figure = run.catalog().figureOf(fault);
        for (int c = 0; c < columns.size(); c++) {
            GridLayout.Column column = columns.get(c);
            html.append(cells.get(c).map(cell -> cell(cell, column, figure,
                            Expectation.of(cell.shownForm(), fault, run.catalog())))
                    .orElse("<td class=\"empty\"" + columnData(column) + " title=\"not run on this version\">&ndash;</td>"));
        }
        return html.append("</tr>\n").toString();
    }

    /** The id of a row under a fault, "row/sigterm/native/dind/exec": what the answers and the upgrade view link to. */
    static String rowAnchor(String fault, GridLayout.Row row) {
        return String.join("/", "row", fault, row.pattern(), row.sidecar(), row.variant());
    }

    /** The attributes that let the pivot hide a column and the diff find a cell: cluster and fault. */
    static String columnData(GridLayout.Column column) {
        return " data-c=\"" + Html.escape(column.cluster()) + "\" data-f=\"" + Html.escape(column.fault()) + "\"";
    }

    /** A title attribute holding what the catalog says of a fault or pattern; none when it says nothing. */
    private static String title(Optional<String> label) {
        return label.filter(l -> !l.isBlank()).map(l -> " title=\"" + Html.escape(l) + "\"").orElse("");
    }

    /** @param figure the figure the cell's fault column shows */
    static String cell(CellRuns cell, GridLayout.Column column, ColumnFigure figure, Expectation expectation) {
        OutcomeForm form = cell.shownForm();
        ScenarioResult shown = cell.representative();
        StringBuilder html = new StringBuilder();
        html.append("<td class=\"cell ").append(OutcomeLook.cssClass(form))
                .append(cell.unstable() ? " unstable" : "")
                .append("\" data-i=\"").append(cell.representativeIndex()).append("\" data-runs=\"")
                .append(cell.indices().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .append("\" data-v=\"").append(form.name())
                .append("\"").append(columnData(column))
                .append(" tabindex=\"0\" title=\"").append(Html.escape(markupTitle(cell, figure))).append("\">")
                .append("<span class=\"out\">").append(expectation.markHtml())
                .append("<span class=\"lbl\">").append(Html.escape(OutcomeLook.label(form)).replace("_", "_<wbr>"))
                .append("</span></span>");
        String shownFigure = KeyFigure.of(shown, figure);
        if (!shownFigure.isEmpty()) {
            html.append("<span class=\"fig\">").append(Html.escape(shownFigure)).append("</span>");
        }
        if (cell.count() > 1) {
            html.append("<span class=\"runs\">").append(cell.shownCount()).append('/').append(cell.count()).append("</span>");
            cell.formCounts().forEach((other, n) -> {
                if (other != form) {
                    html.append("<span class=\"alt ").append(OutcomeLook.cssClass(other)).append("\" title=\"")
                            .append(n).append(" of ").append(cell.count()).append(": ")
                            .append(Html.escape(OutcomeLook.label(other))).append("\">")
                            .append(n).append("</span>");
                }
            });
        }
        if (!cell.note().isBlank()) {
            html.append("<span class=\"mark\" aria-label=\"has a note\">&#9998;</span>");
        }
        String badges = badges(cell);
        if (!badges.isEmpty()) {
            html.append("<span class=\"finds\">").append(badges).append("</span>");
        }
        return html.append(CellsInWords.link(cell.indices().get(0), cell.runs().get(0).key().cluster())).append("</td>").toString();
    }

    /**
     * One badge per finding kind that has one, titled with the finding's name (and in how many runs it was seen): its
     * text is in the cell's own title (of the run shown), the drill-down and cells.html, not repeated here, for the
     * page's size. Seen in only some of several runs: the badge says in how many, e.g. "race 2/3".
     */
    private static String badges(CellRuns cell) {
        StringBuilder html = new StringBuilder();
        cell.findingCounts().forEach((kind, n) -> {
            String badge = OutcomeLook.badge(kind);
            if (badge.isEmpty()) {
                return;
            }
            ScenarioResult first = cell.runs().stream().filter(r -> r.has(kind)).findFirst().orElseThrow();
            String text = kind == FindingKind.SIDECAR_RESTARTED && first.figures().sidecarRestarts() != null
                    && cell.count() == 1 ? badge + first.figures().sidecarRestarts() : badge;
            String title = Legend.name(kind);
            if (n < cell.count()) {
                text += " " + n + "/" + cell.count();
                title += ": seen in " + n + " of " + cell.count() + " runs";
            }
            html.append("<span class=\"find\" data-finding=\"").append(kind.name()).append("\" title=\"")
                    .append(Html.escape(title)).append("\">")
                    .append(Html.escape(text)).append("</span>");
        });
        return html.toString();
    }

    /** The cell's hover text: its outcome distribution, then the shown run's reason, key figure in full, findings' names and note. */
    static String tooltip(CellRuns cell, ColumnFigure figure) {
        if (cell.count() == 1) {
            return tooltip(cell.runs().get(0), figure);
        }
        // The shown run only: every run's own text is in the drill-down and in cells.html, not in each cell's title.
        ScenarioResult shown = cell.representative();
        return distributionLine(cell) + "\nrun " + shown.repeat() + ", shown: " + tooltip(shown, figure).replace("\n", "\n  ")
                + "\nthe other runs: click the cell";
    }

    /**
     * The cell's title in the page's markup: a cell of one run, its whole {@link #tooltip}; of several, the first line of
     * it, how many runs had each outcome. The rest is the page's largest text (a merged page of 16 versions run 3 times
     * has some 3,000 cells): it travels packed beside the grid ({@link #hovers}), and the page's script puts it
     * in the title; without JavaScript, the cell's link to cells.html says it all.
     */
    static String markupTitle(CellRuns cell, ColumnFigure figure) {
        return cell.count() == 1 ? tooltip(cell, figure) : distributionLine(cell);
    }

    /** {@link #hovers} as JSON, by index in increasing order, for the page's script. */
    static String hoversJson(SuiteResults run) {
        return Html.compactJson(new TreeMap<>(hovers(run)), "the cells' titles of run " + run.runId());
    }

    /** The whole {@link #tooltip} of each cell of several runs, by its shown run's index: what the markup leaves out. */
    static Map<Integer, String> hovers(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        Map<Integer, String> hovers = new HashMap<>();
        for (String fault : grid.faults()) {
            ColumnFigure figure = run.catalog().figureOf(fault);
            for (GridLayout.Row row : grid.rowsUnder(fault)) {
                for (String cluster : grid.clusters()) {
                    grid.cellAt(row, new GridLayout.Column(fault, cluster)).filter(cell -> cell.count() > 1)
                            .ifPresent(cell -> hovers.put(cell.representativeIndex(), tooltip(cell, figure)));
                }
            }
        }
        return hovers;
    }

    private static String distributionLine(CellRuns cell) {
        return cell.distribution() + (cell.unstable() ? " (unstable)" : "");
    }

    private static String tooltip(ScenarioResult result, ColumnFigure column) {
        StringBuilder text = new StringBuilder(OutcomeLook.label(OutcomeForm.of(result))).append(": ")
                .append(result.reason().isBlank() ? "(no reason recorded)" : result.reason());
        String figure = KeyFigure.explained(result, column);
        if (!figure.isEmpty()) {
            text.append("\n").append(figure);
        }
        if (!result.findings().isEmpty()) {
            // Names only: each finding's text is in the drill-down and cells.html (a page of 16 versions carries
            // some 3,000 cells, and the texts were a fifth of it).
            text.append("\nfindings: ").append(result.findings().stream().map(f -> Legend.name(f.kind()))
                    .distinct().collect(Collectors.joining(", ")));
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
}
