package io.sidecarconformance;

import io.sidecarconformance.fault.Fault;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.Pattern;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.scenario.ScenarioSettings;
import io.sidecarconformance.suite.SuiteCatalog;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fault, pattern and sidecar kind of the registries is known wherever it must be (docs/adding-a-fault.md lists
 * these places): its feature file or rows, the docs' tables and counts, the README, the catalog results.json carries,
 * and what the page's legend says of it. A new one missing from any of them fails here, naming the place.
 */
class CatalogCompletenessTest {

    private static final Path FEATURES = Path.of("features");
    private static final Path CATALOGUE_DOC = Path.of("docs/patterns-and-faults.md");
    private static final Path READING_DOC = Path.of("docs/reading-the-report.md");
    private static final Path README = Path.of("README.md");
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty");

    private final Catalog catalog = SuiteCatalog.of();

    @Test
    void everyFaultHasItsFeatureFileItsDocsRowAndItsCatalogEntry() throws IOException {
        List<String> ids = Faults.all().stream().map(Fault::id).toList();
        String features = featureTexts();
        for (String id : ids) {
            assertThat(features).as("a feature file under features/ tagged @fault-%s", id)
                    .containsPattern("(?m)^@fault-" + java.util.regex.Pattern.quote(id) + "(\\s|$)");
            assertThat(features).as("a step of features/ running the %s fault", id).contains("under the \"" + id + "\" fault");
        }
        assertThat(tableIds(section(CATALOGUE_DOC, "## Faults"))).as("the faults table of %s, in reading order", CATALOGUE_DOC)
                .containsExactlyElementsOf(ids);
        assertThat(section(CATALOGUE_DOC, "## Faults")).as("the count in %s", CATALOGUE_DOC).contains(count(ids.size()) + " faults");
        String readme = read(README);
        assertThat(readme).as("the count in the README").contains("**" + count(ids.size()) + " faults**");
        ids.forEach(id -> assertThat(readme).as("the README's list of faults").contains("`" + id + "`"));
        assertThat(catalog.faultIds()).as("the catalog results.json carries, in reading order").containsExactlyElementsOf(ids);
    }

    @Test
    void everyFaultSaysWhatItIsAimedAtAndTheCatalogAndLegendSayTheSame() throws IOException {
        for (Fault fault : Faults.all()) {
            CatalogFault entry = catalog.fault(fault.id()).orElseThrow();
            assertThat(entry.label()).as("label of %s", fault.id()).isNotBlank().isEqualTo(fault.label());
            assertThat(entry.aim().name()).as("aim of %s", fault.id()).isEqualTo(fault.aim().name());
            assertThat(entry.figure().name()).as("key figure of %s", fault.id()).isEqualTo(fault.figure().name());
            assertThat(fault.targetsMain()).as("%s: aimed at main as the verdict reads it", fault.id())
                    .isEqualTo(entry.aim().failsMain());
        }

        String legend = legend();
        List<String> aimedAtMain = catalog.faultsFailingMain();
        assertThat(legend).as("the legend's FAILED: FAULT rule names the faults aimed at main")
                .contains("under a fault aimed at main (" + String.join(", ", aimedAtMain) + ")");
        assertThat(read(READING_DOC)).as("%s names the same faults aimed at main", READING_DOC)
                .contains("aimed at main (" + String.join(", ", aimedAtMain.stream().map(id -> "`" + id + "`").toList()) + ")");
        catalog.faults().stream().filter(f -> f.figure() != io.sidecarconformance.result.ColumnFigure.OUTCOME)
                .forEach(f -> assertThat(legend).as("the key figure legend names %s", f.id())
                        .containsPattern("under ([a-z0-9-]+, )*" + java.util.regex.Pattern.quote(f.id()) + "[,:]"));
    }

    @Test
    void theLegendSaysWhatEachKindOfNodeKillsUnderEachOomFaultAndTheGlossaryNamesSidecarChildOom() throws IOException {
        ScenarioResult cell = new ScenarioResult(new ScenarioKey("local:1.31", "native", "dind", "exec+tolerant",
                "sidecar-child-oom"), Outcome.SUCCEEDED, "Job Complete", List.of(), Figures.none(), List.of(), Instant.EPOCH, "");
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "r", Instant.EPOCH, Instant.EPOCH,
                List.of(new ClusterInfo("local:1.31", "local", "1.31", "v1.31.4")), ScenarioSettings.defaults().parameters(),
                Map.of(), catalog, List.of(cell));
        String html = page(run);

