package io.sidecarconformance.report;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.sidecarconformance.report.SampleRuns.CATALOG;
import static io.sidecarconformance.report.SampleRuns.START;
import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fault's column shows the figure the catalog says it does: burstable-oom-scores asks which container the kernel
 * kills first, so its cells show the scores, not a duration; sidecar-oom shows the sidecar's outage.
 */
class KeyFigureTest {

    private static final String FAULT = "burstable-oom-scores";

    /** As the page does: the figure the run's catalog names for the cell's fault. */
    private static String figure(ScenarioResult result) {
        return KeyFigure.of(result, CATALOG.figureOf(result.key().fault()));
    }

    private static String explained(ScenarioResult result) {
        return KeyFigure.explained(result, CATALOG.figureOf(result.key().fault()));
    }

    private static ScenarioResult scores(ScenarioKey key, Outcome outcome, Map<String, Integer> oomScoreAdj) {
        Figures figures = new Figures(outcome == Outcome.SUCCEEDED ? 11.2 : null, outcome == Outcome.STUCK ? 60.0 : null,
                null, null, 0.2, outcome == Outcome.SUCCEEDED ? "Succeeded" : "Running",
                outcome == Outcome.SUCCEEDED ? "Complete" : null, null, 0, null, null, Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), null, oomScoreAdj);
        return new ScenarioResult(key, outcome, outcome + ": each container reported its oom_score_adj", List.of(), figures,
                List.of(), START, "");
    }

    @Test
    void underBurstableOomScoresTheKeyFigureIsEachContainersScoreMainLast() {
        ScenarioResult classic = scores(key("local:1.31", "classic", "light", "exec", FAULT), Outcome.STUCK,
                Map.of("main", 916, "sidecar", 998));
        ScenarioResult native131 = scores(key("local:1.31", "native", "light", "exec+probe", FAULT), Outcome.SUCCEEDED,
                Map.of("main", 916, "sidecar", 998));
        ScenarioResult native132 = scores(key("local:1.32", "native", "light", "exec+probe", FAULT), Outcome.SUCCEEDED,
                Map.of("sidecar", 916, "main", 916));
        ScenarioResult rejected = new ScenarioResult(key("local:1.27", "native", "light", "exec+probe", FAULT),
                Outcome.REJECTED, "API refused the spec", List.of(), Figures.none(), List.of(), START, "");

        assertThat(figure(classic)).as("STUCK: the scores, not how long the sidecar outlived main")
                .isEqualTo("sidecar 998 · main 916");
        assertThat(figure(native131)).as("SUCCEEDED: the scores, not the completion time")
                .isEqualTo("sidecar 998 · main 916");
        assertThat(figure(native132)).as("kubernetes#128029: equal from 1.32").isEqualTo("sidecar 916 · main 916");
        assertThat(figure(scores(key("c:1", "native-multi", "light", "exec", FAULT), Outcome.SUCCEEDED,
                Map.of("main", 916, "sidecar-b", 916, "sidecar", 998))))
                .as("every container but main by name, then main").isEqualTo("sidecar 998 · sidecar-b 916 · main 916");
        assertThat(figure(rejected)).as("nothing reported").isEmpty();
        assertThat(explained(classic)).as("the full text, for the tooltip")
                .isEqualTo("oom_score_adj, as the kubelet set it for each container: sidecar 998, main 916 (under node"
                        + " memory pressure the kernel kills the highest first)");
        assertThat(explained(rejected)).isEmpty();
        ScenarioResult otherFault = scores(key("local:1.31", "classic", "light", "exec", "none"), Outcome.STUCK,
                Map.of("main", 916, "sidecar", 998));
        assertThat(figure(otherFault)).as("other faults keep their figure").isEqualTo("+60s");
        assertThat(explained(otherFault)).isEmpty();
    }

    @Test
    void theCellShowsTheScoresItsTooltipSaysThemInFullAndTheLegendSaysSo() {
        ScenarioResult classic = scores(key("local:1.31", "classic", "light", "exec", FAULT), Outcome.STUCK,
                Map.of("main", 916, "sidecar", 998));
        SuiteResults run = run("r", List.of(cluster("local:1.31", "v1.31.9")), List.of(classic));
        Document page = Jsoup.parse(HtmlReport.render(run));

        Element cell = page.selectFirst("td.cell[data-i=0]");
        assertThat(cell.select(".lbl").text()).as("outcome").isEqualTo("STUCK");
        assertThat(cell.select(".fig").text()).as("key figure").isEqualTo("sidecar 998 · main 916");
        assertThat(cell.attr("title")).as("tooltip").isEqualTo("STUCK: " + classic.reason() + "\n"
                + explained(classic));
        String legend = page.selectFirst(".legends section.keyfigure").text();
        assertThat(legend).as("the legend").contains(KeyFigure.rule(CATALOG))
                .contains("under burstable-oom-scores, whatever the outcome: the oom_score_adj the kubelet gave each"
                        + " container that reported it, every container but main by name, then main (e.g. sidecar 998 ·"
                        + " main 916");
    }

    private static ScenarioResult oom(String pattern, Outcome outcome, Integer restarts, Double down) {
        Figures figures = new Figures(40.0, 0.1, null, null, 0.2, "Succeeded", "Complete", null, restarts, down, null,
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, Map.of());
        return new ScenarioResult(key("local:1.31", pattern, "light", "exec+tolerant", "sidecar-oom"), outcome,
                "r", List.of(), figures, List.of(), START, "");
    }

    @Test
    void underSidecarOomTheKeyFigureIsTheOutageOrThatTheSidecarNeverCameBack() {
        assertThat(figure(oom("native", Outcome.SUCCEEDED, 1, 4.0))).as("restarted: the outage").isEqualTo("down 4s");
        assertThat(figure(oom("classic", Outcome.FAILED, 0, null))).as("a regular container in a Never pod")
                .isEqualTo("not restarted");
        assertThat(figure(oom("ephemeral", Outcome.NOT_APPLICABLE, null, null))).as("never ran the fault").isEmpty();
        assertThat(KeyFigure.rule(CATALOG)).contains("under sidecar-oom: \"down 4s\"", "\"not restarted\"");
    }

    @Test
    void theColumnShowsTheFigureTheCatalogNamesWhateverTheFaultsId() {
        ScenarioResult stuck = scores(key("local:1.31", "classic", "light", "exec", "my-new-fault"), Outcome.STUCK,
                Map.of("main", 916, "sidecar", 998));
        Catalog scoring = new Catalog(List.of(new CatalogFault("my-new-fault", "a new fault", Aim.NONE, ColumnFigure.OOM_SCORES)),
                List.of(), List.of());

        assertThat(KeyFigure.of(stuck, scoring.figureOf("my-new-fault"))).as("declared OOM_SCORES: the scores")
                .isEqualTo("sidecar 998 · main 916");
        assertThat(KeyFigure.of(stuck, Catalog.EMPTY.figureOf("my-new-fault"))).as("unknown to the catalog: the outcome's own")
                .isEqualTo("+60s");
        assertThat(KeyFigure.rule(scoring)).as("the legend names it")
                .contains("under my-new-fault, whatever the outcome: the oom_score_adj")
                .doesNotContain("sigterm", "sidecar-oom");
        assertThat(KeyFigure.rule(Catalog.EMPTY)).as("no catalog: no fault named")
                .startsWith("Job created to pod ended").contains("; when the termination was slow: deletion to pod gone; whatever");
    }
}
