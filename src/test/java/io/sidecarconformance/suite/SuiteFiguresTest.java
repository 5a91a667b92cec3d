package io.sidecarconformance.suite;

import io.sidecarconformance.result.ObservationRecord;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Run-level figures count records, which with -Drepeat are runs, and then say how many runs each cell had. */
class SuiteFiguresTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final ScenarioKey CELL = new ScenarioKey("local:1.31", "native", "light", "exec", "none");

    private static ScenarioResult run(int n) {
        return new ScenarioResult(CELL, Outcome.SUCCEEDED, "Job Complete", List.of(), null, List.of(), T, "")
                .asRun(n, List.of(), 0.5);
    }

    @Test
    void repeatedRunsAreCountedAndSaidPerCell() {
        var figures = SuiteFigures.of(List.of(run(1), run(2), run(3)), T, T.plusSeconds(90));
        assertThat(figures).containsEntry("scenarios", "3").containsEntry("runs per cell", "3");
    }

    @Test
    void singleRunsSayNothingOfRepeats() {
        assertThat(SuiteFigures.of(List.of(run(1)), T, T.plusSeconds(90))).containsEntry("scenarios", "1")
                .doesNotContainKey("runs per cell");
    }

    @Test
    void theScenarioPhaseIsComparedWithTheLongestScenarioAgainstTheGoalOfTwice() {
        // Two scenarios side by side, 40 s and 60 s long, the second starting 20 s after the first: the phase is 80 s.
        ScenarioResult first = ended(T, 40);
        ScenarioResult second = ended(T.plusSeconds(20), 60);

        var figures = SuiteFigures.of(List.of(first, second), T.minusSeconds(10), T.plusSeconds(95));

        assertThat(figures).containsEntry("longest scenario", "60s").containsEntry("scenario phase wall time", "80s")
                .containsEntry("scenario phase / longest scenario", "1.3 (goal <= 2)")
                .containsEntry("wall time / longest scenario", "1.8");
    }

    @Test
    void aScenarioDecidedByAWindowLastsUntilObservationStoppedNotUntilItsLastEvent() {
        // a STUCK cell: main ended 40 s in, then nothing happened until the 150 s stuck window ran out at +190 s
        ScenarioResult quiet = ended(T, 40);
        ObservationRecord o = new ObservationRecord("POD_NOT_ENDED", "the pod had not ended 150s after main ended",
                T.plusSeconds(190), null, false, List.of(), false, T, T.plusSeconds(190), null, null, null, null, null);
        ScenarioResult stuck = new ScenarioResult(CELL, Outcome.STUCK, "stuck", List.of(), null, quiet.timeline(), T, "",
                1, List.of(), null, o);

        var figures = SuiteFigures.of(List.of(stuck, ended(T.plusSeconds(10), 60)), T, T.plusSeconds(200));

        assertThat(figures).containsEntry("longest scenario", "190s").containsEntry("scenario phase wall time", "190s");
    }

    private static ScenarioResult ended(Instant start, long seconds) {
        TimelineEvent last = new TimelineEvent(start.plusSeconds(seconds), "pod", EventKind.PHASE, "Succeeded",
                EventSource.STATUS);
        return new ScenarioResult(CELL, Outcome.SUCCEEDED, "Job Complete", List.of(), null, List.of(last), start, "");
    }
}
