package io.sidecarconformance.timeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns one container's log, line by line, into timeline events: every event line becomes its event, stamped with
 * the moment the runner read it; the other lines (a dying dockerd's log tail, a client's error) are kept as one
 * OUTPUT event placed just before the next event line, or after the last one when the log ends.
 */
final class LogReader {

    static final int KEPT_LINES = 10;
    private static final int MAX_LINE = 300;
    private static final Duration NUDGE = Duration.ofNanos(1000);

    private final String container;
    private final Clock clock;
    private final Deque<String> pending = new ArrayDeque<>();
    private final java.util.function.Predicate<String> marks;
    private boolean marked;
    private Instant lastEventTime;

    LogReader(String container, Clock clock) {
        this(container, clock, line -> false);
    }

    /** With the lines that are marks (a user's fault moment, -Dworkload.fireOn): the first one is a LOG_MATCH event. */
    LogReader(String container, Clock clock, java.util.function.Predicate<String> marks) {
        this.container = container;
        this.clock = clock;
        this.marks = marks;
    }

    List<TimelineEvent> line(String line) {
        List<TimelineEvent> out = new ArrayList<>(2);
        var parsed = EventLineParser.parse(line);
        // A line the API or the kubelet wrote into the stream ("rpc error: ... not found") is not the container's: no mark.
        if (!marked && !fromTheApi(line) && marks.test(line)) {
            marked = true;
            Instant now = clock.instant();
            out.add(new TimelineEvent(now, container, EventKind.LOG_MATCH, clip(line.strip()), EventSource.LOG, now));
        }
        if (parsed.isEmpty()) {
            if (!line.isBlank() && !fromTheApi(line)) {
                pending.addLast(clip(line.strip()));
                if (pending.size() > KEPT_LINES) {
                    pending.removeFirst();
                }
            }
            return out;
        }
        TimelineEvent event = parsed.get().observed(clock.instant());
        flush(event.time().minus(NUDGE)).ifPresent(out::add);
        lastEventTime = event.time();
        out.add(event);
        return out;
    }

    /**
     * What the API server or the kubelet, not the container, wrote into a log stream that outlived its pod or its
     * container: a Status object ("pods ... not found"), the kubelet's "unable to retrieve container logs", or the
     * runtime's answer for a container removed while its log was followed (RestartAllContainers removes them all).
     */
    static boolean fromTheApi(String line) {
        String l = line.strip();
        return (l.startsWith("{") && l.contains("\"kind\":\"Status\"")) || l.startsWith("unable to retrieve container logs for ")
                || (l.startsWith("rpc error: code = NotFound desc = ") && l.contains("find container"));
    }

    private static String clip(String line) {
        return line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line;
    }

    /** The log ended: the lines after the last event line, if any. */
    List<TimelineEvent> end() {
        Instant at = lastEventTime == null ? clock.instant() : lastEventTime.plus(NUDGE);
        return flush(at).map(List::of).orElse(List.of());
    }

    private java.util.Optional<TimelineEvent> flush(Instant at) {
        if (pending.isEmpty()) {
            return java.util.Optional.empty();
        }
        String text = String.join(" | ", pending);
        pending.clear();
        return java.util.Optional.of(new TimelineEvent(at, container, EventKind.OUTPUT, text, EventSource.LOG, clock.instant()));
    }
}
