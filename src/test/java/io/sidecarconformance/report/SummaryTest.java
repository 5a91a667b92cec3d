package io.sidecarconformance.report;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.sidecarconformance.report.SampleRuns.START;
import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.result;
import static io.sidecarconformance.report.SampleRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    private static final String OLD = "local:1.29";
    private static final String NEW = "local:1.35";

    /** native/dind: three variants under sidecar-oom, one of them run three times with two outcomes; classic/light: one. */
    private static SuiteResults sample() {
        List<ScenarioResult> results = new ArrayList<>();
        results.add(result(key(OLD, "native", "dind", "exec", "sidecar-oom"), Outcome.SUCCEEDED));
        results.add(result(key(OLD, "native", "dind", "shell", "sidecar-oom"), Outcome.FAILED));
        results.add(result(key(OLD, "native", "dind", "exec+probe", "sidecar-oom"), Outcome.SUCCEEDED));
        results.add(result(key(NEW, "native", "dind", "exec", "sidecar-oom"), Outcome.SUCCEEDED));
        results.add(result(key(NEW, "native", "dind", "shell", "sidecar-oom"), Outcome.SUCCEEDED));
        for (int n = 1; n <= 3; n++) {
            Outcome outcome = n == 2 ? Outcome.FAILED : Outcome.SUCCEEDED;
            results.add(new ScenarioResult(key(NEW, "native", "dind", "exec+probe", "sidecar-oom"), outcome, "r", List.of(),
                    Figures.none(), List.of(), START, "", n, List.of(), null));
        }
        results.add(result(key(NEW, "classic", "light", "exec", "none"), Outcome.STUCK));
        results.add(result(key(OLD, "native", "dind", "exec", "none"), Outcome.DROPPED));
        return run("r", List.of(cluster(OLD, "v1.29.15"), cluster(NEW, "v1.35.0")), results);
    }

    @Test
    void aSpotCountsEachVariantOnceWithTheOutcomeItsCellShows() {
        Summary summary = Summary.of(sample());
        Summary.Row native_ = new Summary.Row("dind", "native");

        assertThat(summary.rows()).as("sidecar first, then pattern")
                .containsExactly(native_, new Summary.Row("light", "classic"));
        Summary.Spot old = summary.at(native_, "sidecar-oom", OLD);
        assertThat(old.words()).as("variants differ").isEqualTo("SUCCEEDED 2, FAILED 1");
        assertThat(old.detail()).as("which variant did what").isEqualTo("SUCCEEDED: exec, exec+probe; FAILED: shell");
        Summary.Spot now = summary.at(native_, "sidecar-oom", NEW);
        assertThat(now.words()).as("exec+probe shows SUCCEEDED (2 of 3 runs)").isEqualTo("SUCCEEDED");
        assertThat(now.unstable()).as("its cell is unstable").containsExactly("exec+probe");
        assertThat(summary.at(native_, "none", NEW)).as("not run there").isNull();
        assertThat(summary.ran(new Summary.Row("light", "classic"), "sidecar-oom")).as("never run under it").isFalse();
    }

    @Test
    void theSummaryIsMarkupWithASquarePerVersionThatSaysWhatItShows() {
        Document page = Jsoup.parse(HtmlReport.render(sample()));
        Element row = page.selectFirst("#summary tr.srow[data-sidecar=dind][data-pattern=native]");

        assertThat(row).as("a row per sidecar and pattern").isNotNull();
        assertThat(page.select("#summary, #summary *").stream().filter(e -> e.hasAttr("hidden")))
                .as("nothing of the summary is hidden").isEmpty();
        Element oldSquare = row.selectFirst("td[data-f=sidecar-oom] .sq[data-c=" + OLD + "]");
        assertThat(oldSquare.hasClass("mixed")).as("split when the variants differ").isTrue();
        assertThat(oldSquare.attr("style")).as("2 of 3 green, then 1 of 3 orange")
                .isEqualTo("background:linear-gradient(to right," + OutcomeLook.solid(OutcomeForm.SUCCEEDED) + " 0% 67%,"
                        + OutcomeLook.solid(OutcomeForm.FAILED) + " 67% 100%)");
        assertThat(oldSquare.attr("title")).as("its words")
                .isEqualTo("native / dind under sidecar-oom on local:1.29: SUCCEEDED 2, FAILED 1 (SUCCEEDED: exec, exec+probe; FAILED: shell)");
        Element newSquare = row.selectFirst("td[data-f=sidecar-oom] .sq[data-c=" + NEW + "]");
        assertThat(newSquare.classNames()).as("one outcome, unstable").contains("v-SUCCEEDED", "u");
        assertThat(row.selectFirst("td[data-f=none] .sq[data-c=" + NEW + "]").hasClass("none")).as("not run on 1.35").isTrue();
        assertThat(row.selectFirst("td[data-f=none] .sq[data-c=" + OLD + "]").hasClass("v-DROPPED")).as("dropped on 1.29").isTrue();
        assertThat(page.selectFirst("#summary tr.srow[data-pattern=classic] td[data-f=sidecar-oom]").text())
                .as("a fault the pattern never ran under").isEqualTo("–");
        assertThat(page.select("#summary tr.vrow th[data-f=none] .vl").eachText()).as("the versions under each fault")
                .containsExactly("29", "35");
    }

    @Test
    void theViewsNeedJavaScriptSoTheyStartHiddenButTheUpgradeViewListsNeighbouringColumnsWithoutIt() {
        Document page = Jsoup.parse(HtmlReport.render(sample()));

        assertThat(page.selectFirst("#view").hasAttr("hidden")).as("pivot").isTrue();
        assertThat(page.selectFirst("#upgrade-pick").hasAttr("hidden")).as("the choice of two versions").isTrue();
        assertThat(page.selectFirst("#upgrade").hasAttr("hidden")).as("the upgrade view itself").isFalse();
        assertThat(page.select("#view input[data-pivot-c]").eachAttr("data-pivot-c")).as("a box per version")
                .containsExactly(OLD, NEW);
        assertThat(page.select("#view input[data-pivot-f]").eachAttr("data-pivot-f")).as("a box per fault, in fault order")
                .containsExactly("none", "sidecar-oom");
        assertThat(page.select("#upgrade-from option").eachAttr("value")).as("every version to pick from").containsExactly(OLD, NEW);
        assertThat(page.select("#upgrade-out details.pair").eachAttr("data-to")).as("without JavaScript: each version"
                + " against the next").containsExactly(NEW);
    }
}
