package io.sidecarconformance.suite;

import io.sidecarconformance.input.ScenarioCount;

import io.sidecarconformance.result.ScenarioKey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "12/84, about 9 min left" for a run's result lines: runs done out of those to come (cells selected x -Drepeat),
 * and the time left from the median run's wall time so far. A cell's runs follow one another, so the estimate is the
 * larger of the remaining runs spread over the lanes that still have work (the parallelism, or fewer when fewer
 * cells have runs left) and the runs left of the cell with most of them in a row. Times come from the given clock.
 */
public final class SuiteProgress {

    private final ScenarioCount cells;
    private final int repeat;
    private final boolean together;
    private final int parallelism;
    private final Clock clock;
    private final List<Duration> wallTimes = new ArrayList<>();
    private final Map<ScenarioKey, Integer> runsDone = new HashMap<>();

    public SuiteProgress(ScenarioCount cells, int repeat, int parallelism, Clock clock) {
        this(cells, repeat, false, parallelism, clock);
    }

    /** @param together whether a cell's runs run at once (-Drepeat.together): then none of them waits for another */
    public SuiteProgress(ScenarioCount cells, int repeat, boolean together, int parallelism, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " is below 1");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat " + repeat + " is below 1");
        }
        this.cells = cells;
        this.repeat = repeat;
        this.together = together;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /** When a run starts: pass it to {@link #finished}. */
    public Instant started() {
        return clock.instant();
    }

    /** Records a run of {@code cell} that began at {@code start}; returns the progress after it, as the result line shows it. */
    public synchronized String finished(Instant start, ScenarioKey cell) {
        wallTimes.add(Duration.between(start, clock.instant()));
        runsDone.merge(cell, 1, Integer::sum);
        int done = wallTimes.size();
        ScenarioCount runs = new ScenarioCount(cells.total() * repeat, cells.exact());
        return runs.progress(done) + (remaining() == 0 ? ", done" : ", " + about(estimate()) + " left");
    }

    /** The larger of remaining runs x median / lanes with work, and the longest row of one cell's runs x median. */
    synchronized Duration estimate() {
        int remaining = remaining();
        if (remaining == 0) {
            return Duration.ZERO;
        }
        int unstarted = Math.max(0, cells.total() - runsDone.size());
        long started = runsDone.values().stream().filter(n -> n < repeat).count();
        int longestRow = unstarted > 0 ? repeat : runsDone.values().stream().mapToInt(n -> Math.max(0, repeat - n)).max().orElse(0);
        long lanes = Math.max(1, Math.min(parallelism, (unstarted + started) * (together ? repeat : 1)));
        Duration spread = median().multipliedBy(remaining).dividedBy(lanes);
        Duration inARow = median().multipliedBy(together ? Math.min(1, longestRow) : longestRow);
        return spread.compareTo(inARow) >= 0 ? spread : inARow;
    }

    private int remaining() {
        return Math.max(0, cells.total() * repeat - wallTimes.size());
    }

    private Duration median() {
        List<Duration> sorted = wallTimes.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    /** "about 40 s" under a minute, "about 9 min" under an hour (rounded), "about 1 h 05 min" beyond. */
    static String about(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return "about " + s + " s";
        }
        long minutes = Math.round(s / 60.0);
        return minutes < 60 ? "about " + minutes + " min" : String.format(Locale.ROOT, "about %d h %02d min", minutes / 60, minutes % 60);
    }
}
