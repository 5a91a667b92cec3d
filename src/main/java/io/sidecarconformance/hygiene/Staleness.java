package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;
import io.sidecarconformance.settings.Property;
import io.sidecarconformance.settings.PropertyReader;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Decides whether a run is abandoned: none of its namespaces shows a sign of life within {@code bound}. The sign of
 * life is the heartbeat annotation; a namespace without one (a run of an older version of the suite) counts by its
 * creationTimestamp. Anything unreadable counts as alive: a namespace is never deleted on a guess.
 *
 * @param bound how old the newest sign of life must be for the run to count as abandoned
 * @param clock now
 */
public record Staleness(Duration bound, Clock clock) {

    public static final int DEFAULT_SECONDS = 120;
    static final int MIN_SECONDS = 30;
    static final int MAX_SECONDS = 7 * 24 * 3600;
    public static final Property STALE_SECONDS = Property.wholeNumber("sweep.staleSeconds", DEFAULT_SECONDS,
            MIN_SECONDS, MAX_SECONDS, "how old a run's heartbeat must be before another run (or the clean command) sweeps"
                    + " it ([cleanup.md](cleanup.md))");

    /** From {@code -Dsweep.staleSeconds}; a bad value is one line saying what it accepts. */
    public static Staleness from(PropertyReader reader, Clock clock) {
        return new Staleness(Duration.ofSeconds(reader.wholeNumber(STALE_SECONDS)), clock);
    }

    /** How often a live run renews its heartbeat: a quarter of the bound, at most every 30 s. */
    public Duration renewEvery() {
        Duration quarter = bound.dividedBy(4);
        return quarter.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : quarter;
    }

    /** True when every namespace of the run shows its last sign of life more than {@code bound} ago. */
    public boolean abandoned(Collection<Namespace> namespacesOfOneRun) {
        return !namespacesOfOneRun.isEmpty() && namespacesOfOneRun.stream().allMatch(this::stale);
    }

    boolean stale(Namespace ns) {
        Optional<Instant> lastSign = SuiteMarks.heartbeat(ns).or(() -> SuiteMarks.created(ns));
        return lastSign.map(t -> t.plus(bound).isBefore(clock.instant())).orElse(false);
    }

    /** "heartbeat older than 120s", for the lines the sweep prints. */
    public String describe() {
        return "heartbeat older than " + bound.toSeconds() + "s";
    }
}
