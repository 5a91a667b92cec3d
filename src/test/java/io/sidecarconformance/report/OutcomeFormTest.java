package io.sidecarconformance.report;

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

import static io.sidecarconformance.report.SampleRuns.START;
import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

/** A DROPPED cell says what the Job did after the drop, from the record's figures only, wherever it is shown. */
class OutcomeFormTest {

    private static final String V127 = "local:1.27";
    private static final ScenarioKey HANGS = key(V127, "native", "light", "exec", "none");
    private static final ScenarioKey FAILS = key(V127, "native", "light", "exec", "main-oom");
    private static final ScenarioKey COMPLETES = key(V127, "native", "light", "exec", "sidecar-oom");
    private static final ScenarioKey UNKNOWN = key(V127, "native", "light", "exec", "sigkill-main");

    /** As results.json holds them on 1.27: the sidecar init container lost restartPolicy: Always. */
    private static ScenarioResult dropped(ScenarioKey key, String podPhase, String jobCondition, String then, int repeat) {
        Figures figures = new Figures(jobCondition == null ? null : 9.8, null, null, null, 0.3, podPhase, jobCondition,
                null, 0, null, null, Map.of(), Map.of("main", 0, "sidecar", 0), Map.of(), Map.of());
        return new ScenarioResult(key, Outcome.DROPPED, "API dropped pod.initContainers[sidecar].restartPolicy; then " + then,
                List.of(), figures, List.of(), START, "", repeat, List.of(), null);
    }

    private static ScenarioResult hangs(int repeat) {
        return dropped(HANGS, "Pending", null, "pod still Pending at +33.8s (main waiting=PodInitializing, sidecar running)",
                repeat);
    }

    private static ScenarioResult fails() {
        return dropped(FAILS, "Failed", "Failed: BackoffLimitExceeded",
                "pod Failed at +7.7s (main exit 137 OOMKilled \"allocation ended\", sidecar exit 0 Completed)", 1);
    }

    private static ScenarioResult completes() {
        return dropped(COMPLETES, "Succeeded", "Complete: CompletionsReached",
                "pod Succeeded at +10.8s (main exit 0 Completed, sidecar exit 0 Completed)", 1);
    }

    private static ScenarioResult unknown() {
        return new ScenarioResult(UNKNOWN, Outcome.DROPPED, "API dropped pod.initContainers[sidecar].restartPolicy",
                List.of(), Figures.none(), List.of(), START, "");
    }

    private static SuiteResults sample() {
        return run("r", List.of(cluster(V127, "v1.27.16")), List.of(hangs(1), fails(), completes(), unknown()));
    }

    @Test
    void aDroppedRecordTakesItsFormFromTheJobConditionItHolds() {
        assertThat(OutcomeForm.of(hangs(1))).as("no Job condition, a pod phase: the Job never ended")
                .isEqualTo(OutcomeForm.DROPPED_HANGS);
        assertThat(OutcomeForm.of(fails())).as("Job Failed").isEqualTo(OutcomeForm.DROPPED_FAILS);
        assertThat(OutcomeForm.of(completes())).as("Job Complete").isEqualTo(OutcomeForm.DROPPED_COMPLETES);
        assertThat(OutcomeForm.of(dropped(COMPLETES, "Succeeded", "Complete", "pod Succeeded", 1)))
                .as("Complete without a reason").isEqualTo(OutcomeForm.DROPPED_COMPLETES);
        assertThat(OutcomeForm.of(unknown())).as("no figures: nothing known of what followed").isEqualTo(OutcomeForm.DROPPED);
        ScenarioResult failedJob = new ScenarioResult(FAILS, Outcome.STUCK, "r", List.of(), new Figures(null, 60.0, null, null,
                null, "Running", "Failed: BackoffLimitExceeded", null, null, null, null, Map.of(), Map.of(), Map.of(),
                Map.of()), List.of(), START, "");
        assertThat(OutcomeForm.of(failedJob)).as("another outcome keeps its one form, whatever the Job did")
                .isEqualTo(OutcomeForm.STUCK);
        for (Outcome outcome : Outcome.values()) {
            assertThat(OutcomeForm.of(outcome).outcome()).as("the form of %s", outcome).isEqualTo(outcome);
        }
    }