        Matcher row = java.util.regex.Pattern.compile("<tr><th>sidecar-oom, sidecar-child-oom, main-oom: which process"
                + " allocates, and what each kind of node kills \\(fixed\\)</th><td>(.*?)</td></tr>").matcher(html);
        assertThat(row.find()).as("the legend's row on the OOM faults").isTrue();
        String words = row.group(1);
        assertThat(words).as("each OOM fault").containsSubsequence("sidecar-oom: ", "; sidecar-child-oom: ", "; main-oom: ");
        assertThat(words.substring(0, words.indexOf("; sidecar-child-oom: "))).as("sidecar-oom")
                .contains("first process allocates itself", "killed on cgroup v1 and v2 alike");
        assertThat(words.substring(words.indexOf("; sidecar-child-oom: "), words.indexOf("; main-oom: "))).as("sidecar-child-oom")
                .contains("a child of the sidecar", "cgroup v1", "the largest process, the child", "serves on",
                        "memory.oom.group=1", "the whole container", "singleProcessOOMKill: true, as on v1");
        assertThat(words.substring(words.indexOf("; main-oom: "))).as("main-oom")
                .contains("a child of main", "only that child dies", "EXIT trap", "the whole container dies");
        assertThat(html).as("the sizes' row names it too")
                .contains("<tr><th>sidecar-oom, sidecar-child-oom, main-oom: memory limit and allocation (fixed)</th>");

