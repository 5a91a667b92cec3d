package io.sidecarconformance.timeline;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the one event-line format every test container writes:
 * {@code SC-EVENT 2026-11-22 06:07:59.663431600 +0000 main Exiting 0 detail...}.
 */
public final class EventLineParser {

    private static final Pattern LINE = Pattern.compile(
            "^SC-EVENT (\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})? [+-]\\d{4}) (\\S+) (\\S+) ?(.*)$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS] xx");

    private EventLineParser() {
    }

    public static Optional<TimelineEvent> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(padNanos(m.group(1)), TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        EventKind kind = kind(m.group(3));
        // A step keeps its own word (Waiting, Working, ...) in the detail; the fixed kinds need only the rest.
        String detail = kind == EventKind.STEP ? (m.group(3) + " " + m.group(4)).strip() : m.group(4).strip();
        return Optional.of(new TimelineEvent(time, m.group(2), kind, detail, EventSource.LOG));
    }

    static EventKind kind(String word) {
        return switch (word) {
            case "Starting" -> EventKind.STARTING;
            case "Ready" -> EventKind.READY;
            case "Exiting" -> EventKind.EXITING;
            default -> EventKind.STEP;
        };
    }

    /** Some stat builds print fewer than 9 fraction digits; normalise to nanoseconds. */
    private static String padNanos(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text;
        }
        int space = text.indexOf(' ', dot);
        String fraction = text.substring(dot + 1, space);
        return text.substring(0, dot + 1) + (fraction + "000000000").substring(0, 9) + text.substring(space);
    }
}
