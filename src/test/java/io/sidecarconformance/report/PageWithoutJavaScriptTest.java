package io.sidecarconformance.report;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * compatibility.html as a browser with JavaScript off reads it, parsed without Chromium: the grid, the legend and every
 * cell's outcome, key figure and findings are in the markup (a noscript's content is shown then), and each cell links to
 * its entry in cells.html, which states every run's reason.
 */
class PageWithoutJavaScriptTest {

    private final SuiteResults run = SampleRuns.realistic();
    // jsoup parses like a browser whose scripting is off: a <noscript>'s content becomes elements.
    private final Document page = Jsoup.parse(HtmlReport.render(run));
    private final WordsPages pages = WordsPages.of(run);
    private final Document words = pages.columns();

    @Test
    void theGridAndTheLegendAreMarkupNotScriptOutput() {
        assertThat(page.select("table#grid td.cell")).as("one grid cell per record").hasSize(run.results().size());
        assertThat(page.select("table#grid, table#grid *, .legends, .legends *").stream()
                .filter(e -> e.hasAttr("hidden"))).as("nothing of the grid or legend is hidden").isEmpty();
        for (Outcome outcome : Outcome.values()) {
            assertThat(page.select(".legends ol.legend li[data-v=" + outcome.name() + "]").text())
                    .as("legend entry of %s", outcome).contains(outcome.name(), OutcomeLook.rule(OutcomeForm.of(outcome), run.catalog()));
        }
        for (FindingKind kind : FindingKind.values()) {
            assertThat(page.select(".legends li[data-finding=" + kind.name() + "]").text())
                    .as("legend entry of %s", kind).contains(Legend.name(kind));
        }
    }

    private String figure(ScenarioResult result) {
        return KeyFigure.of(result, run.catalog().figureOf(result.key().fault()));
    }

    @Test
    void everyGridCellShowsItsOutcomeAndKeyFigureAndLinksToItsEntry() {
        for (int i = 0; i < run.results().size(); i++) {
            ScenarioResult result = run.results().get(i);
            Element cell = page.selectFirst("td.cell[data-i=" + i + "]");
            assertThat(cell).as("grid cell %d", i).isNotNull();
            assertThat(cell.select(".lbl").text()).as("outcome of %s", result.key())
                    .isEqualTo(OutcomeLook.label(OutcomeForm.of(result)));
            assertThat(cell.select(".fig").text()).as("key figure of %s", result.key()).isEqualTo(figure(result));
            Elements links = cell.select("noscript a.why");
            assertThat(links).as("the why link of %s", result.key()).hasSize(1);
            String target = links.first().attr("href");
            assertThat(target).as("link of %s: its column's page", result.key())
                    .isEqualTo("cells-" + result.key().cluster().replace(':', '-') + ".html#cell-" + i);
            assertThat(pages.target(target)).as("entry %s exists", target).isNotNull();
        }
    }

    @Test
    void cellsHtmlListsOnePagePerColumnAndEachHoldsThatColumnsCellsOnly() {
        List<String> clusters = run.results().stream().map(r -> r.key().cluster()).distinct().toList();
        assertThat(pages.byFile().get(CellsInWords.FILE).select("#cells-in-words li a").eachAttr("href"))
                .as("cells.html: each column's page").containsExactlyInAnyOrderElementsOf(
                        clusters.stream().map(c -> "cells-" + c.replace(':', '-') + ".html").toList());
        for (String cluster : clusters) {
            Document column = pages.byFile().get("cells-" + cluster.replace(':', '-') + ".html");
            assertThat(column.select("#cells-in-words > ul > li[id^=cell-] > b").eachText()).as("the entries on %s", cluster)
                    .isNotEmpty().allSatisfy(name -> assertThat(name).endsWith(" on " + cluster));
            assertThat(column.select("a[href=cells.html]")).as("a way to the other columns").hasSize(1);
        }
    }

