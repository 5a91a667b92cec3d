package io.sidecarconformance.timeline;

import java.time.Instant;
import java.util.Optional;

/**
 * One instance of a container, from its start to its end.
 *
 * @param start         its Starting line (else the kubelet's running report)
 * @param readyAt       its Ready line, if it said one
 * @param exitLine      its Exiting line (code and words), if it wrote one
 * @param terminated    the kubelet's termination report for this instance, if seen
 * @param endAt         its Exiting line's time, else the termination report's; null while it runs
 * @param endObservedAt when the runner saw the end (runner clock); null while it runs
 */
public record ContainerInstance(Instant start, Instant readyAt, TimelineEvent exitLine, TimelineEvent terminated,
                           Instant endAt, Instant endObservedAt) {

    public Optional<Instant> ready() {
        return Optional.ofNullable(readyAt);
    }

    public Optional<Instant> end() {
        return Optional.ofNullable(endAt);
    }

    /**
     * Whether the end is the container's own Exiting line (its clock, precise). Otherwise it is when the runner saw
     * the kubelet's report, which can trail the real end by up to a second.
     */
    public boolean endExact() {
        return exitLine != null;
    }

    /**
     * The earliest moment this instance can have ended: its Exiting line if it wrote one; else the kubelet's
     * {@code finishedAt} (whole seconds, so the real end lies in the second that follows), bounded by when the runner
     * saw the report. Used to attribute what happened around a kill; figures use {@link #end()}.
     */
    public Optional<Instant> endEarliest() {
        if (endAt == null || exitLine != null || terminated == null) {
            return end();
        }
        String finished = field(terminated.detail(), "finishedAt=");
        try {
            Instant kubelet = Instant.parse(finished);
            return Optional.of(kubelet.isBefore(endAt) ? kubelet : endAt);
        } catch (java.time.format.DateTimeParseException e) {
            return end();
        }
    }

    public Optional<Instant> endObserved() {
        return Optional.ofNullable(endObservedAt);
    }

    /** How it ended, in words: "exit 137 OOMKilled" from the kubelet, else its own line, else "running". */
    public String howItEnded() {
        if (terminated != null) {
            String d = terminated.detail();
            String code = field(d, "exit=");
            String reason = field(d, "reason=");
            return "exit " + code + ("null".equals(reason) || reason.isEmpty() ? "" : " " + reason);
        }
        return exitLine != null ? "exit " + exitLine.detail() : "running";
    }

    private static String field(String detail, String name) {
        int i = detail.indexOf(name);
        if (i < 0) {
            return "";
        }
        int end = detail.indexOf(' ', i);
        return detail.substring(i + name.length(), end < 0 ? detail.length() : end);
    }
}
