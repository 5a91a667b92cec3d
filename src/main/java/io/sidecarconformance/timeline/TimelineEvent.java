package io.sidecarconformance.timeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation on a scenario's timeline.
 *
 * @param time       when it happened: the container's clock for a LOG line, the runner's clock otherwise
 * @param container  container name, or "pod", "job", "suite"
 * @param kind       what happened
 * @param detail     free text: exit code and reason, phase, event message
 * @param source     where it was observed
 * @param observedAt when the runner saw it (its own clock, for every source): windows and deadlines use this,
 *                   so that a container clock never races the runner's
 */
public record TimelineEvent(Instant time, String container, EventKind kind, String detail, EventSource source,
                            Instant observedAt) {

    public TimelineEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        detail = detail == null ? "" : detail;
        observedAt = observedAt == null ? time : observedAt;
    }

    /** An observation seen when it happened (status, Job, Events, the suite's own actions). */
    public TimelineEvent(Instant time, String container, EventKind kind, String detail, EventSource source) {
        this(time, container, kind, detail, source, time);
    }

    public static TimelineEvent of(Instant time, String container, EventKind kind, String detail, EventSource source) {
        return new TimelineEvent(time, container, kind, detail, source);
    }

    /** The same observation, seen by the runner at {@code at}. */
    public TimelineEvent observed(Instant at) {
        return new TimelineEvent(time, container, kind, detail, source, at);
    }

    /** The same line read twice (a log stream and the final sweep) is one event: the arrival time is not identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TimelineEvent e && time.equals(e.time) && container.equals(e.container) && kind == e.kind
                && detail.equals(e.detail) && source == e.source;
    }

    @Override
    public int hashCode() {
        return Objects.hash(time, container, kind, detail, source);
    }
}
