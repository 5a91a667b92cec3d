package io.sidecarconformance.scenario;

import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Run-level figures count records, which with -Drepeat are runs, and then say how many runs each cell had. */
class RunFiguresTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final ScenarioKey CELL = new ScenarioKey("local:1.31", "native", "light", "exec", "none");

    private static ScenarioResult run(int n) {
        return new ScenarioResult(CELL, Outcome.SUCCEEDED, "Job Complete", List.of(), null, List.of(), T, "")
                .asRun(n, List.of(), 0.5);
    }

    @Test
    void repeatedRunsAreCountedAndSaidPerCell() {
        var figures = RunFigures.of(List.of(run(1), run(2), run(3)), T, T.plusSeconds(90));
        assertThat(figures).containsEntry("scenarios", "3").containsEntry("runs per cell", "3");
    }

    @Test
    void singleRunsSayNothingOfRepeats() {
        assertThat(RunFigures.of(List.of(run(1)), T, T.plusSeconds(90))).containsEntry("scenarios", "1")
                .doesNotContainKey("runs per cell");
    }
}
