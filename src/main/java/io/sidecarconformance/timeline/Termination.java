package io.sidecarconformance.timeline;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container termination the kubelet reported, as {@link PodStatusTracker} writes it on the timeline: a TERMINATED
 * event, or a {@code lastState=} status (an instance the kubelet replaced), each with {@code exit=<code> reason=<reason>}.
 *
 * @param exitCode the exit code
 * @param reason   the kubelet's reason (Completed, Error, OOMKilled), or null when it gave none
 */
public record Termination(int exitCode, String reason) {

    private static final Pattern DETAIL = Pattern.compile("(?:lastState=)?exit=(-?\\d+) reason=(\\S+?):?(?:\\s.*)?");

    /** The termination an event reports, if it is one. */
    public static Optional<Termination> of(TimelineEvent e) {
        boolean termination = e.kind() == EventKind.TERMINATED
                || (e.kind() == EventKind.STATUS && e.detail().startsWith("lastState="));
        Matcher m = DETAIL.matcher(e.detail());
        if (!termination || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Termination(Integer.parseInt(m.group(1)), m.group(2).equals("null") ? null : m.group(2)));
    }
}
