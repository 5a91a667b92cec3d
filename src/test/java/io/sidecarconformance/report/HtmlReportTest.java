package io.sidecarconformance.report;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static io.sidecarconformance.report.SampleRuns.START;
import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.result;
import static io.sidecarconformance.report.SampleRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private static final Pattern CELL = Pattern.compile("<td class=\"cell (v-[A-Z_]+)[^\"]*\" data-i=\"(\\d+)\"[^>]*>(.*?)</td>");
    private static final Pattern LABEL = Pattern.compile("<span class=\"lbl\">([^<]*(?:<wbr>[^<]*)*)</span>");
    private static final Pattern FAULT_HEADER = Pattern.compile("<tr class=\"fhead\"><th class=\"fault\" colspan=\"(\\d+)\"><a [^>]*>([^<]*)</a>");
    private static final Pattern CLUSTER_HEADER = Pattern.compile("<th class=\"cluster[^\"]*\"[^>]*><a [^>]*>(.*?)</a></th>");

    @Test
    void oneCellPerRecordWithItsOutcomeClassAndLabel() {
        SuiteResults run = SampleRuns.realistic();

        List<String> cells = cellsByIndex(HtmlReport.render(run));

        assertThat(cells).as("one cell per record").hasSize(run.results().size());
        for (int i = 0; i < run.results().size(); i++) {
            OutcomeForm form = OutcomeForm.of(run.results().get(i));
            assertThat(cells.get(i)).as("cell of record %d (%s)", i, run.results().get(i).key())
                    .startsWith("<td class=\"cell v-" + form.name())
                    .contains("data-v=\"" + form.name() + "\"")
                    .contains("<span class=\"lbl\">" + Html.escape(OutcomeLook.label(form)).replace("_", "_<wbr>") + "</span>");
        }
    }

    @Test
    void aFailedJobIsNeverShownWithTheSuccessColourOrLabel() {
        SuiteResults run = SampleRuns.realistic();
        String html = HtmlReport.render(run);
        List<String> cells = cellsByIndex(html);
        String successLabel = OutcomeLook.label(OutcomeForm.SUCCEEDED);

        assertThat(run.results()).extracting(ScenarioResult::outcome).as("the sample has Jobs failed both ways")
                .contains(Outcome.FAILED, Outcome.FAILED_BY_FAULT);
        for (int i = 0; i < run.results().size(); i++) {
            ScenarioResult r = run.results().get(i);
            String jobCondition = r.figures().jobCondition() == null ? "" : r.figures().jobCondition();
            if (jobCondition.startsWith("Failed")) {
                assertThat(r.outcome()).as("outcome of %s, whose Job %s", r.key(), jobCondition).isNotEqualTo(Outcome.SUCCEEDED);
            }
            if (r.outcome() != Outcome.SUCCEEDED) {
                assertThat(cells.get(i)).as("cell of %s (%s)", r.key(), r.outcome())
                        .doesNotContain("v-SUCCEEDED").doesNotContain("data-v=\"SUCCEEDED\"");
                assertThat(matches(cells.get(i), LABEL, 1)).as("label of %s (%s)", r.key(), r.outcome())
                        .singleElement().isNotEqualTo(successLabel).isNotEqualTo("OK");
            }
        }
        for (Outcome failed : List.of(Outcome.FAILED, Outcome.FAILED_BY_FAULT)) {
            assertThat(OutcomeLook.label(OutcomeForm.of(failed))).as("label of %s", failed).contains("FAILED").isNotEqualTo("OK");
            assertThat(colour(cssRule(html, ".v-" + failed.name()))).as("colour of %s", failed)
                    .isNotEqualTo(colour(cssRule(html, ".v-SUCCEEDED")));
        }
    }

    @Test
    void gapsInTheGridAreDashedEmptyCells() {
        SuiteResults run = SampleRuns.realistic();
        GridLayout grid = GridLayout.of(run);
        int slots = grid.faults().stream().mapToInt(f -> grid.rowsUnder(f).size()).sum() * grid.clusters().size();

        String html = HtmlReport.render(run);

        assertThat(count(html, "<td class=\"empty")).as("cells with no record, in rows run under their fault elsewhere")
                .isEqualTo(slots - run.results().size());
        assertThat(slots).as("a fault's rows are only those run under it")
                .isLessThan(grid.rows().size() * grid.columns().size());
        assertThat(html).as("empty cell look").contains("td.empty{").contains("dashed");
    }

    @Test
    void faultColumnsInTheFixedOrderThenOthersAlphabetically() {
        List<String> faults = List.of("zz-clock-skew", "sigkill-main", "network-partition", "sigterm", "none",
                "delayed-sidecar", "main-oom", "sidecar-oom");
        List<ScenarioResult> results = new ArrayList<>();
        faults.forEach(f -> results.add(result(key("kind:1.31", "classic", "light", "exec", f), Outcome.SUCCEEDED)));
        results.add(result(key("a-unlisted:1.0", "classic", "light", "exec", "none"), Outcome.SUCCEEDED));
        SuiteResults run = run("r", List.of(cluster("kind:1.31", "v1.31.4"), cluster("k3s:1.28", null)), results);

        String html = HtmlReport.render(run);

        assertThat(matches(html, FAULT_HEADER, 2)).as("fault header row")
                .containsExactly("none", "sidecar-oom", "main-oom", "delayed-sidecar", "sigterm", "sigkill-main",
                        "network-partition", "zz-clock-skew");
        assertThat(matches(html, FAULT_HEADER, 1)).as("each fault's heading spans the row names and the clusters").containsOnly("4");
        assertThat(matches(html, CLUSTER_HEADER, 1).subList(0, 3)).as("clusters as the run lists them, then others")
                .containsExactly("kind:<wbr>1.31", "k3s:<wbr>1.28", "a-unlisted:<wbr>1.0");
        assertThat(matches(html, CLUSTER_HEADER, 1)).as("cluster header row: one per cluster, once").hasSize(3);
    }

    @Test
    void rowsGroupedByPatternAndSortedBySidecarThenVariant() {
        SuiteResults run = run("r", List.of(), List.of(
                result(key("c:1", "pidfile", "light", "shell", "none"), Outcome.SUCCEEDED),
                result(key("c:1", "classic", "light", "exec", "none"), Outcome.STUCK),
                result(key("c:1", "classic", "dind", "shell", "none"), Outcome.STUCK),
                result(key("c:1", "classic", "dind", "exec", "none"), Outcome.STUCK)));

        String html = HtmlReport.render(run);

        assertThat(matches(html, Pattern.compile("data-row=\"([^\"]*)\""), 1)).as("row order")
                .containsExactly("classic / dind / exec", "classic / dind / shell", "classic / light / exec",
                        "pidfile / light / shell");
        assertThat(matches(html, Pattern.compile("<tr class=\"group\" data-group=\"([^\"]*)\""), 1)).as("one heading per pattern")
                .containsExactly("classic", "pidfile");
    }

    @Test
    void cellShowsTheKeyFigureABadgePerFindingTheNoteMarkerAndWhatHappenedAsTooltip() {
        Figures completed = figures(12.4, null, null, null);
        Figures stuck = figures(null, 60.0, null, null);
        Figures restarted = new Figures(12.4, null, null, null, null, null, null, null, 2, 3.1, null, null, null, null, null);
        Finding race = new Finding(FindingKind.RACE_AT_START, "main's first check found the sidecar not answering");
        Finding restart = new Finding(FindingKind.SIDECAR_RESTARTED, "sidecar restarted 2 times; down 3.1s until Ready again");
        Finding slow = new Finding(FindingKind.SLOW_TERMINATION, "the pod took 30.2s to go after deletion with a 30s grace period");
        Finding order = new Finding(FindingKind.TERM_ORDER, "after deletion, SIGTERM reached main at +0.3s");
        SuiteResults run = run("r", List.of(), List.of(
                cell(key("c:1", "p", "s", "v", "none"), Outcome.SUCCEEDED, "Job Complete", List.of(), completed, ""),
                cell(key("c:1", "p", "s", "v", "main-oom"), Outcome.STUCK, "proxy kept it up", List.of(race), stuck, "see KEP-753"),
                cell(key("c:1", "p", "s", "v", "sigterm"), Outcome.FAILED_BY_FAULT, "gone", List.of(order),
                        figures(40.0, null, 2.46, 30L), ""),
                cell(key("c:1", "p", "s", "w", "sigterm"), Outcome.FAILED_BY_FAULT, "took 30 s", List.of(slow, order),
                        figures(null, null, 30.2, 30L), ""),
                cell(key("c:1", "p", "s", "w", "none"), Outcome.REJECTED, "refused", List.of(), Figures.none(), ""),
                cell(key("c:1", "p", "s", "w", "sidecar-oom"), Outcome.SUCCEEDED, "Job Complete", List.of(restart, race),
                        restarted, "")));

        String html = HtmlReport.render(run);
        List<String> cells = cellsByIndex(html);

        assertThat(cells.get(0)).as("SUCCEEDED: completion seconds").contains("<span class=\"fig\">12s</span>")
                .doesNotContain("class=\"find\"").doesNotContain("class=\"mark\"");
        assertThat(cells.get(1)).as("STUCK: how long the sidecar outlived main").contains("<span class=\"fig\">+60s</span>")
                .as("a badge titled with its finding's name; its text is in the cell's title")
                .contains("<span class=\"find\" data-finding=\"RACE_AT_START\" title=\"race at start\">race</span>")
                .as("note marker").contains("class=\"mark\"");
        assertThat(cells.get(2)).as("sigterm column: termination seconds, not completion").contains("<span class=\"fig\">2.5s</span>")
                .as("a finding without a badge stays out of the cell").doesNotContain("class=\"find");
        assertThat(cells.get(3)).as("slow termination").contains("<span class=\"fig\">30s</span>")
                .contains(">slow</span>").doesNotContain("data-finding=\"TERM_ORDER\"");
        assertThat(cells.get(4)).as("REJECTED has no key figure").doesNotContain("class=\"fig\"");
        assertThat(matches(cells.get(5), Pattern.compile("<span class=\"find\" data-finding=\"([A-Z_]+)\" title=\"[^\"]*\">([^<]*)</span>"), 2))
                .as("badges in the order of the findings, the restart badge with its count").containsExactly("↻2", "race");
        assertThat(html).as("tooltip: outcome, what happened, the findings' names, note")
                .contains("title=\"STUCK: proxy kept it up\nfindings: race at start\nnote: see KEP-753\"")
                .as("tooltip names badge-less findings too").contains("\nfindings: slow termination, term order\"")
                .as("a finding's text is in the drill-down and cells.html, not in the grid").doesNotContain(Html.escape(race.text()));
    }

    @Test
    void legendListsEveryOutcomeInRuleOrderWithItsRuleAndEveryFindingWithItsBadge() {
        String html = HtmlReport.render(SampleRuns.realistic());

        assertThat(Legend.RULE_ORDER).as("every outcome has a rule").containsExactlyInAnyOrder(Outcome.values());
        assertThat(matches(html, Pattern.compile("<li id=\"g-outcome-[A-Z_]+\" data-v=\"([A-Z_]+)\">"), 1)).as("outcome legend in rule order")
                .containsExactly("ERROR", "NOT_APPLICABLE", "REJECTED", "DROPPED", "TIMEOUT", "STUCK", "SUCCEEDED", "FAILED_BY_FAULT",
                        "FAILED");
        for (Outcome outcome : Outcome.values()) {
            OutcomeForm plain = OutcomeForm.of(outcome);
            assertThat(OutcomeLook.rule(plain, SampleRuns.CATALOG)).as("rule text of %s", outcome).isNotBlank();
            assertThat(html).as("legend entry of %s", outcome).contains("<li id=\"g-outcome-" + outcome.name() + "\" data-v=\"" + outcome.name() + "\"><span class=\"sw v-"
                    + outcome.name() + "\">" + Html.escape(OutcomeLook.label(plain)) + "</span><b>" + outcome.name()
                    + "</b><span class=\"rule\">" + Html.escape(OutcomeLook.rule(plain, SampleRuns.CATALOG)) + "</span></li>");
        }
        assertThat(matches(html, Pattern.compile("<li data-finding=\"([A-Z_]+)\">"), 1)).as("findings legend")
                .containsExactly(java.util.Arrays.stream(FindingKind.values()).map(Enum::name).toArray(String[]::new));
        for (FindingKind kind : FindingKind.values()) {
            String badge = OutcomeLook.badge(kind);
            assertThat(html).as("legend entry of %s", kind).contains("<li data-finding=\"" + kind.name() + "\">"
                    + (badge.isEmpty() ? "<span class=\"find none\"" : "<span class=\"find\">" + Html.escape(badge) + "</span>"))
                    .contains("<b>" + Legend.name(kind) + "</b><span class=\"rule\">" + Html.escape(OutcomeLook.rule(kind)) + "</span></li>");
        }
    }

    @Test
    void parametersAreATableInTheOrderTheRunHoldsThemAndAbsentWhenThereAreNone() {
        String html = HtmlReport.render(SampleRuns.realistic());

        Matcher table = Pattern.compile("<table class=\"small\" id=\"parameters\">(.*?)</table>").matcher(html);
        assertThat(table.find()).as("parameters table").isTrue();
        List<String> rows = matches(table.group(1), Pattern.compile("<tr><th>([^<]*)</th><td>([^<]*)</td></tr>"), 0);
        List<String> expected = new ArrayList<>();
        SampleRuns.parameters().forEach((name, value) -> expected.add("<tr><th>" + Html.escape(name) + "</th><td>" + value + "</td></tr>"));
        assertThat(rows).as("one row per parameter").containsExactlyElementsOf(expected);
        assertThat(HtmlReport.render(run("r", List.of(), List.of()))).as("no parameters, no table").doesNotContain("id=\"parameters\"");
    }

    @Test
    void drillDownDataCarriesOutcomeLabelWhatHappenedFindingsAndFigures() {
        SuiteResults run = SampleRuns.realistic();
        int index = run.results().stream().map(ScenarioResult::key).toList().indexOf(SampleRuns.DRILL_DOWN);
        ScenarioResult record = run.results().get(index);

        DrillDownData.Data data = DrillDownData.of(run, Reproduction.of(run.results()));
        DrillDownData.Cell cell = data.cells().get(index);

        assertThat(cell.key()).as("key").isEqualTo(SampleRuns.DRILL_DOWN);
        assertThat(cell.outcome()).as("outcome").isEqualTo(record.outcome());
        assertThat(cell.outcomeLabel()).as("the label the grid shows").isEqualTo(OutcomeLook.label(OutcomeForm.of(record)));
        assertThat(cell.outcomeClass()).as("the class the grid cell has").isEqualTo(OutcomeLook.cssClass(OutcomeForm.of(record)));
        assertThat(cell.reason()).as("what happened").isEqualTo(record.reason());
        assertThat(cell.findings()).as("findings").isEqualTo(record.findings()).extracting(Finding::kind)
                .contains(FindingKind.SIDECAR_RESTARTED, FindingKind.USE_FAILED_WHILE_DOWN, FindingKind.CLIENT_RECOVERED);
        assertThat(cell.figures()).as("figures").isEqualTo(record.figures());
        assertThat(cell.figures().sidecarRestarts()).as("sidecar restarts").isEqualTo(1);
        assertThat(cell.timeline()).as("one event per timeline entry, offsets from the first").hasSize(record.timeline().size())
                .first().extracting(DrillDownData.Event::offset).isEqualTo(0.0);
        assertThat(DrillDownData.json(DrillDownData.packed(data))).as("the blob, by field name")
                .contains("\"outcome\":\"SUCCEEDED\",\"outcomeLabel\":\"SUCCEEDED\"")
                .contains("\"kind\":\"SIDECAR_RESTARTED\"").contains("\"sidecarDownSeconds\":1.4")
                .contains("\"outcomeLabel\":\"FAILED_BY_FAULT\",\"outcomeClass\":\"v-FAILED_BY_FAULT\",\"expected\":\"✓ expected under")
                .as("no timeline beside the other fields").doesNotContain("\"timeline\"")
                .as("events apart: their times, then their texts").contains("\"offsets\":[[0,").contains("\"events\":[[[\"");
    }

    @Test
    void packedDataPutsACellsRunsOnEveryVersionTogetherAndKeepsEveryEventAndItsTime() {
        SuiteResults run = SampleRuns.realistic();
        DrillDownData.Data data = DrillDownData.of(run, Reproduction.of(run.results()));

        DrillDownData.Packed packed = DrillDownData.packed(data);

        assertThat(packed.order()).as("every record once").containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, data.cells().size()).boxed().toList());
        assertThat(packed.cells()).as("in packing order").isSortedAccordingTo(DrillDownData.PACKING_ORDER);
        for (int k = 0; k < packed.order().size(); k++) {
            DrillDownData.Cell cell = data.cells().get(packed.order().get(k));
            assertThat(packed.cells().get(k)).as("record %s", k).isSameAs(cell);
            long at = 0;
            List<Long> offsets = packed.offsets().get(k);
            assertThat(offsets).as("one time per event of %s", cell.title()).hasSameSizeAs(cell.timeline());
            for (int j = 0; j < offsets.size(); j++) {
                at += offsets.get(j);
                DrillDownData.Event event = cell.timeline().get(j);
                assertThat(at).as("event %s of %s, ms from the first", j, cell.title()).isEqualTo(Math.round(event.offset() * 1000));
                assertThat(packed.events().get(k).get(j)).as("event %s of %s", j, cell.title())
                        .containsExactly(event.container(), event.kind(), event.detail(), event.source());
            }
        }
    }

    @Test
    void drillDownDataHoldsEachManifestTextOnceAndEachColumnsFilePacksItsRecords() throws Exception {
        SuiteResults run = SampleRuns.repeated();
        List<ScenarioResult> runs = run.results().stream().filter(r -> r.key().equals(SampleRuns.DRILL_DOWN)).toList();

        DrillDownData.Data data = DrillDownData.of(run, Reproduction.of(run.results()));
        List<DrillDownData.ColumnFile> files = DrillDownData.files(run, Reproduction.of(run.results()));
        String html = HtmlReport.render(run);

        assertThat(data.manifests()).as("each distinct text once, for %s runs", runs.size())
                .containsExactlyElementsOf(SampleRuns.APPLIED.stream().map(AppliedObject::manifest).toList());
        int index = run.results().indexOf(runs.get(2));
        assertThat(data.cells().get(index).applied()).as("run 3's objects name their texts")
                .extracting(a -> a.kind() + " " + a.name() + " " + data.manifests().get(a.manifest()))
                .containsExactlyElementsOf(SampleRuns.APPLIED.stream().map(o -> o.kind() + " " + o.name() + " " + o.manifest()).toList());
        assertThat(files).extracting(DrillDownData.ColumnFile::cluster).as("one file per column")
                .containsExactlyElementsOf(run.results().stream().map(r -> r.key().cluster()).distinct().toList());
        Matcher listed = Pattern.compile("<script type=\"application/json\" id=\"drill-files\">([^<]*)</script>").matcher(html);
        assertThat(listed.find()).as("the page lists the files").isTrue();
        assertThat(ResultsJson.mapper().readValue(listed.group(1), java.util.LinkedHashMap.class)).as("by column")
                .isEqualTo(DrillDownData.paths(run));
        List<Integer> indices = new ArrayList<>();
        Pattern script = Pattern.compile("\\(window\\.scDrill = window\\.scDrill \\|\\| \\{\\}\\)\\[\"([^\"]+)\"\\] = \"([A-Za-z0-9+/=]*)\";\n");
        for (DrillDownData.ColumnFile file : files) {
            assertThat(file.path()).as("beside the page").startsWith("drill/").endsWith(".js");
            Matcher packed = script.matcher(file.script());
            assertThat(packed.matches()).as("%s: one assignment of base64", file.path()).isTrue();
            assertThat(packed.group(1)).as("under its column").isEqualTo(file.cluster());
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(packed.group(2))))) {
                DrillDownData.Packed column = ResultsJson.mapper().readValue(in, DrillDownData.Packed.class);
                for (int k = 0; k < column.order().size(); k++) {
                    int i = column.order().get(k);
                    indices.add(i);
                    assertThat(column.cells().get(k).key()).as("record %s", i).isEqualTo(run.results().get(i).key());
                    assertThat(column.cells().get(k).applied()).as("record %s's objects and their texts", i)
                            .extracting(a -> a.kind() + " " + a.name() + " " + column.manifests().get(a.manifest()))
                            .containsExactlyElementsOf(run.results().get(i).applied().stream()
                                    .map(o -> o.kind() + " " + o.name() + " " + o.manifest()).toList());
                    assertThat(column.events().get(k)).as("record %s's events", i).hasSize(run.results().get(i).timeline().size());
                }
            }
        }
        assertThat(indices).as("every record once, in some column's file").containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, run.results().size()).boxed().toList());
    }

    @Test
    void aTimeoutCellHasItsOwnLabelAndColourAndTheLegendStatesTheDeadlineRule() {
        SuiteResults run = run("r", List.of(), List.of(
                result(key("c:1", "p", "s", "v", "none"), Outcome.TIMEOUT),
                result(key("c:1", "p", "s", "v", "sigterm"), Outcome.STUCK)));

        String html = HtmlReport.render(run);

        assertThat(html).as("TIMEOUT cell class").contains("<td class=\"cell v-TIMEOUT");
        assertThat(OutcomeLook.label(OutcomeForm.TIMEOUT)).isEqualTo("TIMEOUT");
        assertThat(colour(cssRule(html, ".v-TIMEOUT"))).as("not STUCK's colour")
                .isNotEqualTo(colour(cssRule(html, ".v-STUCK")));
        assertThat(html).as("legend").contains("<b>TIMEOUT</b><span class=\"rule\">the scenario&#39;s deadline")
                .contains("before any end rule held");
        assertThat(OutcomeLook.rule(OutcomeForm.STUCK, Catalog.EMPTY)).as("STUCK no longer claims the deadline").doesNotContain("deadline");
    }

    @Test
    void errorCellsAreHatchedAndTheLegendSaysTheyAreNotAStatementAboutThePattern() {
        SuiteResults run = run("r", List.of(), List.of(
                ScenarioResult.error(key("c:1", "p", "s", "v", "none"), "cluster did not start", null),
                result(key("c:1", "p", "s", "v", "sigterm"), Outcome.STUCK)));

        String html = HtmlReport.render(run);

        assertThat(cellsByIndex(html).get(0)).as("ERROR cell").contains("ERROR");
        assertThat(html).as("ERROR cell class and tooltip")
                .contains("<td class=\"cell v-ERROR").contains("title=\"ERROR: cluster did not start\"");
        assertThat(cssRule(html, ".v-ERROR")).as("ERROR style").contains("repeating-linear-gradient");
        for (Outcome outcome : Outcome.values()) {
            if (outcome != Outcome.ERROR) {
                assertThat(cssRule(html, ".v-" + outcome.name())).as("%s style", outcome)
                        .doesNotContain("gradient").isNotEqualTo(cssRule(html, ".v-ERROR"));
            }
        }
        assertThat(html).as("legend").contains("<b>ERROR</b><span class=\"rule\">the suite could not observe or act")
                .contains("not a statement about the pattern");
    }

    @Test
    void textFromResultsIsEscapedEverywhere() {
        String hostile = "</script><img src=x onerror=alert(1)>";
        ScenarioKey key = key("kind:" + hostile, "pattern" + hostile, "s", "v", "fault" + hostile);
        ScenarioResult result = new ScenarioResult(key, Outcome.STUCK, "reason" + hostile,
                List.of(new Finding(FindingKind.RACE_AT_START, "finding" + hostile)), Figures.none(),
                List.of(TimelineEvent.of(START, "main" + hostile, EventKind.EVENT, "detail" + hostile, EventSource.EVENT)),
                START, "note" + hostile);
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "run" + hostile, START, null,
                List.of(new ClusterInfo("kind:" + hostile, "kind", "x", hostile)), Map.of("p" + hostile, hostile),
                Map.of("m" + hostile, hostile), SampleRuns.CATALOG, List.of(result));

        String html = HtmlReport.render(run);

        assertThat(html).as("no markup from results").doesNotContain("<img").doesNotContain("onerror=alert(1)>");
        assertThat(count(html, "</script>")).as("only the page's own four scripts end")
                .isEqualTo(count(html, "<script")).isEqualTo(4);
        assertThat(html).as("escaped as text").contains("reason&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;")
                .as("escaped in the parameters").contains("<th>p&lt;/script&gt;&lt;img");
        assertThat(String.join("", CellsInWords.pages(run, Reproduction.of(run.results())).values())).as("a finding's text, escaped in the cells' pages").contains("finding&lt;/script&gt;&lt;img")
                .doesNotContain("<img");
        assertThat(DrillDownData.json(DrillDownData.packed(DrillDownData.of(run, Reproduction.of(run.results()))))).as("the data, which the column's file packs")
                .contains("detail</script><img src=x onerror=alert(1)>");
        assertThat(DrillDownData.files(run, Reproduction.of(run.results()))).as("the files: base64 and their column's name as a JSON string, no markup")
                .singleElement().extracting(DrillDownData.ColumnFile::script).asString().doesNotContain("<").doesNotContain(">");
    }

    @Test
    void headerHasRunClustersLegendAndMeasurementsOnlyWhenThereAreAny() {
        SuiteResults withMeasurements = new SuiteResults(SuiteResults.SCHEMA, "nightly-42", START, START.plusSeconds(125),
                List.of(cluster("kind:1.31", "v1.31.4"), cluster("k3s:1.28", null)), Map.of(), Map.of("wallSeconds", "125"), SampleRuns.CATALOG, List.of());
        SuiteResults without = run("nightly-43", List.of(), List.of());

        String html = HtmlReport.render(withMeasurements);

        assertThat(html).as("run id").contains("<code>nightly-42</code>")
                .as("start time").contains("2025-06-01 02:17:00 UTC")
                .as("cluster with server version").contains("<code>kind:1.31</code></td><td>v1.31.4</td>")
                .as("cluster that never answered").contains("<code>k3s:1.28</code></td><td><i>did not answer</i>")
                .as("measurements").contains("<table class=\"small\" id=\"measurements\"><tr><th>wallSeconds</th><td>125</td>");
        assertThat(HtmlReport.render(without)).as("no measurements table when there are none").doesNotContain("id=\"measurements\"");
    }

    @Test
    void aColumnsSettingsAndItsNodesMemoryOomGroupAreShownWhereTheColumnIsDescribed() {
        ClusterInfo group = new ClusterInfo("local-v2:1.35", "local-v2", "1.35", "v1.35.8", "v1.35.8",
                "containerd://2.2.9", "1.3.6", "v2", "6.1.176", "bridge", "1", "", "", null);
        ClusterInfo single = new ClusterInfo("local-v2:1.35-single-oom", "local-v2", "1.35-single-oom", "v1.35.8",
                "v1.35.8", "containerd://2.2.9", "1.3.6", "v2", "6.1.176", "bridge", "0", "", "singleProcessOOMKill=true",
                null);
        List<ScenarioResult> results = new ArrayList<>();
        for (ClusterInfo c : List.of(group, single)) {
            results.add(SampleRuns.result(key(c.id(), "native", "light", "exec", "sidecar-oom"), Outcome.SUCCEEDED));
        }
        String html = HtmlReport.render(run("v2", List.of(group, single), results));

        assertThat(html).as("the clusters table: the settings under the id, the observed value with the node")
                .contains("<code>local-v2:1.35-single-oom</code><br><span class=\"set\">kubelet singleProcessOOMKill=true"
                        + "</span></td><td>v1.35.8</td><td>kubelet v1.35.8, containerd://2.2.9, runc 1.3.6, cgroup v2,"
                        + " memory.oom.group=0,")
                .contains("<code>local-v2:1.35</code></td><td>v1.35.8</td><td>kubelet v1.35.8, containerd://2.2.9,"
                        + " runc 1.3.6, cgroup v2, memory.oom.group=1,")
                .as("the grid's column heading").contains("title=\"v1.35.8; kubelet singleProcessOOMKill=true\"")
                .as("the glossary's column entry").contains("started with kubelet singleProcessOOMKill=true; node:")
                .as("the caveats").contains("cgroup v2 with memory.oom.group=1 on 1.35; cgroup v2 with memory.oom.group=0 on"
                        + " 1.35-single-oom");
    }

    @Test
    void pageNeedsNothingButTheFilesBesideIt() {
        String html = HtmlReport.render(SampleRuns.realistic());

        assertThat(html).as("no external resources")
                .doesNotContain("<link").doesNotContain(" src=\"").doesNotContain("@import").doesNotContain("url(")
                .as("no address but the SVG namespace name").doesNotContainPattern("https?://(?!www\\.w3\\.org/2000/svg')");
        assertThat(html).as("the drill-down's files, the titles' data and readiness markers")
                .contains("<script type=\"application/json\" id=\"drill-files\">{\"").contains("\"kind:1.31\":\"drill/kind-1.31.js\"")
                .contains("<script type=\"application/gzip\" data-encoding=\"base64\" id=\"hover-data\">")
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

    private static ScenarioResult cell(ScenarioKey key, Outcome outcome, String reason, List<Finding> findings, Figures figures,
                                       String note) {
        return new ScenarioResult(key, outcome, reason, findings, figures, List.of(), START, note);
    }

    private static Figures figures(Double completion, Double outlived, Double termination, Long grace) {
        return new Figures(completion, outlived, termination, grace, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    /** The background colour of a CSS rule's declarations. */
    private static String colour(String declarations) {
        Matcher m = Pattern.compile("background:([^;]+)").matcher(declarations);
        assertThat(m.find()).as("a background in %s", declarations).isTrue();
        return m.group(1).trim();
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