    @Test
    void eachFormHasItsLabelAndTheColourOfWhatFollowedMarkedAsDropped() {
        assertThat(OutcomeLook.label(OutcomeForm.DROPPED_HANGS)).isEqualTo("DROPPED then STUCK");
        assertThat(OutcomeLook.label(OutcomeForm.DROPPED_FAILS)).isEqualTo("DROPPED then FAILED");
        assertThat(OutcomeLook.label(OutcomeForm.DROPPED_COMPLETES)).isEqualTo("DROPPED then SUCCEEDED");
        assertThat(OutcomeLook.label(OutcomeForm.DROPPED)).isEqualTo("DROPPED");
        assertThat(OutcomeLook.label(OutcomeForm.FAILED_BY_FAULT)).as("other forms by the outcome's name").isEqualTo("FAILED_BY_FAULT");
        assertThat(OutcomeLook.label(OutcomeForm.NOT_APPLICABLE)).isEqualTo("NOT_APPLICABLE");

        String css = OutcomeLook.css();
        String band = OutcomeLook.solid(OutcomeForm.DROPPED);
        assertThat(OutcomeLook.solid(OutcomeForm.DROPPED_HANGS)).as("hangs reads as STUCK")
                .isEqualTo(OutcomeLook.solid(OutcomeForm.STUCK));
        assertThat(OutcomeLook.solid(OutcomeForm.DROPPED_FAILS)).as("fails reads as FAILED")
                .isEqualTo(OutcomeLook.solid(OutcomeForm.FAILED));
        assertThat(OutcomeLook.solid(OutcomeForm.DROPPED_COMPLETES)).as("completes reads as SUCCEEDED")
                .isEqualTo(OutcomeLook.solid(OutcomeForm.SUCCEEDED));
        for (OutcomeForm form : List.of(OutcomeForm.DROPPED_HANGS, OutcomeForm.DROPPED_FAILS, OutcomeForm.DROPPED_COMPLETES)) {
            assertThat(css).as("%s: marked as dropped by an orange band", form)
                    .contains("td.cell.v-" + form.name() + ",.sw.v-" + form.name() + ",.badge.v-" + form.name()
                            + "{box-shadow:inset 6px 0 0 " + band + "}")
                    .contains(".sq.v-" + form.name() + "{border-top:4px solid " + band + "}");
        }
        assertThat(css).as("DROPPED alone: orange, no band").contains(".v-DROPPED{background:" + band + ";")
                .doesNotContain(".sq.v-DROPPED{");
    }

    @Test
    void theGridCellTheWordsBelowItTheSummaryAndTheDrillDownShowTheForm() {
        SuiteResults run = sample();
        Document page = Jsoup.parse(HtmlReport.render(run));
        List<DrillDownData.Cell> data = DrillDownData.of(run, Reproduction.of(run.results())).cells();
        Document words = WordsPages.of(run).columns();

        for (int i = 0; i < run.results().size(); i++) {
            ScenarioResult result = run.results().get(i);
            OutcomeForm form = OutcomeForm.of(result);
            Element cell = page.selectFirst("td.cell[data-i=" + i + "]");
            assertThat(cell.classNames()).as("cell class of %s", result.key().fault()).contains("v-" + form.name());
            assertThat(cell.attr("data-v")).as("what the counts above the grid tally").isEqualTo(form.name());
            assertThat(cell.select(".lbl").text()).as("cell label").isEqualTo(OutcomeLook.label(form));
            assertThat(cell.attr("title")).as("tooltip").startsWith(OutcomeLook.label(form) + ": " + result.reason());
            assertThat(words.getElementById("cell-" + i).select("> .lbl").text()).as("in words").isEqualTo(OutcomeLook.label(form));
            assertThat(data.get(i).outcomeLabel()).as("drill-down label").isEqualTo(OutcomeLook.label(form));
            assertThat(data.get(i).outcomeClass()).as("drill-down class").isEqualTo("v-" + form.name());
            assertThat(data.get(i).outcome()).as("the outcome itself stays DROPPED").isEqualTo(Outcome.DROPPED);
        }
        assertThat(page.selectFirst("td.cell[data-i=0]").attr("title"))
                .isEqualTo("DROPPED then STUCK: " + hangs(1).reason());
        assertThat(String.join(" ", page.select("tr.row").eachAttr("data-verdicts"))).as("the filter finds each form")
                .contains("DROPPED", "DROPPED_HANGS", "DROPPED_FAILS", "DROPPED_COMPLETES");

        Summary.Spot none = Summary.of(run).at(new Summary.Row("light", "native"), "none", V127);
        assertThat(none.words()).as("summary words").isEqualTo("DROPPED then STUCK");
        assertThat(none.detail()).isEqualTo("DROPPED then STUCK: exec");
        assertThat(page.selectFirst("#summary td[data-f=none] .sq[data-c=" + V127 + "]").classNames())
                .as("summary square").contains("v-DROPPED_HANGS");
        assertThat(page.select("#summary .skey").eachText()).as("summary key")
                .contains("DROPPED then STUCK", "DROPPED then FAILED", "DROPPED then SUCCEEDED");
    }