    @Test
    void everyEntryStatesOutcomeFigureReasonFindingsAndNote() {
        assertThat(page.select("noscript a[href=cells.html]")).as("the grid's page points there").hasSize(1);
        assertThat(page.select("#cells-in-words")).as("and does not carry it twice").isEmpty();
        Elements entries = words.select("#cells-in-words li[id^=cell-]");
        assertThat(entries).as("one entry per record").hasSize(run.results().size());
        for (int i = 0; i < run.results().size(); i++) {
            ScenarioResult result = run.results().get(i);
            Element entry = words.getElementById("cell-" + i);
            assertThat(entry.selectFirst("b").text()).as("which cell").isEqualTo(result.key().fault() + " on " + result.key().cluster());
            assertThat(entry.previousElementSibling() == null ? entry.parent().previousElementSibling().text() : null)
                    .as("the first entry of a row follows the row's heading")
                    .isIn(null, result.key().row());
            assertThat(entry.select("> .lbl").text()).as("outcome of %s", result.key()).isEqualTo(OutcomeLook.label(OutcomeForm.of(result)));
            assertThat(entry.select("> .fig").text()).as("key figure of %s", result.key()).isEqualTo(figure(result));
            assertThat(entry.select("> .reason").text()).as("reason of %s", result.key())
                    .isEqualTo(result.reason().isBlank() ? "(no reason recorded)" : result.reason().strip());
            assertThat(entry.select("ul.findings > li")).as("findings of %s", result.key()).hasSize(result.findings().size());
            for (Finding f : result.findings()) {
                assertThat(entry.select("ul.findings > li[data-kind=" + f.kind().name() + "]").text())
                        .as("finding %s of %s", f.kind(), result.key()).contains(f.text());
            }
            assertThat(entry.select("> .note").text()).as("note of %s", result.key())
                    .isEqualTo(result.note().isBlank() ? "" : "note: " + result.note());
        }
    }

    @Test
    void aCellRunSeveralTimesShowsItsDistributionAndEachRunInWords() {
        SuiteResults repeated = SampleRuns.repeated();
        Document doc = Jsoup.parse(HtmlReport.render(repeated));
        Element cell = doc.selectFirst("td.cell[data-c='" + SampleRuns.DRILL_DOWN.cluster() + "'][data-f='"
                + SampleRuns.DRILL_DOWN.fault() + "'][data-runs*=',']");
        assertThat(cell).as("the repeated cell").isNotNull();
        assertThat(cell.select(".lbl").text()).as("the outcome most runs had").isEqualTo("FAILED");
        assertThat(cell.select(".runs").text()).as("of how many").isEqualTo("2/3");
        assertThat(cell.hasClass("unstable")).as("two outcomes: marked unstable").isTrue();
        assertThat(cell.select(".alt.v-SUCCEEDED").text()).as("the other outcome and its count").isEqualTo("1");
        assertThat(cell.select(".find[data-finding=USE_FAILED_WHILE_DOWN]").text()).as("a finding of every run").isEqualTo("gap");
        assertThat(cell.select(".find[data-finding=SIDECAR_RESTARTED]").text()).as("a finding of run 1 only").isEqualTo("↻ 1/3");
        assertThat(cell.select(".find[data-finding=SIDECAR_RESTARTED]").attr("title")).as("its hover: name and runs")
                .isEqualTo("sidecar restarted: seen in 1 of 3 runs");
        assertThat(cell.attr("title")).as("its title in the markup: the distribution")
                .isEqualTo("2 of 3: FAILED, 1 of 3: SUCCEEDED (unstable)");
        java.util.Map<Integer, String> hovers = GridTable.hovers(repeated);
        assertThat(hovers.get(Integer.parseInt(cell.attr("data-i"))))
                .as("the whole hover, packed for the page's script: the distribution and the shown run")
                .startsWith("2 of 3: FAILED, 1 of 3: SUCCEEDED (unstable)\nrun 2, shown: FAILED")
                .endsWith("\nthe other runs: click the cell");
        assertThat(hovers.keySet()).as("one hover per cell of several runs, on the run it shows")
                .containsExactlyInAnyOrderElementsOf(doc.select("table#grid td.cell[data-runs*=',']").eachAttr("data-i")
                        .stream().map(Integer::valueOf).toList());
        assertThat(doc.select("table#grid td.cell")).as("one grid cell per cell, not per record")
                .hasSize(repeated.results().size() - 2);

        Element entry = WordsPages.of(repeated).target(cell.selectFirst("a.why").attr("href"));
        assertThat(entry.select("> .runs").text()).as("distribution in words").isEqualTo("2 of 3: FAILED, 1 of 3: SUCCEEDED (unstable)");
        assertThat(entry.select("ol.run-list > li")).as("each run").hasSize(3);
        assertThat(entry.select("ol.run-list > li[data-repeat=3] .reason").text()).as("run 3's reason")
                .isEqualTo("main exited 4: its use of the sidecar failed");
        assertThat(doc.select(".legends").text()).as("the legend states the rule").contains(CellRuns.UNSTABLE_RULE);
    }
}
