package io.sidecarconformance.result;

import java.util.Locale;

/**
 * How a container's Ready (its pod status) went after the pod's deletion, for a container whose spec declares a
 * readinessProbe; for "pod", how the pod's Ready condition went. Seconds from the deletion, on the runner's clock.
 *
 * @param readyAtDeletion it was Ready when deleted (or became Ready after the deletion, a report late) before its
 *                        Ready went false
 * @param unreadySeconds  deletion to its Ready going false while it still ran: reported before the report of its end
 *                        and before its own Exiting line; null when it stayed Ready until it ended, or was not Ready.
 *                        For the pod: to its Ready condition's first false after the deletion, whatever had ended
 *                        by then (compare {@code endedSeconds})
 * @param endedSeconds    deletion to its end (its Exiting line, else the kubelet's report; for the pod: the first end
 *                        among its containers); null when it had not ended when observation stopped
 */
public record ReadyAfterDeletion(boolean readyAtDeletion, Double unreadySeconds, Double endedSeconds) {

    /** Ready stayed true while the container ran on after the deletion (the pod: until a container ended). */
    public boolean stayedReady() {
        return readyAtDeletion && unreadySeconds == null;
    }

    /** In words, for {@code subject} (a container, or "pod"): e.g. "Ready false +1.1s, ended +4.0s". */
    public String words(String subject) {
        boolean pod = "pod".equals(subject);
        String end = endedSeconds == null ? null
                : (pod ? "its first container ended " : "ended ") + plus(endedSeconds);
        if (!readyAtDeletion) {
            return "not Ready at the deletion" + (end == null ? "" : ", " + end);
        }
        if (unreadySeconds != null) {
            return "Ready false " + plus(unreadySeconds) + (end != null ? ", " + end
                    : pod ? ", no container ended while observed" : ", still running when observation ended");
        }
        if (endedSeconds == null) {
            return "still Ready when observation ended";
        }
        return (pod ? "Ready until observation ended; its first container ended " : "stayed Ready until it ended, ")
                + plus(endedSeconds);
    }

    private static String plus(double seconds) {
        return String.format(Locale.ROOT, "%+.1fs", seconds);
    }
}
