package io.sidecarconformance.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation on a scenario's timeline.
 *
 * @param time      when it happened (container clock for LOG, API timestamps or arrival time otherwise)
 * @param container container name, or "pod", "job", "suite"
 * @param kind      what happened
 * @param detail    free text: exit code and reason, phase, event message
 * @param source    where it was observed
 */
public record TimelineEvent(Instant time, String container, EventKind kind, String detail, EventSource source) {

    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
    }

    public static TimelineEvent of(Instant time, String container, EventKind kind, String detail, EventSource source) {
        return new TimelineEvent(time, container, kind, detail, source);
    }
}
