package io.sidecarconformance.report;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sidecarconformance.report.SampleRuns.START;
import static io.sidecarconformance.report.SampleRuns.key;
import static org.assertj.core.api.Assertions.assertThat;

class CellRunsTest {

    private static final ScenarioKey KEY = key("local:1.31", "native", "dind", "exec", "sidecar-oom");

    private static ScenarioResult run(int repeat, Outcome outcome, FindingKind... findings) {
        List<Finding> found = new ArrayList<>();
        for (FindingKind kind : findings) {
            found.add(new Finding(kind, kind + " in run " + repeat));
        }
        return new ScenarioResult(KEY, outcome, outcome + " in run " + repeat, found, Figures.none(), List.of(), START, "",
                repeat, List.of(), null);
    }

    private static CellRuns cell(ScenarioResult... runs) {
        return CellRuns.byKey(List.of(runs)).get(KEY);
    }

    @Test
    void theMostFrequentOutcomeIsShownWithItsCountAndTheCellIsUnstable() {
        CellRuns cell = cell(run(1, Outcome.SUCCEEDED), run(2, Outcome.FAILED, FindingKind.USE_FAILED_WHILE_DOWN),
                run(3, Outcome.FAILED, FindingKind.USE_FAILED_WHILE_DOWN));

        assertThat(cell.shown()).as("shown").isEqualTo(Outcome.FAILED);
        assertThat(cell.shownCount()).as("of how many").isEqualTo(2);
        assertThat(cell.distribution()).as("distribution").isEqualTo("2 of 3: FAILED, 1 of 3: SUCCEEDED");
        assertThat(cell.shortDistribution()).as("short").isEqualTo("FAILED 2/3, SUCCEEDED 1/3");
        assertThat(cell.unstable()).as("two outcomes: unstable").isTrue();
        assertThat(cell.findingCounts()).as("findings per run").containsExactlyEntriesOf(Map.of(FindingKind.USE_FAILED_WHILE_DOWN, 2));
        assertThat(cell.representative().repeat()).as("the first run with the shown outcome").isEqualTo(2);
    }

    @Test
    void aTieGoesToTheWorseOutcomeSoAFailedJobIsNeverShownAsSuccess() {
        assertThat(cell(run(1, Outcome.SUCCEEDED), run(2, Outcome.FAILED)).shown()).as("1:1").isEqualTo(Outcome.FAILED);
        assertThat(cell(run(1, Outcome.SUCCEEDED), run(2, Outcome.STUCK), run(3, Outcome.FAILED), run(4, Outcome.SUCCEEDED),
                run(5, Outcome.STUCK)).shown()).as("2:2:1").isEqualTo(Outcome.STUCK);
    }

    @Test
    void errorRunsNeitherDecideTheCellNorMakeItUnstable() {
        CellRuns cell = cell(run(1, Outcome.ERROR), run(2, Outcome.ERROR), run(3, Outcome.SUCCEEDED));

        assertThat(cell.shown()).as("the pattern outcome, although ERROR is more frequent").isEqualTo(Outcome.SUCCEEDED);
        assertThat(cell.unstable()).as("one pattern outcome").isFalse();
        assertThat(cell.distribution()).as("ERROR still counted in words").isEqualTo("2 of 3: ERROR, 1 of 3: SUCCEEDED");
        assertThat(cell(run(1, Outcome.ERROR), run(2, Outcome.ERROR)).shown()).as("all ERROR").isEqualTo(Outcome.ERROR);
    }

    @Test
    void runsAreInRepeatOrderAndALaterRecordOfTheSameRunWins() {
        CellRuns cell = cell(run(3, Outcome.STUCK), run(1, Outcome.SUCCEEDED), run(3, Outcome.SUCCEEDED));

        assertThat(cell.runs()).extracting(ScenarioResult::repeat).as("repeats").containsExactly(1, 3);
        assertThat(cell.indices()).as("indices into the results").containsExactly(1, 2);
        assertThat(cell.unstable()).as("the replaced run does not count").isFalse();
    }

    @Test
    void theSignatureComparesSetsNotCounts() {
        String twoOfThree = cell(run(1, Outcome.FAILED, FindingKind.RACE_AT_START), run(2, Outcome.FAILED),
                run(3, Outcome.SUCCEEDED)).signature();
        String oneOfThree = cell(run(1, Outcome.SUCCEEDED), run(2, Outcome.SUCCEEDED, FindingKind.RACE_AT_START),
                run(3, Outcome.FAILED)).signature();

        assertThat(twoOfThree).as("same outcomes and findings, other counts").isEqualTo(oneOfThree)
                .isEqualTo("SUCCEEDED,FAILED|RACE_AT_START");
        assertThat(cell(run(1, Outcome.SUCCEEDED)).signature()).as("one outcome").isNotEqualTo(twoOfThree);
    }
}
