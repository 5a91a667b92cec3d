package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * Every cell in words, for a reader without JavaScript: per row, each cell's outcome, key figure, reason, findings
 * and note (each run's, for a cell run several times) and how to reproduce it, with an anchor each grid cell links to.
 * Pages of their own beside compatibility.html, one per column ({@link #file}: a merged page of 16 columns run 3 times
 * would make one page of some 9 MB), and {@value #FILE} listing them: with JavaScript the drill-down says all of this
 * and more, so the grid's page does not carry it twice.
 */
final class CellsInWords {

    private CellsInWords() {
    }

    /** The id of a cell's entry: what the grid cell's link points at. */
    static String anchor(int index) {
        return "cell-" + index;
    }

    /** The page that lists the columns' pages. */
    static final String FILE = "cells.html";

    /** A column's page of cells in words. */
    static String file(String cluster) {
        return "cells-" + ClusterNames.fileStem(cluster) + ".html";
    }

    /** Where the entry of the cell whose first record is {@code index}, on {@code cluster}, is. */
    static String href(int index, String cluster) {
        return file(cluster) + "#" + anchor(index);
    }

    /** The link a grid cell carries to its entry; shown only without JavaScript. */
    static String link(int index, String cluster) {
        return "<noscript><a class=\"why\" href=\"" + Html.escape(href(index, cluster)) + "\">why</a></noscript>";
    }

    /**
     * The pages, by file name: {@value #FILE} first, then each column's, in the grid's order of columns.
     *
     * @param repros each record's reproduction, as {@link Reproduction#of} gives them for {@code run}'s records
     */
    static Map<String, String> pages(SuiteResults run, List<Optional<Reproduction>> repros) {
        GridLayout grid = GridLayout.of(run);
        List<String> clusters = grid.clusters();
        ClusterNames.fileStems(clusters); // refuses two columns that would share a page
        java.util.Set<String> withRecords = run.results().stream().map(r -> r.key().cluster())
                .collect(java.util.stream.Collectors.toSet());
        Map<String, String> pages = new LinkedHashMap<>();
        StringBuilder list = new StringBuilder("<section id=\"cells-in-words\"><h1>Every cell in words</h1>\n")
                .append("<p>One page per column:</p>\n<ul>\n");
        Map<String, String> columns = new LinkedHashMap<>();
        for (String cluster : clusters) {
            if (!withRecords.contains(cluster)) {
                continue;
            }
            String body = render(grid, cluster, run.catalog(), repros);
            columns.put(file(cluster), page(run, "Every cell in words on " + cluster, body));
            list.append("<li><a href=\"").append(Html.escape(file(cluster))).append("\">").append(Html.escape(cluster))
                    .append("</a></li>\n");
        }
        pages.put(FILE, page(run, "Every cell in words", list.append("</ul>\n</section>\n").toString()));
        pages.putAll(columns);
        return pages;
    }

    /** A page: the grid page's styles, a way back, the body, how to reproduce. */
    private static String page(SuiteResults run, String heading, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Html.escape(heading) + ": "
                + Html.escape(HtmlReport.title(run)) + "</title>\n<style>\n" + PageAssets.CSS + OutcomeLook.css()
                + "</style>\n</head>\n<body>\n<p><a href=\"" + ReportWriter.COMPATIBILITY_HTML + "\">The grid, its summary"
                + " and legend</a> &middot; <a href=\"" + FILE + "\">every column</a></p>\n" + body + Reproduction.howTo()
                + "</body>\n</html>\n";
    }

    /** Every cell of one column, row by row. */
    private static String render(GridLayout grid, String cluster, Catalog catalog, List<Optional<Reproduction>> repros) {
        StringBuilder html = new StringBuilder("<section id=\"cells-in-words\"><h1>Every cell in words on ")
                .append(Html.escape(cluster)).append("</h1>\n");
        for (GridLayout.Row row : grid.rows()) {
            StringBuilder entries = new StringBuilder();
            for (String fault : grid.faults()) {
                grid.cellAt(row, new GridLayout.Column(fault, cluster))
                        .ifPresent(cell -> entries.append(entry(cell, catalog, repros.get(cell.representativeIndex()))));
            }
            if (!entries.isEmpty()) {
                html.append("<h3>").append(Html.escape(row.name())).append("</h3>\n<ul>\n").append(entries).append("</ul>\n");
            }
        }
        return html.append("</section>\n").toString();
    }

    /** One run: outcome, key figure, reason, findings and note. Several: the distribution, then each run so. */
    private static String entry(CellRuns cell, Catalog catalog, Optional<Reproduction> repro) {
        ScenarioResult first = cell.runs().get(0);
        String fault = first.key().fault();
        ColumnFigure column = catalog.figureOf(fault);
        StringBuilder html = new StringBuilder("<li id=\"").append(anchor(cell.indices().get(0))).append("\"><b>")
                .append(Html.escape(first.key().fault())).append(" on ").append(Html.escape(first.key().cluster()))
                .append("</b>: ");
        if (cell.count() == 1) {
            return html.append(run(first, column, catalog)).append(reproduce(repro)).append("</li>\n").toString();
        }
        html.append(Expectation.of(cell.shownForm(), fault, catalog).html(fault)).append("<span class=\"lbl\">").append(Html.escape(OutcomeLook.label(cell.shownForm()))).append("</span> ")
                .append("<span class=\"runs\">").append(Html.escape(cell.distribution()))
                .append(cell.unstable() ? " (unstable)" : "").append("</span><ol class=\"run-list\">");
        for (ScenarioResult r : cell.runs()) {
            html.append("<li data-repeat=\"").append(r.repeat()).append("\">run ").append(r.repeat()).append(": ")
                    .append(run(r, column, catalog)).append("</li>");
        }
        return html.append("</ol>").append(reproduce(repro)).append("</li>\n").toString();
    }

    private static String run(ScenarioResult result, ColumnFigure column, Catalog catalog) {
        String fault = result.key().fault();
        StringBuilder html = new StringBuilder(Expectation.of(OutcomeForm.of(result), fault, catalog).html(fault))
                .append("<span class=\"lbl\">")
                .append(Html.escape(OutcomeLook.label(OutcomeForm.of(result)))).append("</span>");
        String figure = KeyFigure.of(result, column);
        if (!figure.isEmpty()) {
            html.append(" <span class=\"fig\">").append(Html.escape(figure)).append("</span>");
        }
        html.append(" <span class=\"reason\">")
                .append(Html.escape(result.reason().isBlank() ? "(no reason recorded)" : result.reason())).append("</span>");
        if (!result.findings().isEmpty()) {
            html.append("<ul class=\"findings\">");
            for (Finding f : result.findings()) {
                html.append("<li data-kind=\"").append(f.kind().name()).append("\"><b>")
                        .append(Html.escape(Legend.name(f.kind()))).append("</b>: ").append(Html.escape(f.text()))
                        .append("</li>");
            }
            html.append("</ul>");
        }
        if (!result.note().isBlank()) {
            html.append("<p class=\"note\">note: ").append(Html.escape(result.note())).append("</p>");
        }
        return html.toString();
    }

    /** The shown run's command, images and what it asks of the node, folded; nothing when it recorded no objects. */
    private static String reproduce(Optional<Reproduction> repro) {
        if (repro.isEmpty()) {
            return "";
        }
        Reproduction r = repro.get();
        StringBuilder html = new StringBuilder("<details class=\"repro\"><summary>reproduce</summary><pre>")
                .append(Html.escape(r.command())).append("</pre><p class=\"small\">images: ")
                .append(Html.escape(String.join(", ", r.images())));
        if (!r.privileged().isEmpty()) {
            html.append("; beyond an ordinary pod: ").append(Html.escape(String.join("; ", r.privileged())));
        }
        return html.append(" (<a href=\"#reproduce\">how and why</a>)</p></details>").toString();
    }
}
