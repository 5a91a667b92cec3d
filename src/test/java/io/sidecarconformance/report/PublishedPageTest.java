package io.sidecarconformance.report;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogEntry;
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
    /** Native sidecars rejected, dropped, the gate on (the same build as 1.28), and today's. */
    static final List<String> VERSIONS = List.of("1.27", "1.28", "1.28-sidecars", "1.31", "1.37");

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

    @Test
    void theGlossaryDefinesEveryWordOfTheGridFromResultsJsonAndEveryHeaderLinksToIt() {
        Element glossary = page.getElementById("glossary");
        assertThat(glossary).as("a glossary, in the markup").isNotNull();
        assertThat(glossary.parents().stream().map(Element::tagName)).as("shown without JavaScript").doesNotContain("noscript");
        for (CatalogFault fault : run.catalog().faults()) {
            assertThat(definition("g-fault-" + fault.id())).as("fault %s", fault.id()).startsWith(fault.label() + "; aimed at ");
        }
        run.catalog().patterns().forEach(p -> assertThat(definition("g-pattern-" + p.id())).as("pattern %s", p.id()).isEqualTo(p.label()));
        run.catalog().sidecars().forEach(k -> assertThat(definition("g-sidecar-" + k.id())).as("sidecar %s", k.id()).isEqualTo(k.label()));
        for (String part : List.of("exec", "shell", "+probe", "+tolerant")) {
            assertThat(page.getElementById("g-variant-" + part)).as("variant part %s", part).isNotNull();
        }
        run.clusters().forEach(c -> assertThat(definition("g-column-" + c.id())).as("column %s", c.id())
                .contains("API server " + c.serverVersion(), "cgroup " + c.cgroupVersion(), c.containerRuntime()));
        assertThat(definition("g-column-local:1.28-sidecars")).as("a column whose build another column shares")
                .contains("the same build as 1.28");
        for (Element link : page.select("#grid a.gl, #summary a.gl, #glossary a")) {
            assertThat(page.getElementById(link.attr("href").substring(1))).as("target of %s", link.attr("href")).isNotNull();
        }
        assertThat(page.select("#grid th.fault a.gl").eachAttr("href")).as("each fault header links to its entry")
                .contains("#g-fault-sidecar-oom");
        assertThat(page.select("#grid th.rowname a.gl").eachAttr("href")).as("row names link sidecar and variant parts")
                .contains("#g-sidecar-dind", "#g-variant-exec", "#g-variant-+probe", "#g-variant-+tolerant");
    }

    @Test
    void variantPartsAreDescribedWhenTheCatalogCarriesThem() {
        Catalog parts = new Catalog(List.of(), List.of(), List.of(), List.of(new CatalogEntry("exec", "exec form"),
                new CatalogEntry("+probe", "a startupProbe")));
        SuiteResults described = new SuiteResults(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.clusters(),
                run.parameters(), run.measurements(), run.catalog().union(parts), run.results());
        Document withParts = Jsoup.parse(HtmlReport.render(described));

        assertThat(withParts.getElementById("g-variant-+probe").nextElementSibling().text()).isEqualTo("a startupProbe");
        assertThat(definition("g-variant-+probe")).as("the published files predate them")
                .isEqualTo("not described in this results.json");
    }

    private String definition(String anchor) {
        Element term = page.getElementById(anchor);
        assertThat(term).as("entry %s", anchor).isNotNull();
        return term.nextElementSibling().text();
    }
}
