package io.sidecarconformance.report;

import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.UpstreamE2e;
import io.sidecarconformance.result.SuiteResults;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * compatibility.html: the answers ({@link Answers}), the choice of versions and faults, the caveats, the summary, the
 * upgrade view ({@link UpgradeView}), the changes since a previous run, the clusters, parameters, measurements, legend
 * and glossary, the grid, how the pods of the normal ends ended ({@link EndOfPodSection}) and a drill-down per cell, as
 * one file (inline CSS and JS, nothing fetched) that opens from file://; the drill-down's and the upgrade view's data
 * are packed ({@link PackedText}).
 * Without JavaScript, each cell links to its entry in {@link CellsInWords#FILE} beside it. Rendered
 * from a {@link SuiteResults} only (and the previous run's, for its changes): the page shows what results.json holds
 * and nothing else.
 */
public final class HtmlReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private HtmlReport() {
    }

    public static String render(SuiteResults run) {
        return render(run, null);
    }

    /**
     * @param previous an earlier run to list the changes since (MergeReports --previous), or null
     */
    public static String render(SuiteResults run, PreviousResults previous) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title(run))).append("</title>\n")
                .append("<style>\n").append(PageAssets.CSS).append(OutcomeLook.css()).append("</style>\n")
                .append("</head>\n<body data-ready=\"false\">\n")
                .append("<div id=\"script-errors\" role=\"alert\"></div>\n")
                // First script on the page, so that even a syntax error in the main script is reported.
                .append("<script>").append(PageAssets.ERROR_HOOK).append("</script>\n")
                .append(heading(run))
                .append(Answers.render(run))
                .append(Views.render(run))
                .append(Caveats.render(run))
                .append(SummaryTable.render(run))
                .append(UpgradeView.render(run))
                .append(previous == null ? "" : changes(previous, run))
                .append(header(run))
                .append("<div class=\"tools\"><label>filter <input id=\"filter\" type=\"search\" autocomplete=\"off\" ")
                .append("placeholder=\"pattern, sidecar, variant, outcome or finding\"></label><span id=\"counts\"></span></div>\n")
                .append("<main>\n").append(GridTable.render(run)).append("<noscript><p>Every cell in words, each run's")
                .append(" reason, findings and how to reproduce it: <a href=\"").append(CellsInWords.FILE).append("\">")
                .append(CellsInWords.FILE).append("</a>.</p></noscript>").append("</main>\n")
                .append(EndOfPodSection.render(run))
                .append("<aside id=\"drill\" hidden><button id=\"drill-close\" type=\"button\" title=\"close (Esc)\">")
                .append("&times;</button><div id=\"drill-body\"></div></aside>\n")
                // Only the drill-down reads its columns' files, loaded when a cell of one is first opened: the grid,
                // the summary and every reason above are markup. The titles of cells of several runs come packed.
                .append("<script type=\"application/json\" id=\"drill-files\">").append(drillFiles(run)).append("</script>\n")
                .append("<script type=\"application/gzip\" data-encoding=\"base64\" id=\"hover-data\">")
                .append(PackedText.gzipBase64(GridTable.hoversJson(run))).append("</script>\n")
                .append("<script>\n").append(PageAssets.SCRIPT).append("</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** Where each column's drill-down file sits, by column: {"local:1.35":"drill/local-1.35.js", ...}. */
    private static String drillFiles(SuiteResults run) {
        return Html.jsonInScript(Html.compactJson(DrillDownData.paths(run), "the drill-down files of run " + run.runId()));
    }

    /** "upstream e2e (quick): 55 of 57 passed", then each failure with its reason; "" when none ran. */
    static String upstreamE2e(UpstreamE2e e2e) {
        if (e2e == null) {
            return "";
        }
        StringBuilder html = new StringBuilder("<div class=\"e2e\">").append(Html.escape(e2e.summary()));
        if (e2e.skipped() > 0) {
            html.append(" (").append(e2e.skipped()).append(" skipped themselves)");
        }
        if (!e2e.failures().isEmpty()) {
            html.append("<ul>");
            for (UpstreamE2e.Failure f : e2e.failures()) {
                html.append("<li>").append(Html.escape(f.test())).append(": <i>").append(Html.escape(f.reason()))
                        .append("</i></li>");
            }
            html.append("</ul>");
        }
        return html.append("</div>").toString();
    }

    /** The tab's title, from the columns: "Sidecar compatibility: 1.27 to 1.37 (13 versions)". */
    static String title(SuiteResults run) {
        List<String> clusters = GridLayout.of(run).clusters();
        if (clusters.isEmpty()) {
            return "Sidecar compatibility";
        }
        String first = ClusterNames.shortName(clusters.get(0), clusters);
        if (clusters.size() == 1) {
            return "Sidecar compatibility: " + first;
        }
        return "Sidecar compatibility: " + first + " to " + ClusterNames.shortName(clusters.get(clusters.size() - 1), clusters)
                + " (" + clusters.size() + " versions)";
    }

    private static String heading(SuiteResults run) {
        long cells = run.results().stream().map(r -> r.key()).distinct().count();
        return "<h1>Sidecar lifecycle compatibility</h1>\n<p class=\"meta\">run <code>" + Html.escape(run.runId())
                + "</code> &middot; started " + time(run.startedAt()) + " &middot; finished " + time(run.finishedAt())
                + duration(run) + " &middot; " + cells + " cells, " + run.results().size() + " runs</p>\n";
    }

    /** The cells whose outcomes or findings changed since the previous run, as changes.txt lists them. */
    static String changes(PreviousResults previous, SuiteResults run) {
        List<OutcomeChanges.Change> changes = OutcomeChanges.changes(previous.results(), run);
        StringBuilder html = new StringBuilder("<section id=\"changes\"><h2>Changes since ")
                .append(Html.escape(previous.label())).append(" (").append(changes.size()).append(" cells)</h2>");
        if (changes.isEmpty()) {
            return html.append("<p class=\"small\">No outcome changed.</p></section>\n").toString();
        }
        html.append("<p class=\"small\">A cell is listed when the set of outcomes its runs had, or of finding kinds")
                .append(" they saw, changed (+ came, - went); - alone: the cell is new or gone. The count is of all; the lines")
                .append(" of versions and faults not chosen above are hidden.</p><ul class=\"changes\">");
        // Marked with the cell's version and fault, so that the choice of versions and faults hides it as it does the grid.
        changes.forEach(change -> html.append("<li data-c=\"").append(Html.escape(change.key().cluster())).append("\" data-f=\"")
                .append(Html.escape(change.key().fault())).append("\">").append(Html.escape(change.line())).append("</li>"));
        return html.append("</ul></section>\n").toString();
    }

    private static String header(SuiteResults run) {
        StringBuilder html = new StringBuilder();
        html.append("<header>\n<div class=\"panels\">\n");
        html.append("<section><h2>Clusters</h2><table class=\"small\" id=\"clusters\"><tr><th>cluster</th>")
                .append("<th>server version</th><th>node (read from the cluster)</th></tr>");
        for (ClusterInfo cluster : run.clusters()) {
            // the column's settings (its row of clusters/versions.tsv) beside its id: which column ran with what
            html.append("<tr><td><code>").append(Html.escape(cluster.id())).append("</code>")
                    .append(cluster.columnSettings().isEmpty() ? ""
                            : "<br><span class=\"set\">" + Html.escape(cluster.columnSettings()) + "</span>")
                    .append("</td><td>")
                    .append(cluster.serverVersion() == null ? "<i>did not answer</i>" : Html.escape(cluster.serverVersion()))
                    .append("</td><td>").append(cluster.nodeSummary().isEmpty() ? "<i>not read</i>"
                            : Html.escape(cluster.nodeSummary()))
                    .append(upstreamE2e(cluster.upstreamE2e()))
                    .append("</td></tr>");
        }
        html.append("</table></section>\n").append(OwnPodsSection.render(run.catalog()));
        if (!run.parameters().isEmpty()) {
            // Folded when long, as the measurements are, so the grid stays within reach below the summary.
            int count = run.parameters().size();
            html.append("<section><details").append(count <= 8 ? " open" : "").append("><summary><h2 style=\"display:inline\">")
                    .append("Parameters that shape outcomes (").append(count).append(")</h2></summary>")
                    .append("<table class=\"small\" id=\"parameters\">");
            for (Map.Entry<String, String> p : run.parameters().entrySet()) {
                html.append("<tr><th>").append(Html.escape(p.getKey())).append("</th><td>")
                        .append(Html.escape(p.getValue())).append("</td></tr>");
            }
            html.append("</table></details></section>\n");
        }
        html.append(Measurements.render(run.measurements()));
        html.append("</div>\n").append(Legend.render(run.catalog())).append(Glossary.render(run)).append(Reproduction.howTo())
                .append("<p class=\"howto\">A cell shows the outcome, its key figure (the legend's last part says which) and ")
                .append("a badge per finding. &#9998; marks a note. ")
                .append("Hover a cell for what happened and its findings, click it for the figures and the timeline.")
                .append("<noscript> Without JavaScript, a cell's <i>why</i> leads to its reason, findings and how to reproduce")
                .append(" it in ").append(CellsInWords.FILE).append(".")
                .append("</noscript></p>\n</header>\n");
        return html.toString();
    }

    private static String time(Instant instant) {
        return instant == null ? "&ndash;" : TIME.format(instant);
    }

    private static String duration(SuiteResults run) {
        if (run.startedAt() == null || run.finishedAt() == null) {
            return "";
        }
        Duration d = Duration.between(run.startedAt(), run.finishedAt());
        return " (" + d.toMinutes() + " min " + d.toSecondsPart() + " s)";
    }
}
