package io.sidecarconformance.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The upgrade view: what changes from one column to another ({@link Upgrade}), stable differences first, each with its
 * upstream cause, then the timing-dependent ones apart. Without JavaScript it lists each pair of neighbouring columns;
 * the page's script lets a reader choose any two (by default the first and the last version the page shows) from data
 * computed here for every pair, so the script decides nothing.
 */
final class UpgradeView {

    private UpgradeView() {
    }

    /** A change as the script gets it: {@code [what, before, after]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record ChangeData(String what, String before, String after) {
    }

    /** A cause: {@code [note index, column index, the upstream changes it names]}. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record CauseData(int note, int column, String refs) {
    }

    /** A differing cell: {@code [row, fault, stable, timing, causes of stable, causes of timing]} (indices into the lists). */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record DiffData(int row, int fault, List<ChangeData> stable, List<ChangeData> timing, List<CauseData> stableCauses,
                    List<CauseData> timingCauses) {
    }

    /** Two columns, the first before the second in the grid's order; per fault, the cells compared and the one-sided. */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record PairData(int from, int to, List<Integer> compared, List<Integer> oneSided, List<DiffData> diffs) {
    }

    /** Everything the script needs: names to index into, and every pair of columns. */
    record Data(List<String> columns, List<String> rows, List<String> anchors, List<String> faults, List<String> notes,
                List<PairData> pairs) {
    }

