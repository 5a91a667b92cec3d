package io.sidecarconformance.report;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page merged from published results.json (four columns of reports/2026-12-02-local, JavaScript off, as jsoup
 * parses it): what a reader sees is computed from that data.
 */
class PublishedPageTest {

    private static final Path PUBLISHED = Path.of("reports/2026-12-02-local");
    /** Native sidecars rejected, dropped, the gate on, and today's: every outcome form the report has. */
    static final List<String> VERSIONS = List.of("1.27", "1.28-sidecars", "1.31", "1.37");

    static SuiteResults merged() throws Exception {
        List<SuiteResults> inputs = new ArrayList<>();
        for (String version : VERSIONS) {
            inputs.add(ResultsJson.read(PUBLISHED.resolve(version).resolve("results.json")));
        }
        return ResultsMerger.merge(inputs, List.of(), Instant.parse("2026-12-02T08:29:06Z")).results();
    }

    private final SuiteResults run = merged();
    private final Document page = Jsoup.parse(HtmlReport.render(run));

    PublishedPageTest() throws Exception {
    }

    @Test
    void everyOutcomeHasOneSpellingOnThePage() {
        for (String old : List.of("FAILED: FAULT", "fails by fault", "N/A", "n/a", "hangs", "completes (", "dropped ·", "DROPPED ·")) {
            assertThat(page.select("#summary, #grid, .legends, #cells-in-words").text()).as("no second spelling %s", old)
                    .doesNotContain(old);
        }
        for (Element cell : page.select("#grid td.cell")) {
            OutcomeForm form = OutcomeForm.valueOf(cell.attr("data-v"));
            assertThat(cell.select(".lbl").text()).as("grid label of %s", form).isEqualTo(OutcomeLook.label(form))
                    .startsWith(form.outcome().name());
        }
        assertThat(page.select("#summary .skey").eachText()).as("the summary's key names outcomes as the grid does")
                .containsAll(page.select(".legends ol.legend li[data-v] > .sw").eachText());
    }

    @Test
    void everyCellIsMarkedExpectedOrNotByItsFaultsAimInTheCatalog() {
        int expectedFailures = 0;
        for (Element cell : page.select("#grid td.cell")) {
            OutcomeForm form = OutcomeForm.valueOf(cell.attr("data-v"));
            Aim aim = run.catalog().fault(cell.attr("data-f")).map(CatalogFault::aim).orElseThrow();
            String mark = cell.select(".mk").text();
            switch (form) {
                case SUCCEEDED -> assertThat(mark).as("SUCCEEDED under %s", cell.attr("data-f")).isEqualTo("✓");
                case FAILED_BY_FAULT -> {
                    assertThat(aim.failsMain()).as("FAILED_BY_FAULT only under a fault aimed at main").isTrue();
                    assertThat(mark).as("the failure its fault means to cause").isEqualTo("✓");
                    expectedFailures++;
                }
                case NOT_APPLICABLE, ERROR -> assertThat(mark).as("%s: no claim", form).isEmpty();
                default -> assertThat(mark).as("%s under %s", form, cell.attr("data-f")).isEqualTo("✗");
            }
        }
        assertThat(expectedFailures).as("the published runs have failures their faults cause").isPositive();
        assertThat(page.select(".legends #expected + p").text()).as("the legend states the rule with the catalog's faults")
                .contains("FAILED_BY_FAULT under a fault aimed at main (main-oom, sigkill-main, sigterm,");
    }
}
