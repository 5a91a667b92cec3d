package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * When a fault on a user's own pod fires (-Dworkload.fireAfterSeconds or -Dworkload.fireOn): the user's choice, since
 * their containers write none of our event lines. Decided from the timeline, whose main is the workload's main.
 */
public sealed interface FireMoment {

    /** Whether this event is the trigger. Called on watch and log threads: a cheap check only. */
    boolean firesOn(TimelineEvent e);

    /** How long after the trigger the fault acts. */
    Duration delay();

    /** The moment in words, for the reproduction of a cell. */
    String words();

    /** N seconds after main's container is first reported running. */
    record AfterMainStarts(Duration after) implements FireMoment {
        @Override
        public boolean firesOn(TimelineEvent e) {
            return e.container().equals(Role.MAIN.containerName()) && e.kind() == EventKind.RUNNING;
        }

        @Override
        public Duration delay() {
            return after;
        }

        @Override
        public String words() {
            return after.toSeconds() + " s after main's container was reported running (-Dworkload.fireAfterSeconds)";
        }
    }

    /** When a line of main's log first matches (the timeline's {@link EventKind#LOG_MATCH}). */
    record OnMainLog(Pattern regex) implements FireMoment {
        @Override
        public boolean firesOn(TimelineEvent e) {
            return e.container().equals(Role.MAIN.containerName()) && e.kind() == EventKind.LOG_MATCH;
        }

        @Override
        public Duration delay() {
            return Duration.ZERO;
        }

        @Override
        public String words() {
            return "when a line of main's log first matched /" + regex.pattern() + "/ (-Dworkload.fireOn)";
        }
    }
}