        assertThat(html).as("the glossary's entry for it, from the catalog").contains("<dt id=\"g-fault-sidecar-child-oom\">"
                + "<code>sidecar-child-oom</code></dt><dd>" + Faults.byId("sidecar-child-oom").label().replace("'", "&#39;")
                + "; aimed at the sidecar</dd>");
    }

    @Test
    void everyPatternHasRowsItsDocsRowAndItsCatalogEntry() throws IOException {
        List<String> ids = Patterns.all().stream().map(Pattern::id).toList();
        String features = featureTexts();
        for (String id : ids) {
            assertThat(features).as("an Examples row of features/ for pattern %s", id)
                    .containsPattern("(?m)^\\s*\\|\\s*" + java.util.regex.Pattern.quote(id) + "\\s*\\|");
        }
        assertThat(tableIds(section(CATALOGUE_DOC, "## Patterns"))).as("the patterns table of %s", CATALOGUE_DOC)
                .containsExactlyElementsOf(ids);
        assertThat(section(CATALOGUE_DOC, "## Patterns")).as("the count in %s", CATALOGUE_DOC).contains(count(ids.size()) + " patterns");
        String readme = read(README);
        assertThat(readme).as("the count in the README").contains("**" + count(ids.size()) + " patterns**");
        ids.forEach(id -> assertThat(readme).as("the README's list of patterns").contains("`" + id + "`"));
        assertThat(catalog.patterns()).as("the catalog results.json carries")
                .containsExactlyElementsOf(Patterns.all().stream().map(p -> new CatalogEntry(p.id(), p.label())).toList());
        catalog.patterns().forEach(p -> assertThat(p.label()).as("label of %s", p.id()).isNotBlank());
    }

    @Test
    void everySidecarKindHasRowsItsTagItsDocsAndItsCatalogEntry() throws IOException {
        List<String> ids = Arrays.stream(SidecarKind.values()).map(SidecarKind::id).toList();
        String features = featureTexts();
        String docs = section(CATALOGUE_DOC, "## Sidecars");
        for (String id : ids) {
            assertThat(features).as("Examples tagged @%s", id).containsPattern("(?m)^\\s*(@\\S+\\s+)*@" + id + "(\\s|$)");
            assertThat(features).as("an Examples row of features/ with sidecar %s", id)
                    .containsPattern("(?m)^\\s*\\|[^|\\n]*\\|\\s*" + java.util.regex.Pattern.quote(id) + "\\s*\\|");
            assertThat(docs).as("%s's Sidecars section", CATALOGUE_DOC).contains("`" + id + "`");
        }
        assertThat(docs).as("the count in %s", CATALOGUE_DOC).contains(count(ids.size()) + " sidecars");
        assertThat(read(README)).as("the count in the README").contains("**" + count(ids.size()) + " sidecars**");
        assertThat(catalog.sidecars()).as("the catalog results.json carries")
                .containsExactlyElementsOf(Arrays.stream(SidecarKind.values()).map(k -> new CatalogEntry(k.id(), k.label())).toList());
        catalog.sidecars().forEach(k -> assertThat(k.label()).as("label of %s", k.id()).isNotBlank());
    }

    @Test
    void everyVariantPartTheGrammarKnowsHasItsCatalogEntry() {
        assertThat(catalog.variants()).as("the catalog results.json carries, in the grammar's order")
                .extracting(CatalogEntry::id).containsExactly("exec", "shell", "+probe", "+ready", "+tolerant");
        catalog.variants().forEach(v -> assertThat(v.label()).as("label of %s", v.id()).isNotBlank());
        for (String id : io.sidecarconformance.pattern.Variant.KNOWN.split(", ")) {
            String[] parts = id.split("(?=\\+)");
            assertThat(catalog.variants()).as("the parts of %s", id).extracting(CatalogEntry::id).contains(parts);
        }
    }

    @Test
    void theCatalogReachesThePageThroughResultsJson() throws IOException {
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "r", Instant.EPOCH, Instant.EPOCH,
                List.of(new ClusterInfo("local:1.31", "local", "1.31", "v1.31.4")), Map.of(), Map.of(), catalog, List.of());

        assertThat(ResultsJson.fromJson(ResultsJson.toJson(run), "t").catalog()).as("written and read back").isEqualTo(catalog);
    }

    @Test
    void theHowToIsLinkedAndNamesOnlyFilesThatExist() throws IOException {
        Path howTo = Path.of("docs/adding-a-fault.md");
        String text = read(howTo);
        assertThat(read(README)).as("the README's docs list").contains("](docs/adding-a-fault.md)");
        assertThat(read(CATALOGUE_DOC)).as("%s", CATALOGUE_DOC).contains("](adding-a-fault.md)");
        Matcher sources = java.util.regex.Pattern.compile("`((?:[a-z]+/)+[A-Za-z]+\\.java)`").matcher(text);
        List<String> named = sources.results().map(r -> r.group(1)).toList();
        assertThat(named).as("source files the how-to names").isNotEmpty();
        named.forEach(f -> assertThat(Path.of("src/main/java/io/sidecarconformance").resolve(f)).as("named in %s", howTo).exists());
        java.util.regex.Pattern.compile("`(features/[a-z0-9-]+\\.feature)`").matcher(text).results()
                .forEach(r -> assertThat(Path.of(r.group(1))).as("named in %s", howTo).exists());
    }

    /** The page's legend for a run with the suite's catalog. */
    private String legend() throws IOException {
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "r", Instant.EPOCH, Instant.EPOCH, List.of(), Map.of(), Map.of(),
                catalog, List.of());
        String html = page(run);
        return html.substring(html.indexOf("<div class=\"legends\">"));
    }

    /** The compatibility page the suite writes for a run. */
    private static String page(SuiteResults run) throws IOException {
        Path dir = Files.createTempDirectory("legend");
        io.sidecarconformance.report.ReportWriter.write(run, dir);
        return read(dir.resolve(io.sidecarconformance.report.ReportWriter.COMPATIBILITY_HTML));
    }

    private static String featureTexts() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(FEATURES)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
                all.append(read(f)).append('\n');
            }
        }
        return all.toString();
    }

    /** The text of a "## " section, up to the next one. */
    private static String section(Path file, String heading) throws IOException {
        String text = read(file);
        int start = text.indexOf("\n" + heading + "\n");
        assertThat(start).as("%s has a section %s", file, heading).isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The ids in the first column of a table's rows, e.g. "| `none` | nothing |". */
    private static List<String> tableIds(String text) {
        Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(text);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static String count(int n) {
        String word = NUMBERS.get(n);
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
