package io.sidecarconformance.verdict;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.PodStatusTracker;
import io.sidecarconformance.timeline.Termination;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each container's last restart count, exit code and termination reason as the kubelet last reported them, read from
 * the timeline's status events (restartCount=, TERMINATED, lastState=): what the pod's container statuses said when the
 * snapshot was taken, so the stored snapshot alone carries them.
 *
 * @param restarts  restart count per container that had a status (0 until a restart was reported)
 * @param exitCodes the exit code of each container's last reported termination
 * @param reasons   the reason of that termination, where the kubelet gave one
 */
record LastStatuses(Map<String, Integer> restarts, Map<String, Integer> exitCodes, Map<String, String> reasons) {

    private static final Pattern RESTARTS = Pattern.compile("restartCount=(\\d+)");

    static LastStatuses of(Timeline t) {
        Map<String, Integer> restarts = new HashMap<>();
        Map<String, Integer> exitCodes = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (TimelineEvent e : t.events()) {
            if (e.source() != EventSource.STATUS || e.container().equals(PodStatusTracker.POD)) {
                continue;
            }
            String c = e.container();
            restarts.putIfAbsent(c, 0);
            Matcher restart = RESTARTS.matcher(e.detail());
            if (e.kind() == EventKind.STATUS && restart.matches()) {
                restarts.put(c, Integer.parseInt(restart.group(1)));
            }
            Termination.of(e).ifPresent(end -> {
                exitCodes.put(c, end.exitCode());
                if (end.reason() == null) {
                    reasons.remove(c);
                } else {
                    reasons.put(c, end.reason());
                }
            });
        }
        return new LastStatuses(restarts, exitCodes, reasons);
    }
}
