package io.sidecarconformance.report;

import io.sidecarconformance.result.EndOfPodTable;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "How the pod ended" rendered from the published 1.35 column of 2026-12-02-local (every none and sigterm cell, 3 runs
 * each), and from hand-made runs for the cases that file does not hold.
 */
class EndOfPodSectionTest {

    private static final SuiteResults PUBLISHED = read("reports/2026-12-02-local/1.35/results.json");
    private static final Document SECTION = Jsoup.parse(EndOfPodSection.render(PUBLISHED));
    private static final Instant T0 = Instant.parse("2026-12-02T04:00:00Z");

    private static SuiteResults read(String file) {
        try {
            return ResultsJson.read(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The row names under a fault, as the page writes them. */
    private static List<String> rowsUnder(String fault) {
        return SECTION.select("tbody[data-f=" + fault + "] tr:not(.eop-f) > th").eachText();
    }

    private static String cellText(String fault, String patternAndSidecar) {
        Element row = SECTION.select("tbody[data-f=" + fault + "] tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals(patternAndSidecar)).findFirst().orElseThrow();
        return row.selectFirst("td").text();
    }

    @Test
    void theTableHasOneRowPerPatternAndSidecarThatTheFilesNoneAndSigtermCellsImply() {
        for (String fault : List.of("none", "sigterm")) {
            List<String> implied = PUBLISHED.results().stream()
                    .filter(r -> r.key().fault().equals(fault) && r.outcome() != Outcome.ERROR)
                    .map(r -> r.key().pattern() + " / " + r.key().sidecar()).distinct().sorted().toList();
            assertThat(rowsUnder(fault)).as("rows under %s", fault).isNotEmpty().containsExactlyElementsOf(implied);
        }
        assertThat(SECTION.select("thead th").eachText()).containsExactly("pattern / sidecar", "1.35");
        assertThat(SECTION.select("tbody tr.eop-f th").eachText()).as("each fault with the catalog's words").containsExactly(
                "none: nothing goes wrong (the baseline)", "sigterm: the pod is deleted while main works");
        assertThat(SECTION.select("script")).as("markup only").isEmpty();
    }

    @Test
    void eachCellReadsTheSidecarsLastStateAndThePodsPhaseAndLinksToItsCellInWords() {
        assertThat(cellText("none", "native / light")).isEqualTo("sidecar exit 143 Error (SIGTERM) · pod Succeeded");
        assertThat(cellText("none", "native-multi / light"))
                .isEqualTo("sidecar, sidecar-2, sidecar-3 exit 143 Error (SIGTERM) · pod Succeeded");
        assertThat(cellText("none", "done-file / light")).isEqualTo("sidecar exit 0 Completed · pod Succeeded");
        assertThat(cellText("none", "classic / light")).as("no end: the pod never finished")
                .isEqualTo("sidecar still running · pod Running");
        assertThat(cellText("none", "native-restart-all / light")).as("rejected on 1.35").isEqualTo("no pod");
        assertThat(cellText("sigterm", "native / dind")).isEqualTo("sidecar exit 143 Error (SIGTERM) · pod Failed, then gone");
        Element nativeLight = SECTION.select("tbody[data-f=none] tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals("native / light")).findFirst().orElseThrow().selectFirst("td");
        assertThat(nativeLight.attr("title")).as("the variants, runs, main and the ready flags")
                .isEqualTo("exec, exec+probe (6 of 6 runs): main exit 0 Completed; ready at the end: none");

        WordsPages words = WordsPages.of(PUBLISHED);
        List<String> links = SECTION.select("td a").eachAttr("href");
        assertThat(links).hasSize(SECTION.select("tbody tr:not(.eop-f)").size())
                .allSatisfy(href -> assertThat(words.target(href)).as(href).isNotNull())
                .allSatisfy(href -> assertThat(href).matches("cells-[^#]+\\.html#cell-\\d+"));
    }

    @Test
    void theSentenceAboveItIsComputedFromTheRuns() {
        // Counted here from the verdict's own figures, apart from the table the sentence is computed from.
        long succeeded = 0;
        long sidecarNonZero = 0;
        for (ScenarioResult r : PUBLISHED.results()) {
            if (!EndOfPodTable.FAULTS.contains(r.key().fault()) || r.outcome() == Outcome.ERROR
                    || !"Succeeded".equals(r.figures().podPhase())) {
                continue;
            }
            succeeded++;
            if (r.figures().exitCodes().entrySet().stream().anyMatch(e -> e.getKey().startsWith("sidecar") && e.getValue() != 0)) {
                sidecarNonZero++;
            }
        }
        assertThat(sidecarNonZero).isPositive().isLessThan(succeeded);

        assertThat(SECTION.selectFirst("p").text()).isEqualTo("What a tool should read: in " + sidecarNonZero + " of the "
                + succeeded + " runs here whose pod ended Succeeded (patterns ephemeral, native, native-multi,"
                + " native-multi-prestop, native-rules; on 1.35), a sidecar's last state was exit 143 Error (SIGTERM)"
                + " while main exited 0, so a sidecar's non-zero exit is how such a successful pod normally ends: judge the"
                + " pod by its phase and main's exit, not by a sidecar's exit code.");
    }

    // Hand-made runs: a native sidecar stopped after main (143, or 0 for one that exits cleanly), or still running.
    private static List<TimelineEvent> ended(int sidecarExit, String phase) {
        List<TimelineEvent> events = new ArrayList<>();
        events.add(event(1, "main", EventKind.TERMINATED, "exit=0 reason=Completed finishedAt=x"));
        events.add(event(2, "sidecar", EventKind.TERMINATED, "exit=" + sidecarExit + " reason="
                + (sidecarExit == 0 ? "Completed" : "Error") + " finishedAt=y"));
        events.add(event(3, "pod", EventKind.PHASE, phase));
        return events;
    }

    private static List<TimelineEvent> stillRunning() {
        return List.of(event(1, "sidecar", EventKind.RUNNING, "startedAt=x"), event(2, "pod", EventKind.PHASE, "Running"));
    }

    private static TimelineEvent event(int s, String container, EventKind kind, String detail) {
        return new TimelineEvent(T0.plusSeconds(s), container, kind, detail,
                kind == EventKind.EXITING ? EventSource.LOG : EventSource.STATUS);
    }

    private static ScenarioResult run(String variant, int repeat, List<TimelineEvent> timeline) {
        return new ScenarioResult(new ScenarioKey("local:1.31", "native", "light", variant, "none"), Outcome.SUCCEEDED, "",
                List.of(), Figures.none(), timeline, T0, "", repeat, List.of(), null);
    }

    private static SuiteResults of(ScenarioResult... runs) {
        return new SuiteResults(SuiteResults.SCHEMA, "r", T0, T0, List.of(), Map.of(), Map.of(), SampleRuns.CATALOG,
                List.of(runs));
    }

    private static String sentence(SuiteResults run) {
        return Jsoup.parse(EndOfPodSection.render(run)).selectFirst("p").text();
    }

    @Test
    void theSentenceSaysWhatTheRunsShowAndNothingMore() {
        assertThat(sentence(of(run("exec", 1, stillRunning())))).as("no pod ended Succeeded")
                .startsWith("No run here ended with its pod Succeeded");
        assertThat(sentence(of(run("exec", 1, ended(0, "Succeeded")), run("exec", 2, ended(0, "Succeeded")))))
                .isEqualTo("In all 2 runs here whose pod ended Succeeded, every sidecar's last exit was 0: none of them"
                        + " shows a sidecar exit that a tool could misread as a failure.");
        assertThat(sentence(of(run("exec", 1, ended(143, "Succeeded")), run("shell", 1, ended(0, "Succeeded")))))
                .startsWith("What a tool should read: in 1 of the 2 runs here whose pod ended Succeeded (patterns native;"
                        + " on 1.31), a sidecar's last state was exit 143 Error while main exited 0");
        assertThat(EndOfPodSection.render(of())).as("no none or sigterm run: no section").isEmpty();
    }

    @Test
    void variantsAndRepeatsThatEndedDifferentlyAreNamedWithTheirRuns() {
        Document section = Jsoup.parse(EndOfPodSection.render(of(run("exec", 1, ended(143, "Succeeded")),
                run("exec", 2, stillRunning()), run("exec", 3, ended(143, "Succeeded")),
                run("shell", 1, ended(143, "Succeeded")))));

        Element cell = section.selectFirst("tbody[data-f=none] td");
        assertThat(cell.select("a").eachText()).containsExactly("sidecar exit 143 Error · pod Succeeded",
                "sidecar still running · pod Running");
        assertThat(cell.select(".eop-v").eachText()).containsExactly("exec 2/3, shell", "exec 1/3");
        assertThat(cell.attr("title")).isEqualTo("exec 2/3, shell (3 of 4 runs): main exit 0 Completed; ready at the end: none"
                + "\nexec 1/3 (1 of 4 runs): ready at the end: none");
    }

    @Test
    void thePageCarriesItBelowTheGridWithoutJavaScript() {
        Document page = Jsoup.parse(HtmlReport.render(of(run("exec", 1, ended(143, "Succeeded")))));

        Element section = page.getElementById("end-of-pod");
        assertThat(section).isNotNull();
        assertThat(section.parents().stream().map(Element::tagName)).doesNotContain("noscript", "main");
        assertThat(section.select("td[data-c=local:1.31]").text()).isEqualTo("sidecar exit 143 Error · pod Succeeded");
    }
}