    @Test
    void runsOfACellCountByFormSoADropThatSometimesHangsIsUnstable() {
        ScenarioResult failsToo = dropped(HANGS, "Failed", "Failed: BackoffLimitExceeded", "pod Failed at +4.4s", 3);
        CellRuns mixed = CellRuns.byKey(List.of(hangs(1), hangs(2), failsToo)).get(HANGS);

        assertThat(mixed.shownForm()).as("shown").isEqualTo(OutcomeForm.DROPPED_HANGS);
        assertThat(mixed.shown()).as("its outcome").isEqualTo(Outcome.DROPPED);
        assertThat(mixed.shownCount()).as("of how many").isEqualTo(2);
        assertThat(mixed.unstable()).as("the Job hung twice and failed once").isTrue();
        assertThat(mixed.distribution()).isEqualTo("2 of 3: DROPPED then STUCK, 1 of 3: DROPPED then FAILED");
        assertThat(mixed.shortDistribution()).isEqualTo("DROPPED then STUCK 2/3, DROPPED then FAILED 1/3");
        assertThat(mixed.signature()).isEqualTo("DROPPED_HANGS,DROPPED_FAILS|");

        CellRuns same = CellRuns.byKey(List.of(hangs(1), hangs(2), hangs(3))).get(HANGS);
        assertThat(same.unstable()).as("three hangs").isFalse();
        assertThat(same.distribution()).isEqualTo("3 of 3: DROPPED then STUCK");

        String cell = GridTable.cell(mixed, new GridLayout.Column("none", V127), ColumnFigure.OUTCOME,
                Expectation.UNEXPECTED);
        assertThat(cell).as("the count and the other form's square")
                .contains("<span class=\"runs\">2/3</span>")
                .contains("<span class=\"alt v-DROPPED_FAILS\" title=\"1 of 3: DROPPED then FAILED\">1</span>");
    }

    @Test
    void theLegendStatesTheThreeFormsWithTheRuleTheCodeApplies() {
        Document page = Jsoup.parse(HtmlReport.render(sample()));

        assertThat(page.select(".legends ol.legend > li").eachAttr("data-form")).as("the forms follow DROPPED's entry")
                .containsExactly("DROPPED_HANGS", "DROPPED_FAILS", "DROPPED_COMPLETES");
        Element dropped = page.selectFirst(".legends li[data-v=DROPPED]");
        assertThat(dropped.nextElementSibling().attr("data-form")).isEqualTo("DROPPED_HANGS");
        assertThat(dropped.select(".rule").text()).as("DROPPED alone")
                .isEqualTo("the API server accepted the spec but silently dropped a field we set, and a container then"
                        + " ran (the Job's condition is not judged). The cell adds what the Job did then, read from the"
                        + " record in one of the three forms below; orange DROPPED alone only for a record that holds"
                        + " neither a Job condition nor a pod phase (written without figures): nothing is known of what"
                        + " followed");
        assertThat(entry(page, OutcomeForm.DROPPED_HANGS)).isEqualTo("DROPPED then STUCK | then STUCK | DROPPED, and the"
                + " record holds a pod phase but no Job condition Complete or Failed: the Job never ended (e.g. on 1.27"
                + " and 1.28 a sidecar init container that lost restartPolicy: Always never ends, so main never starts)."
                + " STUCK's colour with DROPPED's orange band");
        assertThat(entry(page, OutcomeForm.DROPPED_FAILS)).isEqualTo("DROPPED then FAILED | then FAILED | DROPPED, and the"
                + " record's Job condition is Failed: the Job failed (by the fault or not is not judged). FAILED's"
                + " colour with DROPPED's orange band");
        assertThat(entry(page, OutcomeForm.DROPPED_COMPLETES)).isEqualTo("DROPPED then SUCCEEDED | then SUCCEEDED | DROPPED,"
                + " and the record's Job condition is Complete: the Job completed without the field. SUCCEEDED's colour"
                + " with DROPPED's orange band");
        assertThat(page.selectFirst(".legends section.repeats").text()).as("tie order with the forms")
                .contains("STUCK, TIMEOUT, FAILED, FAILED_BY_FAULT, DROPPED then STUCK, DROPPED then FAILED, DROPPED then SUCCEEDED, DROPPED,"
                        + " REJECTED, NOT_APPLICABLE, SUCCEEDED, ERROR")
                .contains(CellRuns.UNSTABLE_RULE);
    }

    private static String entry(Document page, OutcomeForm form) {
        Element li = page.selectFirst(".legends li[data-form=" + form.name() + "]");
        assertThat(li.selectFirst(".sw").classNames()).as("swatch of %s", form).contains("v-" + form.name());
        return li.select(".sw").text() + " | " + li.select("b").text() + " | " + li.select(".rule").text();
    }
}
