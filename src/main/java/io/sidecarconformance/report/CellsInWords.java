package io.sidecarconformance.report;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.RunResults;
import io.sidecarconformance.result.ScenarioResult;

import java.util.Optional;

/**
 * Every cell in words, for a reader without JavaScript: per row, each cell's outcome, key figure, reason, findings
 * and note, with an anchor each grid cell links to. It sits in a {@code <noscript>}: with JavaScript the drill-down
 * says all of this and more.
 */
final class CellsInWords {

    private CellsInWords() {
    }

    /** The id of a cell's entry: what the grid cell's link points at. */
    static String anchor(int index) {
        return "cell-" + index;
    }

    /** The link a grid cell carries to its entry; shown only without JavaScript. */
    static String link(int index) {
        return "<noscript><a class=\"why\" href=\"#" + anchor(index) + "\">why</a></noscript>";
    }

    static String render(RunResults run) {
        GridLayout grid = GridLayout.of(run);
        StringBuilder html = new StringBuilder("<noscript><section id=\"cells-in-words\"><h2>Every cell in words</h2>\n");
        for (GridLayout.Row row : grid.rows()) {
            html.append("<h3>").append(Html.escape(row.name())).append("</h3>\n<ul>\n");
            for (GridLayout.Column column : grid.columns()) {
                Optional<Integer> index = grid.recordAt(row, column);
                index.ifPresent(i -> html.append(entry(run.results().get(i), i)));
            }
            html.append("</ul>\n");
        }
        return html.append("</section></noscript>\n").toString();
    }

    private static String entry(ScenarioResult result, int index) {
        StringBuilder html = new StringBuilder("<li id=\"").append(anchor(index)).append("\"><b>")
                .append(Html.escape(result.key().fault())).append(" on ").append(Html.escape(result.key().cluster()))
                .append("</b>: <span class=\"lbl\">").append(Html.escape(OutcomeLook.label(result.outcome())))
                .append("</span>");
        String figure = KeyFigure.of(result);
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
        return html.append("</li>\n").toString();
    }
}
