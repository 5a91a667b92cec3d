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
    static final List<String> VERSIONS = List.of("1.27", "1.28", "1.28-sidecars", "1.37");

    static SuiteResults merged() {
        List<SuiteResults> inputs = new ArrayList<>();
        try {
            for (String version : VERSIONS) {
                inputs.add(ResultsJson.read(PUBLISHED.resolve(version).resolve("results.json")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ResultsMerger.merge(inputs, List.of(), Instant.parse("2026-12-02T08:29:06Z")).results();
    }

    // Read, merged and rendered once for all tests (AnswersTest's too): the published files are large.
    static final SuiteResults MERGED = merged();
    private static final String HTML = HtmlReport.render(MERGED);
    static final Document PAGE = Jsoup.parse(HTML);
    private static final WordsPages WORDS_PAGES = WordsPages.of(MERGED);
    private static final Document WORDS = WORDS_PAGES.columns();

    private final SuiteResults run = MERGED;
    private final Document page = PAGE;

    @Test
    void everyOutcomeHasOneSpellingOnThePage() {
        String text = page.select("#summary, #grid, .legends").text() + WORDS.text();
        for (String old : List.of("FAILED: FAULT", "fails by fault", "N/A", "n/a", "hangs", "completes (", "dropped ·", "DROPPED ·")) {
            assertThat(text).as("no second spelling %s", old).doesNotContain(old);
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
        java.util.Set<String> ids = new java.util.HashSet<>(page.select("[id]").eachAttr("id"));
        assertThat(page.select("#grid a.gl, #summary a.gl, #glossary a").eachAttr("href")).as("every link's target")
                .allSatisfy(href -> assertThat(ids).contains(href.substring(1)));
        assertThat(page.select("#grid th.fault a.gl").eachAttr("href")).as("each fault header links to its entry")
                .contains("#g-fault-sidecar-oom");
        assertThat(page.select("#grid th.rowname a.gl").eachAttr("href")).as("row names link sidecar and variant parts")
                .contains("#g-sidecar-dind", "#g-variant-exec", "#g-variant-+probe", "#g-variant-+tolerant");
    }

    @Test
    void variantPartsAreDescribedWhenTheCatalogCarriesThem() {
        Catalog parts = new Catalog(List.of(), List.of(), List.of(), List.of(new CatalogEntry("exec", "exec form"),
                new CatalogEntry("+probe", "a startupProbe")), List.of());
        SuiteResults described = new SuiteResults(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.clusters(),
                run.parameters(), run.measurements(), run.catalog().union(parts), run.results().subList(0, 60));
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

    @Test
    void theGridIsDrawnAFaultAtATimeWithoutEmptySlots() {
        assertThat(page.select("#grid td.empty")).as("every row under a fault ran on every published column").isEmpty();
        assertThat(page.select("#grid thead th.cluster")).as("one header per version, once").hasSize(VERSIONS.size());
        assertThat(page.select("#grid tbody[data-f]").eachAttr("data-f")).as("a body per fault, in catalog order")
                .containsExactlyElementsOf(GridLayout.of(run).faults());
        for (Element body : page.select("#grid tbody[data-f]")) {
            String fault = body.attr("data-f");
            assertThat(body.select("td.cell").eachAttr("data-f")).as("cells of %s", fault).containsOnly(fault);
            assertThat(body.select("tr.fhead th.fault").text()).as("its heading, with the catalog's words")
                    .isEqualTo(fault + " " + run.catalog().fault(fault).orElseThrow().label());
        }
        assertThat(PageAssets.CSS).as("the versions' header and each fault's heading stay in view")
                .contains(".grid thead th{", "position:sticky;top:0").contains(".grid tr.fhead th{position:sticky;top:34px");
    }

    @Test
    void aSummaryOfThirteenVersionsIsSplitIntoTablesThatFitA1280PixelScreen() {
        List<String> faults = run.catalog().faultIds();
        List<List<String>> tables = SummaryTable.chunks(faults, 13);

        assertThat(tables).as("twelve faults at 13 versions").extracting(List::size).containsExactly(4, 4, 4);
        assertThat(tables.get(0).size() * (13 * (SummaryTable.SQUARE_PX + 1) + 12)).as("a table's squares, in px")
                .isLessThanOrEqualTo(SummaryTable.FITS_PX);
        assertThat(PageAssets.CSS).as("the square page.css draws").contains(".sq{display:inline-block;position:relative;"
                + "box-sizing:border-box;width:" + SummaryTable.SQUARE_PX + "px;");
        assertThat(SummaryTable.chunks(faults, VERSIONS.size())).as("four versions: one table").hasSize(1);
        assertThat(SummaryTable.chunks(faults, 1)).as("one version, its words in each square: tables that fit those")
                .allSatisfy(table -> assertThat(table.size() * SummaryTable.WORDS_PX).isLessThanOrEqualTo(SummaryTable.FITS_PX));
        assertThat(page.select("#summary table.summary")).hasSize(1);
        assertThat(page.select("#summary .vl").eachText()).as("version labels, at least 10 px, not rotated")
                .contains("28-s");
        assertThat(PageAssets.CSS).contains(".vl{display:inline-block;width:14px;writing-mode:vertical-rl;font-size:10px;")
                .doesNotContain("rotate(");
    }

    @Test
    void outcomeColoursAreOkabeItosAndEachPatternOutcomeHasItsOwn() {
        List<String> palette = List.of("#0072b2", "#56b4e9", "#d55e00", "#cc79a7", "#1b1f24", "#f0e442", "#e69f00");
        List<String> colours = new ArrayList<>();
        for (io.sidecarconformance.result.Outcome outcome : io.sidecarconformance.result.Outcome.values()) {
            if (Expectation.of(OutcomeForm.of(outcome), Aim.MAIN) != Expectation.NO_CLAIM) {
                colours.add(OutcomeLook.solid(OutcomeForm.of(outcome)));
            }
        }
        assertThat(colours).as("an Okabe-Ito colour each (TIMEOUT: black)").isSubsetOf(palette).doesNotHaveDuplicates();
        assertThat(OutcomeLook.solid(OutcomeForm.FAILED)).as("FAILED vermillion, STUCK reddish purple")
                .isEqualTo("#d55e00").isNotEqualTo(OutcomeLook.solid(OutcomeForm.STUCK));
        assertThat(OutcomeLook.solid(OutcomeForm.SUCCEEDED)).as("success is blue, never green").isEqualTo("#0072b2");
    }

    @Test
    void reproduceNamesPublicImagesSaysWhatIsPrivilegedAndReadsWithoutJavaScript() {
        List<java.util.Optional<Reproduction>> repros = Reproduction.of(run.results());
        int dind = indexOf("local:1.37", "native", "dind", "exec", "sigkill-main");
        Reproduction r = repros.get(dind).orElseThrow();

        String files = String.join("\n", r.files().values());
        assertThat(files).as("the files a reader downloads").contains("docker:20.10.24-dind", "busybox:1.35.0")
                .doesNotContain(PublicImages.LOCAL_PREFIX).doesNotContain("imagePullPolicy: \"Never\"").contains("imagePullPolicy: \"IfNotPresent\"");
        assertThat(r.images()).as("the images it needs").contains("docker:20.10.24-dind", "busybox:1.35.0");
        assertThat(run.results().get(dind).applied().stream().map(o -> o.manifest()).toList()).as("results.json keeps what the suite ran")
                .anySatisfy(m -> assertThat(m)
                .contains(PublicImages.LOCAL_PREFIX + "dind:20.10.24"));
        assertThat(r.privileged()).as("read from the manifests").anySatisfy(p -> assertThat(p).contains("container sidecar (docker:20.10.24-dind) privileged"))
                .anySatisfy(p -> assertThat(p).contains("hostPID"));

        Element how = page.getElementById("reproduce");
        assertThat(how.parents().stream().map(Element::tagName)).as("shown without JavaScript").doesNotContain("noscript");
        assertThat(how.text()).contains("docker:T-dind for " + PublicImages.LOCAL_PREFIX + "dind:T", "privileged",
                "hostPID", "Every cell is a batch Job");
        String link = page.select("td.cell[data-i=" + dind + "] noscript a.why").attr("href");
        assertThat(link).as("the cell's link, without JavaScript: its column's page")
                .isEqualTo("cells-" + run.results().get(dind).key().cluster().replace(':', '-') + ".html#cell-" + dind);
        Element entry = WORDS_PAGES.target(link);
        assertThat(entry.select("details.repro pre").text()).as("the cell's command in its entry").isEqualTo(r.command());
        assertThat(entry.select("details.repro p").text()).contains("container sidecar (docker:20.10.24-dind) privileged");
    }

    @Test
    void theCaveatsBesideTheSummaryAreReadFromTheClustersAndTheAppliedObjects() {
        Element caveats = page.getElementById("caveats");
        assertThat(caveats.nextElementSibling().id()).as("right before the summary").isEqualTo("summary");
        List<String> lines = caveats.select("li").eachText();
        assertThat(lines).as("what the published columns reported")
                .contains("Nodes: cgroup v1 on every column. OOM kills and memory limits behave differently on the other"
                        + " cgroup version (on v2 the kernel may kill a container's whole cgroup), so the OOM faults' cells"
                        + " may not carry over.")
                .anySatisfy(l -> assertThat(l).startsWith("Container runtime: containerd://1.6.20 with runc 1.1.5+ds1 on 1.27,"
                        + " 1.28, 1.28-sidecars; containerd://2.4.2 with runc 1.5.2 on 1.37."))
                .anySatisfy(l -> assertThat(l).startsWith("The dind sidecar ran docker:20.10.24-dind "))
                .anySatisfy(l -> assertThat(l).startsWith("Every cell ran its pod as a batch Job"));
    }

    private int indexOf(String cluster, String pattern, String sidecar, String variant, String fault) {
        io.sidecarconformance.result.ScenarioKey key = new io.sidecarconformance.result.ScenarioKey(cluster, pattern, sidecar, variant, fault);
        return java.util.stream.IntStream.range(0, run.results().size()).filter(i -> run.results().get(i).key().equals(key))
                .findFirst().orElseThrow();
    }

    @Test
    void howThePodEndedFollowsTheNativeSidecarAcrossVersions() {
        Element nativeLight = page.select("#end-of-pod tbody[data-f=none] tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals("native / light")).findFirst().orElseThrow();
        List<String> cells = nativeLight.select("td").eachText();
        assertThat(page.select("#end-of-pod thead th").eachText()).containsExactly("pattern / sidecar", "1.27", "1.28",
                "1.28-sidecars", "1.37");
        assertThat(cells.get(0)).as("1.27: restartPolicy dropped (exec), the sidecar an init container that never ends; the probe refused")
                .isEqualTo("sidecar still running · pod Pending exec no pod exec+probe");
        assertThat(cells.get(1)).as("1.28, gate off: the same").isEqualTo(cells.get(0));
        assertThat(cells.subList(2, 4)).as("the gate on, and today: stopped with SIGTERM after main, the pod Succeeded")
                .containsOnly("sidecar exit 143 Error (SIGTERM) · pod Succeeded");
        assertThat(page.selectFirst("#end-of-pod p").text()).startsWith("What a tool should read: in ")
                .contains("seen on every version here", "a sidecar's last state was exit 143 Error (SIGTERM) while main exited 0");
    }

    @Test
    void thePageStaysSmallWithEveryRunAndItsTitleAndMeasurementsSayWhatTheyAre() throws Exception {
        long bytes = HTML.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int published = 4875;
        assertThat(bytes * published / run.results().size()).as("the page of all %s published runs, at this page's bytes per run", published)
                .isLessThan(5L * 1024 * 1024);
        int records = 0;
        for (DrillDownData.ColumnFile file : DrillDownData.files(run, Reproduction.of(run.results()))) {
            java.util.regex.Matcher data = java.util.regex.Pattern.compile("= \"([A-Za-z0-9+/=]*)\";").matcher(file.script());
            assertThat(data.find()).as(file.path()).isTrue();
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                    java.util.Base64.getDecoder().decode(data.group(1))))) {
                records += ResultsJson.mapper().readTree(in).path("cells").size();
            }
        }
        assertThat(records).as("no run lost: the drill-down's files hold every one").isEqualTo(run.results().size());
        assertThat(WORDS.select("#cells-in-words li[data-repeat]").size() + WORDS.select("#cells-in-words li[id^=cell-]:not(:has(ol))").size())
                .as("and the words page states every one").isEqualTo(run.results().size());

        assertThat(page.title()).as("the tab names the columns, not the merge's time")
                .isEqualTo("Sidecar compatibility: 1.27 to 1.37 (4 versions)");
        assertThat(page.select("#benchmarks th").eachText()).as("targets every run misses, apart")
                .isNotEmpty().allSatisfy(name -> assertThat(name).endsWith("/scenario phase / longest scenario"));
        assertThat(page.select("#measurements th").eachText()).as("the rest, as measured")
                .anySatisfy(name -> assertThat(name).endsWith("/verdict delay median / max"))
                .noneSatisfy(name -> assertThat(name).endsWith("/scenario phase / longest scenario"));
        assertThat(page.selectFirst("#benchmarks").parent().hasAttr("open")).as("folded").isFalse();
    }
}
