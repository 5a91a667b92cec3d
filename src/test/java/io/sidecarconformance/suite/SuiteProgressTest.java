package io.sidecarconformance.suite;

import io.sidecarconformance.input.ScenarioCount;

import io.sidecarconformance.result.ScenarioKey;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The progress and time-left estimate, on a clock the test moves: no machine speed involved. */
class SuiteProgressTest {

    /** A clock that shows what the test sets. */
    static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final StepClock clock = new StepClock();
    private int cells;

    private static ScenarioKey cell(int i) {
        return new ScenarioKey("local:1.31", "native", "light", "exec", "fault-" + i);
    }

    /** A run of a cell of its own (a new cell each time). */
    private String scenarioTaking(SuiteProgress progress, int seconds) {
        return runTaking(progress, cell(cells++), seconds);
    }

    private String runTaking(SuiteProgress progress, ScenarioKey cell, int seconds) {
        Instant start = progress.started();
        clock.advance(Duration.ofSeconds(seconds));
        return progress.finished(start, cell);
    }

    @Test
    void remainingTimesMedianWallTimeOverParallelism() {
        SuiteProgress progress = new SuiteProgress(new ScenarioCount(10, true), 1, 2, clock);

        assertThat(scenarioTaking(progress, 30)).as("after one of 30 s: 9 x 30 s / 2").isEqualTo("1/10, about 2 min left");
        assertThat(scenarioTaking(progress, 90)).as("median of 30 and 90 s is 60 s: 8 x 60 / 2").isEqualTo("2/10, about 4 min left");
        assertThat(scenarioTaking(progress, 40)).as("median of 30, 40, 90 is 40 s: 7 x 40 / 2 = 140 s")
                .isEqualTo("3/10, about 2 min left");
        assertThat(progress.estimate()).as("exact estimate").isEqualTo(Duration.ofSeconds(140));
    }

    @Test
    void anOutlierDoesNotMoveTheEstimate() {
        SuiteProgress progress = new SuiteProgress(new ScenarioCount(5, true), 1, 1, clock);
        scenarioTaking(progress, 10);
        scenarioTaking(progress, 10);
        assertThat(scenarioTaking(progress, 300)).as("a 300 s deadline among 10 s scenarios").isEqualTo("3/5, about 20 s left");
    }

    @Test
    void theLastScenarioSaysDoneAndAnUpperBoundKeepsItsTilde() {
        SuiteProgress exact = new SuiteProgress(new ScenarioCount(1, true), 1, 4, clock);
        assertThat(scenarioTaking(exact, 12)).isEqualTo("1/1, done");

        SuiteProgress bound = new SuiteProgress(new ScenarioCount(3, false), 1, 1, clock);
        assertThat(scenarioTaking(bound, 5000)).as("hours").isEqualTo("1/~3, about 2 h 47 min left");
    }

    @Test
    void withRepeatsItCountsRunsOfEveryCell() {
        SuiteProgress progress = new SuiteProgress(new ScenarioCount(4, true), 3, 4, clock);
        ScenarioKey a = cell(1);

        assertThat(runTaking(progress, a, 60)).as("1 of 4 cells x 3 runs; three other cells and a's 2 more runs in a row")
                .startsWith("1/12, ");
        // 11 runs left over 4 lanes: 165 s; but a cell not yet started still has 3 runs in a row: 180 s.
        assertThat(progress.estimate()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void aCellsRunsInARowBoundTheEstimateWhenFewCellsAreLeft() {
        SuiteProgress progress = new SuiteProgress(new ScenarioCount(2, true), 3, 8, clock);
        ScenarioKey a = cell(1);
        ScenarioKey b = cell(2);
        runTaking(progress, b, 30);
        runTaking(progress, b, 30);
        runTaking(progress, b, 30);
        // b is done; a, with all 3 runs left, runs them one after another whatever the parallelism.
        assertThat(progress.estimate()).as("3 runs of a in a row, not 3 x 30 s / 8").isEqualTo(Duration.ofSeconds(90));
        assertThat(runTaking(progress, a, 30)).isEqualTo("4/6, about 1 min left");
        runTaking(progress, a, 30);
        assertThat(runTaking(progress, a, 30)).isEqualTo("6/6, done");
    }

    @Test
    void aCellsRunsTogetherAreNotARow() {
        SuiteProgress progress = new SuiteProgress(new ScenarioCount(2, true), 3, true, 8, clock);
        ScenarioKey b = cell(2);
        runTaking(progress, b, 30);
        runTaking(progress, b, 30);
        runTaking(progress, b, 30);
        // a's 3 runs start at once (-Drepeat.together): one run's time, not three in a row.
        assertThat(progress.estimate()).as("3 runs of a at once").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void parallelismOrRepeatBelowOneIsRefused() {
        assertThatThrownBy(() -> new SuiteProgress(new ScenarioCount(1, true), 1, 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuiteProgress(new ScenarioCount(1, true), 0, 1, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
