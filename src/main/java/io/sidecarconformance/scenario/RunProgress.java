package io.sidecarconformance.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "12/84, about 9 min left" for a run's result lines: scenarios done out of those selected, and the time left
 * estimated as remaining scenarios x median scenario wall time / parallelism. Times come from the given clock.
 */
public final class RunProgress {

    private final ScenarioCount count;
    private final int parallelism;
    private final Clock clock;
    private final List<Duration> wallTimes = new ArrayList<>();

    public RunProgress(ScenarioCount count, int parallelism, Clock clock) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism + " is below 1");
        }
        this.count = count;
        this.parallelism = parallelism;
        this.clock = clock;
    }

    /** When a scenario starts: pass it to {@link #finished}. */
    public Instant started() {
        return clock.instant();
    }

    /** Records a scenario that began at {@code start}; returns the progress after it, as the result line shows it. */
    public synchronized String finished(Instant start) {
        wallTimes.add(Duration.between(start, clock.instant()));
        int done = wallTimes.size();
        int remaining = Math.max(0, count.total() - done);
        return count.progress(done) + (remaining == 0 ? ", done" : ", " + about(estimate(remaining)) + " left");
    }

    /** Remaining x median wall time / parallelism. */
    Duration estimate(int remaining) {
        return median().multipliedBy(remaining).dividedBy(parallelism);
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
