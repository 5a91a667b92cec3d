package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer section on published runs (PublishedPageTest's four columns of reports/2026-12-02-local, 3 runs a cell):
 * computed from the verdicts, ranges in the grid's column order, variants named by what sets them apart, every link to
 * a grid row.
 */
class AnswersTest {

    private static final SuiteResults RUN = PublishedPageTest.MERGED;
    private static final List<String> CLUSTERS = GridLayout.of(RUN).clusters();

    @Test
    void dindSaysWhichPatternCompletesUnderWhichFaultOnWhichVersionsAndWhereARetryingClientMatters() {
        assertThat(words("dind", "native")).containsExactly(
                "✓ SUCCEEDED under none, delayed-sidecar from 1.28-sidecars",
                "✓ FAILED_BY_FAULT under main-oom, sigterm, sigkill-main from 1.28-sidecars",
                "✓ SUCCEEDED with +tolerant, ✗ FAILED without +tolerant under sidecar-oom from 1.28-sidecars",
                "✗ DROPPED then STUCK without +probe, ✗ REJECTED with +probe under every fault up to 1.28");
        assertThat(words("dind", "classic")).as("classic never ends")
                .contains("✗ STUCK under none, main-oom, delayed-sidecar, sigkill-main on every version");
        assertThat(Answers.of(RUN).stream().filter(l -> l.sidecar().equals("dind")).map(Answers.Line::pattern))
                .as("best first: the share of cells expected").startsWith("pidfile").endsWith("classic");
    }

    @Test
    void lightNamesTheVersionsWhereAVariantHangsAndGathersWhatTheApiRefused() {
        List<String> native_ = words("light", "native");
        assertThat(native_).as("the startup probe's hang, fixed in 1.33's later patches")
                .contains("✓ SUCCEEDED under sidecar-early-crash on 1.37",
                        "✓ SUCCEEDED without +probe, ✗ STUCK with +probe under sidecar-early-crash on 1.28-sidecars")
                .anySatisfy(w -> assertThat(w).startsWith("✗ REJECTED, DROPPED then STUCK or DROPPED then FAILED under every fault up to 1.28"));
        assertThat(words("light", "native-restart-all")).as("a rule only 1.36 on accepts")
                .contains("✓ SUCCEEDED under none, main-oom, sigkill-main on 1.37");
    }

    @Test
    void rangesFollowTheColumnOrder() {
        List<String> clusters = List.of("local:1.27", "local:1.28", "local:1.29", "local:1.33", "local:1.33.5", "local:1.34");
        assertThat(Answers.rangeWords(Answers.ranges(List.of(0, 1, 2, 3, 4, 5)), clusters)).isEqualTo("on every version");
        assertThat(Answers.rangeWords(Answers.ranges(List.of(2, 3, 4, 5)), clusters)).isEqualTo("from 1.29");
        assertThat(Answers.rangeWords(Answers.ranges(List.of(0, 1)), clusters)).isEqualTo("up to 1.28");
        assertThat(Answers.rangeWords(Answers.ranges(List.of(1, 2, 4)), clusters)).isEqualTo("on 1.28–1.29 and on 1.33.5");
        assertThat(Answers.rangeWords(Answers.ranges(List.of(3, 5)), clusters)).isEqualTo("on 1.33 and on 1.34");
        assertThat(Answers.rangeWords(Answers.ranges(List.of(0, 4)), clusters)).as("one column at either end is only that one")
                .isEqualTo("on 1.27 and on 1.33.5");
    }

    @Test
    void variantsAreNamedByThePartThatSetsThemApart() {
        assertThat(Answers.names(List.of(List.of("exec", "exec+probe"), List.of("exec+tolerant", "exec+probe+tolerant"))))
                .containsExactly("without +tolerant", "with +tolerant");
        assertThat(Answers.names(List.of(List.of("exec"), List.of("shell")))).containsExactly("for exec", "for shell");
        assertThat(Answers.names(List.of(List.of("exec", "shell+probe"), List.of("exec+probe", "shell"))))
                .as("no part sets them apart: their variants").containsExactly("for exec, shell+probe", "for exec+probe, shell");
        assertThat(Answers.names(List.of(List.of("exec")))).containsExactly("");
    }

    @Test
    void runsThatDisagreeSayMixedWithTheirCounts() {
        SuiteResults repeated = SampleRuns.repeated();
        List<String> cells = Answers.of(repeated).stream()
                .filter(l -> l.sidecar().equals(SampleRuns.DRILL_DOWN.sidecar()) && l.pattern().equals(SampleRuns.DRILL_DOWN.pattern()))
                .flatMap(l -> l.claims().stream().filter(c -> c.faults().contains(SampleRuns.DRILL_DOWN.fault())))
                .map(c -> Answers.words(c, List.of(), GridLayout.of(repeated).clusters())).toList();
        assertThat(cells).as("run 1 SUCCEEDED, runs 2 and 3 FAILED")
                .anySatisfy(w -> assertThat(w).startsWith("± mixed: FAILED 2, SUCCEEDED 1 runs under sidecar-oom on kind:1.31"));
    }

    @Test
    void theSectionIsMarkupAtTheTopAndEveryFaultLinksToItsRowInTheGrid() {
        Document page = PublishedPageTest.PAGE;
        Element answers = page.getElementById("answers");
        assertThat(answers).as("in the markup, no script needed").isNotNull();
        assertThat(answers.parents().stream().map(Element::tagName)).doesNotContain("noscript");
        assertThat(page.select("body > section").first()).as("the first section of the page").isEqualTo(answers);
        assertThat(answers.select(".answer").eachAttr("data-sidecar")).containsExactly("dind", "light");
        Set<String> ids = new HashSet<>(page.select("#grid tr.row[id]").eachAttr("id"));
        assertThat(answers.select(".claim a").eachAttr("href")).as("each claim's links").isNotEmpty()
                .allSatisfy(href -> assertThat(ids).as("a grid row").contains(href.substring(1)));
        assertThat(answers.select("li[data-pattern=classic]").first().text()).as("the words, as Answers says them")
                .contains("✗ STUCK under none, main-oom, delayed-sidecar, sigkill-main on every version");
    }

    private static List<String> words(String sidecar, String pattern) {
        Answers.Line line = Answers.of(RUN).stream().filter(l -> l.sidecar().equals(sidecar) && l.pattern().equals(pattern))
                .findFirst().orElseThrow();
        List<String> faults = line.claims().stream().flatMap(c -> c.faults().stream()).distinct().toList();
        return line.claims().stream().map(c -> Answers.words(c, faults, CLUSTERS)).toList();
    }
}
