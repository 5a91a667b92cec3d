package io.sidecarconformance.verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Seconds between instants, rounded to tenths, and "+12.3s" offsets from the Job's creation. */
final class Times {

    private Times() {
    }

    static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }

    static String at(Observation o, Instant time) {
        return String.format(Locale.ROOT, "+%.1fs", seconds(o.createdAt(), time));
    }

    static String secs(double value) {
        return String.format(Locale.ROOT, "%.1fs", value);
    }
}
