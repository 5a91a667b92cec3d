package io.sidecarconformance.report;

import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.RunResults;
import io.sidecarconformance.result.ClusterInfo;

import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.verdict.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sidecarconformance.report.SampleRuns.START;
import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.result;
import static io.sidecarconformance.report.SampleRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static final Pattern CELL = Pattern.compile("<td class=\"cell (v-[A-Z_]+)[^\"]*\" data-i=\"(\\d+)\"[^>]*>(.*?)</td>");
    private static final Pattern FAULT_HEADER = Pattern.compile("<th class=\"fault[^\"]*\" colspan=\"(\\d+)\">([^<]*)</th>");
    private static final Pattern CLUSTER_HEADER = Pattern.compile("<th class=\"cluster[^\"]*\"[^>]*>(.*?)</th>");

    @Test
    void oneCellPerRecordWithItsVerdictClass() {
        RunResults run = SampleRuns.realistic();

        Map<Integer, String> classByIndex = new LinkedHashMap<>();
        Matcher m = CELL.matcher(HtmlReport.render(run));
        while (m.find()) {
            classByIndex.put(Integer.parseInt(m.group(2)), m.group(1));
        }

        assertThat(classByIndex).as("one cell per record").hasSize(run.results().size());
        for (int i = 0; i < run.results().size(); i++) {
            assertThat(classByIndex.get(i)).as("verdict class of record %d (%s)", i, run.results().get(i).key())
                    .isEqualTo("v-" + run.results().get(i).verdict().name());
        }
    }

    @Test
    void gapsInTheGridAreDashedEmptyCells() {
        RunResults run = SampleRuns.realistic();
        GridLayout grid = GridLayout.of(run);
        int allCells = grid.rows().size() * grid.columns().size();

        String html = HtmlReport.render(run);

        assertThat(count(html, "<td class=\"empty")).as("cells with no record")
                .isEqualTo(allCells - run.results().size()).isPositive();
        assertThat(html).as("empty cell look").contains("td.empty{").contains("dashed");
    }

    @Test
    void faultColumnsInTheFixedOrderThenOthersAlphabetically() {
        List<String> faults = List.of("zz-clock-skew", "sigkill-main", "network-partition", "sigterm", "none",
                "delayed-sidecar", "main-oom", "sidecar-oom");
        List<ScenarioResult> results = new ArrayList<>();
        faults.forEach(f -> results.add(result(key("kind:1.31", "classic", "light", "exec", f), Verdict.COMPLETED)));
        results.add(result(key("a-unlisted:1.0", "classic", "light", "exec", "none"), Verdict.COMPLETED));
        RunResults run = run("r", List.of(cluster("kind:1.31", "v1.31.4"), cluster("k3s:1.28", null)), results);

        String html = HtmlReport.render(run);

        assertThat(matches(html, FAULT_HEADER, 2)).as("fault header row")
                .containsExactly("none", "sidecar-oom", "main-oom", "delayed-sidecar", "sigterm", "sigkill-main",
                        "network-partition", "zz-clock-skew");
        assertThat(matches(html, FAULT_HEADER, 1)).as("each fault spans its clusters").containsOnly("3");
        assertThat(matches(html, CLUSTER_HEADER, 1).subList(0, 3)).as("clusters as the run lists them, then others")
                .containsExactly("kind:<wbr>1.31", "k3s:<wbr>1.28", "a-unlisted:<wbr>1.0");
        assertThat(matches(html, CLUSTER_HEADER, 1)).as("cluster header row: one per column").hasSize(8 * 3);
    }

    @Test
    void rowsGroupedByPatternAndSortedBySidecarThenVariant() {
        RunResults run = run("r", List.of(), List.of(
                result(key("c:1", "pidfile", "light", "shell", "none"), Verdict.COMPLETED),
                result(key("c:1", "classic", "light", "exec", "none"), Verdict.STUCK),
                result(key("c:1", "classic", "dind", "shell", "none"), Verdict.STUCK),
                result(key("c:1", "classic", "dind", "exec", "none"), Verdict.STUCK)));

        String html = HtmlReport.render(run);

        assertThat(matches(html, Pattern.compile("data-row=\"([^\"]*)\""), 1)).as("row order")
                .containsExactly("classic / dind / exec", "classic / dind / shell", "classic / light / exec",
                        "pidfile / light / shell");
        assertThat(matches(html, Pattern.compile("<tr class=\"group\" data-group=\"([^\"]*)\""), 1)).as("one heading per pattern")
                .containsExactly("classic", "pidfile");
    }

    @Test
    void cellShowsTheKeyFigureJobVerdictNoteMarkerAndReasonAsTooltip() {
        Figures completed = new Figures(12.4, null, null, null, null, null, null, null, null, null);
        Figures stuck = new Figures(null, 60.0, null, null, null, null, null, null, null, null);
        Figures terminated = new Figures(40.0, null, 2.46, 30L, null, null, null, null, null, null);
        RunResults run = run("r", List.of(), List.of(
                new ScenarioResult(key("c:1", "p", "s", "v", "none"), Verdict.COMPLETED, null, "done", completed, null, START, ""),
                new ScenarioResult(key("c:1", "p", "s", "v", "main-oom"), Verdict.STUCK, Verdict.COMPLETED, "proxy kept it up",
                        stuck, null, START, "see KEP-753"),
                new ScenarioResult(key("c:1", "p", "s", "v", "sigterm"), Verdict.COMPLETED, null, "gone", terminated, null, START, ""),
                new ScenarioResult(key("c:1", "p", "s", "w", "sigterm"), Verdict.SLOW_TERMINATION, null, "took 30 s",
                        new Figures(null, null, 30.2, 30L, null, null, null, null, null, null), null, START, ""),
                new ScenarioResult(key("c:1", "p", "s", "w", "none"), Verdict.RACE, null, "main first", completed, null, START, "")));

        List<String> cells = cellsByIndex(HtmlReport.render(run));

        assertThat(cells.get(0)).as("COMPLETED: completion seconds").contains("<span class=\"fig\">12s</span>")
                .doesNotContain("class=\"job\"").doesNotContain("class=\"mark\"");
        assertThat(cells.get(1)).as("STUCK: how long the sidecar outlived main").contains("<span class=\"fig\">+60s</span>")
                .as("job verdict that differs").contains("<span class=\"job\">job: OK</span>")
                .as("note marker").contains("class=\"mark\"");
        assertThat(cells.get(2)).as("sigterm column: termination seconds, not completion").contains("<span class=\"fig\">2.5s</span>");
        assertThat(cells.get(3)).as("SLOW_TERMINATION").contains("<span class=\"fig\">30s</span>");
        assertThat(cells.get(4)).as("RACE has no key figure").doesNotContain("class=\"fig\"");
        assertThat(HtmlReport.render(run)).as("tooltip: verdict, reason, job verdict, note")
                .contains("title=\"STUCK: proxy kept it up\nJob verdict: COMPLETED\nnote: see KEP-753\"");
    }

    @Test
    void errorCellsAreHatchedAndTheLegendSaysTheyAreNotAVerdict() {
        RunResults run = run("r", List.of(), List.of(
                ScenarioResult.error(key("c:1", "p", "s", "v", "none"), "cluster did not start", null),
                result(key("c:1", "p", "s", "v", "sigterm"), Verdict.STUCK)));

        String html = HtmlReport.render(run);

        assertThat(cellsByIndex(html).get(0)).as("ERROR cell").contains("ERROR");
        assertThat(html).as("ERROR cell class and tooltip")
                .contains("<td class=\"cell v-ERROR").contains("title=\"ERROR: cluster did not start\"");
        assertThat(cssRule(html, ".v-ERROR")).as("ERROR style").contains("repeating-linear-gradient");
        for (Verdict verdict : Verdict.values()) {
            if (verdict != Verdict.ERROR) {
                assertThat(cssRule(html, ".v-" + verdict.name())).as("%s style", verdict)
                        .doesNotContain("gradient").isNotEqualTo(cssRule(html, ".v-ERROR"));
            }
        }
        assertThat(html).as("legend").contains("<b>ERROR</b> infrastructure failed").contains("not a pattern verdict");
    }

    @Test
    void textFromResultsIsEscapedEverywhere() {
        String hostile = "</script><img src=x onerror=alert(1)>";
        ScenarioKey key = key("kind:" + hostile, "pattern" + hostile, "s", "v", "fault" + hostile);
        ScenarioResult result = new ScenarioResult(key, Verdict.STUCK, null, "reason" + hostile, Figures.none(),
                List.of(TimelineEvent.of(START, "main" + hostile, EventKind.EVENT, "detail" + hostile, EventSource.EVENT)),
                START, "note" + hostile);
        RunResults run = new RunResults(RunResults.SCHEMA, "run" + hostile, START, null,
                List.of(new ClusterInfo("kind:" + hostile, "kind", "x", hostile)), Map.of("m" + hostile, hostile), List.of(result));

        String html = HtmlReport.render(run);

        assertThat(html).as("no markup from results").doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(count(html, "</script>")).as("only the page's own three scripts end")
                .isEqualTo(count(html, "<script")).isEqualTo(3);
        assertThat(html).as("escaped as text").contains("reason&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .as("escaped inside the data blob").contains("detail\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e");
    }

    @Test
    void headerHasRunClustersLegendAndMeasurementsOnlyWhenThereAreAny() {
        RunResults withMeasurements = new RunResults(RunResults.SCHEMA, "nightly-42", START, START.plusSeconds(125),
                List.of(cluster("kind:1.31", "v1.31.4"), cluster("k3s:1.28", null)), Map.of("wallSeconds", "125"), List.of());
        RunResults without = run("nightly-43", List.of(), List.of());

        String html = HtmlReport.render(withMeasurements);

        assertThat(html).as("run id").contains("<code>nightly-42</code>")
                .as("start time").contains("2025-06-01 02:17:00 UTC")
                .as("cluster with server version").contains("<code>kind:1.31</code></td><td>v1.31.4</td>")
                .as("cluster that never answered").contains("<code>k3s:1.28</code></td><td><i>did not answer</i>")
                .as("measurements").contains("<table class=\"small\" id=\"measurements\"><tr><th>wallSeconds</th><td>125</td>");
        for (Verdict verdict : Verdict.values()) {
            assertThat(html).as("legend entry for %s", verdict).contains("<b>" + verdict.name() + "</b> " + VerdictLook.meaning(verdict));
        }
        assertThat(HtmlReport.render(without)).as("no measurements table when there are none").doesNotContain("id=\"measurements\"");
    }

    @Test
    void pageIsSelfContained() {
        String html = HtmlReport.render(SampleRuns.realistic());

        assertThat(html).as("no external resources")
                .doesNotContain("<link").doesNotContain(" src=\"").doesNotContain("@import").doesNotContain("url(")
                .as("no address but the SVG namespace name").doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg')");
        assertThat(html).as("drill-down data and readiness markers")
                .contains("<script type=\"application/json\" id=\"cells-data\">")
                .contains("data-ready").contains("id=\"script-errors\"");
    }

    @Test
    void keyFigureSecondsAreShort() {
        assertThat(KeyFigure.seconds(12.4, "")).as("whole seconds from 10 s").isEqualTo("12s");
        assertThat(KeyFigure.seconds(9.96, "+")).as("rounds up to 10 s").isEqualTo("+10s");
        assertThat(KeyFigure.seconds(2.46, "")).as("one decimal below 10 s").isEqualTo("2.5s");
        assertThat(KeyFigure.seconds(3.0, "")).as("no trailing .0").isEqualTo("3s");
        assertThat(KeyFigure.seconds(null, "+")).as("not observed").isEmpty();
    }

    private static List<String> cellsByIndex(String html) {
        Map<Integer, String> byIndex = new TreeMap<>();
        Matcher m = CELL.matcher(html);
        while (m.find()) {
            byIndex.put(Integer.parseInt(m.group(2)), m.group(0));
        }
        return List.copyOf(byIndex.values());
    }

    private static List<String> matches(String html, Pattern pattern, int group) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(group));
        }
        return found;
    }

    private static String cssRule(String html, String selector) {
        Matcher m = Pattern.compile(Pattern.quote(selector) + "\\{([^}]*)}").matcher(html);
        assertThat(m.find()).as("CSS rule %s", selector).isTrue();
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