    static Data data(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        List<String> clusters = grid.clusters();
        Map<String, Integer> notes = new LinkedHashMap<>();
        List<PairData> pairs = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (int j = i + 1; j < clusters.size(); j++) {
                Upgrade.Comparison c = Upgrade.between(run, grid, clusters.get(i), clusters.get(j));
                List<DiffData> diffs = new ArrayList<>();
                for (Upgrade.Difference d : c.differences()) {
                    diffs.add(new DiffData(grid.rows().indexOf(d.row()), grid.faults().indexOf(d.fault()), changes(d.stable()),
                            changes(d.timing()), causes(d.causes(d.stable()), notes, clusters), causes(d.causes(d.timing()), notes, clusters)));
                }
                List<Integer> compared = new ArrayList<>();
                List<Integer> oneSided = new ArrayList<>();
                for (String fault : grid.faults()) {
                    compared.add(compared(grid, clusters.get(i), clusters.get(j), fault));
                    oneSided.add((int) c.oneSided().stream().filter(o -> o.fault().equals(fault)).count());
                }
                pairs.add(new PairData(i, j, compared, oneSided, diffs));
            }
        }
        List<String> anchors = new ArrayList<>();
        for (GridLayout.Row row : grid.rows()) {
            anchors.add(row.pattern() + "/" + row.sidecar() + "/" + row.variant());
        }
        return new Data(clusters.stream().map(c -> ClusterNames.shortName(c, clusters)).toList(),
                grid.rows().stream().map(GridLayout.Row::name).toList(), anchors, grid.faults(), List.copyOf(notes.keySet()), pairs);
    }

    private static int compared(GridLayout grid, String from, String to, String fault) {
        int n = 0;
        for (GridLayout.Row row : grid.rows()) {
            boolean a = grid.cellAt(row, new GridLayout.Column(fault, from)).map(CellFacts::of).map(f -> f.runs() > 0).orElse(false);
            boolean b = grid.cellAt(row, new GridLayout.Column(fault, to)).map(CellFacts::of).map(f -> f.runs() > 0).orElse(false);
            n += a && b ? 1 : 0;
        }
        return n;
    }

    private static List<ChangeData> changes(List<Upgrade.Change> changes) {
        return changes.stream().map(c -> new ChangeData(c.dimension().words(), c.before(), c.after())).toList();
    }

    private static List<CauseData> causes(List<Upgrade.Cause> causes, Map<String, Integer> notes, List<String> clusters) {
        return causes.stream().map(c -> new CauseData(notes.computeIfAbsent(c.note(), n -> notes.size()),
                clusters.indexOf(c.column()), String.join(", ", c.refs()))).toList();
    }

    /** The data as JSON, safe to place inside a script element. */
    static String json(SuiteResults run) {
        return Html.jsonInScript(Html.compactJson(data(run), "the upgrade view's data of run " + run.runId()));
    }

    /** The section: the rule, the two pickers (shown by the script), and each pair of neighbouring columns in markup. */
    static String render(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        List<String> clusters = grid.clusters();
        if (clusters.size() < 2) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"upgrade\"><h2>What changes when you upgrade</h2>")
                .append("<p class=\"small\">").append(Html.escape(Upgrade.RULE)).append(". Stable differences first, then")
                .append(" the timing-dependent ones apart; each links to its row in the grid.</p>")
                .append("<div id=\"upgrade-pick\" hidden><label>from ").append(select("upgrade-from", clusters))
                .append("</label> <label>to ").append(select("upgrade-to", clusters))
                .append("</label> <button type=\"button\" id=\"upgrade-swap\">swap</button> <span class=\"small\">(by default the")
                .append(" first and the last version shown; under the faults shown)</span></div><div id=\"upgrade-out\">")
                .append("<p class=\"small\">From each version to the next in the grid's order:</p>");
        for (int i = 0; i + 1 < clusters.size(); i++) {
            Upgrade.Comparison c = Upgrade.between(run, grid, clusters.get(i), clusters.get(i + 1));
            html.append("<details class=\"pair\" data-from=\"").append(Html.escape(clusters.get(i))).append("\" data-to=\"")
                    .append(Html.escape(clusters.get(i + 1))).append("\"><summary>")
                    .append(Html.escape(ClusterNames.shortName(clusters.get(i), clusters) + " → "
                            + ClusterNames.shortName(clusters.get(i + 1), clusters) + ": " + count(c)))
                    .append("</summary>").append(tables(c, clusters)).append("</details>");
        }
        return html.append("</div></section>\n<script type=\"application/gzip\" data-encoding=\"base64\" id=\"upgrade-data\">")
                .append(PackedText.gzipBase64(json(run))).append("</script>\n").toString();
    }

    /** "1 cell differs stably, 2 in some runs only". */
    static String count(Upgrade.Comparison c) {
        int stable = c.stable().size();
        return stable + (stable == 1 ? " cell differs" : " cells differ") + " stably, " + c.timing().size() + " in some runs only";
    }

    /** The stable list, then the timing-dependent one. */
    static String tables(Upgrade.Comparison c, List<String> clusters) {
        StringBuilder html = new StringBuilder();
        if (!c.stable().isEmpty()) {
            html.append("<h3>Stable: seen in every run on one column, in none on the other</h3>")
                    .append(table(c.stable(), true, clusters));
        }
        if (!c.timing().isEmpty()) {
            html.append("<h3>Timing-dependent: seen in some runs only</h3>").append(table(c.timing(), false, clusters));
        }
        return html.toString();
    }

    private static String table(List<Upgrade.Difference> differences, boolean stable, List<String> clusters) {
        StringBuilder html = new StringBuilder("<table class=\"upgrade ").append(stable ? "stable" : "timing")
                .append("\"><tr><th>pattern / sidecar / variant</th><th>fault</th><th>what changed</th><th>upstream cause</th></tr>");
        for (Upgrade.Difference d : differences) {
            List<Upgrade.Change> changes = stable ? d.stable() : d.timing();
            html.append("<tr data-diff=\"").append(Html.escape(d.row().name() + " | " + d.fault())).append("\"><th><a href=\"#")
                    .append(Html.escape(GridTable.rowAnchor(d.fault(), d.row()))).append("\">").append(Html.escape(d.row().name()))
                    .append("</a></th><td class=\"mono\">").append(Html.escape(d.fault())).append("</td><td>");
            for (Upgrade.Change change : changes) {
                html.append("<div>").append(Html.escape(change.words("→"))).append("</div>");
            }
            html.append("</td><td>");
            for (Upgrade.Cause cause : d.causes(changes)) {
                html.append("<div class=\"cause\" title=\"").append(Html.escape(cause.note())).append("\"><b>")
                        .append(Html.escape(String.join(", ", cause.refs()))).append("</b> (note on ")
                        .append(Html.escape(ClusterNames.shortName(cause.column(), clusters))).append(")</div>");
            }
            html.append("</td></tr>");
        }
        return html.append("</table>").toString();
    }

    private static String select(String id, List<String> clusters) {
        StringBuilder html = new StringBuilder("<select id=\"").append(id).append("\">");
        for (String cluster : clusters) {
            html.append("<option value=\"").append(Html.escape(cluster)).append("\">")
                    .append(Html.escape(ClusterNames.shortName(cluster, clusters))).append("</option>");
        }
        return html.append("</select>").toString();
    }
}
