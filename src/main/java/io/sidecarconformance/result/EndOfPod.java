package io.sidecarconformance.result;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.Termination;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a run's pod ended, as the kubelet last reported it: its last phase and each container's last state. A reading of
 * the stored timeline alone ({@link #of}), each field from named events, so that a check can read it again from the
 * file. Nothing in it is timed, so two runs that ended alike have equal records. The pod's conditions (Ready,
 * ContainersReady, Initialized) are not on the timeline, so they are not here; each container's ready flag is.
 *
 * @param podPhase   the phase of the pod's last PHASE event; null when no pod was seen
 * @param podReason  the pod status reason that event named in parentheses (e.g. Evicted), or null
 * @param podGone    a DELETED event: the pod was gone from the API when observation ended
 * @param containers each container the kubelet reported a status for, by the name the timeline gives it
 */
public record EndOfPod(String podPhase, String podReason, boolean podGone, Map<String, ContainerEnd> containers) {

    /** What a container's last state was. */
    public enum State {
        /** Its last status update showed it running (a RUNNING event). */
        RUNNING,
        /** Its last status update showed it waiting (a {@code waiting=} status event). */
        WAITING,
        /** Its last status update showed it terminated (a TERMINATED event, no RUNNING or waiting beside it). */
        TERMINATED
    }

    /**
     * One container at the end.
     *
     * @param state    its last state, from its last status update that named one; null when none did
     * @param waiting  the reason it was waiting for, when it was (e.g. CrashLoopBackOff), else null
     * @param exitCode the exit code of its last reported termination (a TERMINATED event, or a {@code lastState=}
     *                 status: the kubelet's report of an instance it removed), or null when none was reported
     * @param reason   that termination's reason (Completed, Error, OOMKilled), or null when the kubelet gave none
     * @param signal   the signal the container's own last Exiting line names (e.g. SIGTERM: it says it is exiting on
     *                 it), if it wrote one after its last Starting line; else null (no signal named, a killed instance,
     *                 or a container that writes no event lines)
     * @param ready    its last reported ready flag, or null when never reported
     * @param restarts its last reported restart count (0 until one was reported)
     */
    public record ContainerEnd(State state, String waiting, Integer exitCode, String reason, String signal, Boolean ready,
                               int restarts) {
    }

    private static final Pattern SIGNAL = Pattern.compile("\\bSIG[A-Z0-9]+\\b");
    private static final Pattern PHASE = Pattern.compile("(\\S+)(?: \\((.*)\\))?");

    public EndOfPod {
        // by name, so that the sidecars read in order (sidecar, sidecar-2, ...)
        containers = containers == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(containers));
    }

    /** The record a time-sorted timeline (as results.json stores it) gives. */
    public static EndOfPod of(List<TimelineEvent> timeline) {
        String phase = null;
        String podReason = null;
        boolean gone = false;
        Map<String, Reading> read = new TreeMap<>();
        for (TimelineEvent e : timeline) {
            switch (e.container()) {
                case "pod" -> {
                    if (e.kind() == EventKind.PHASE) {
                        Matcher m = PHASE.matcher(e.detail());
                        phase = m.matches() ? m.group(1) : e.detail();
                        podReason = m.matches() ? m.group(2) : null;
                    } else if (e.kind() == EventKind.DELETED) {
                        gone = true;
                    }
                }
                case "job", "suite" -> {
                }
                default -> {
                    if (e.source() == EventSource.STATUS) {
                        read.computeIfAbsent(e.container(), c -> new Reading()).status(e);
                    } else if (e.source() == EventSource.LOG) {
                        read.computeIfAbsent(e.container(), c -> new Reading()).line(e);
                    }
                }
            }
        }
        Map<String, ContainerEnd> containers = new TreeMap<>();
        read.forEach((name, r) -> {
            if (r.reported) {
                containers.put(name, r.end());
            }
        });
        return new EndOfPod(phase, podReason, gone, containers);
    }

    /** One container's events, read in time order. */
    private static final class Reading {
        boolean reported;
        Instant lastUpdate;
        State state;
        String waiting;
        Integer exitCode;
        String reason;
        String signal;
        Boolean ready;
        int restarts;

        void status(TimelineEvent e) {
            reported = true;
            String d = e.detail();
            // One status update gives all its events one time: a restart seen late is a RUNNING and, after it, the
            // previous instance's TERMINATED (its lastState), so within an update running or waiting wins.
            if (e.kind() == EventKind.RUNNING) {
                stateAt(e.time(), State.RUNNING, null);
            } else if (e.kind() == EventKind.STATUS && d.startsWith("waiting=")) {
                int colon = d.indexOf(": ");
                stateAt(e.time(), State.WAITING, d.substring("waiting=".length(), colon < 0 ? d.length() : colon));
            } else if (e.kind() == EventKind.TERMINATED) {
                stateAt(e.time(), State.TERMINATED, null);
            } else if (e.kind() == EventKind.STATUS && d.startsWith("ready=")) {
                ready = Boolean.valueOf(d.substring("ready=".length()));
            } else if (e.kind() == EventKind.STATUS && d.startsWith("restartCount=")) {
                restarts = Integer.parseInt(d.substring("restartCount=".length()));
            }
            Termination.of(e).ifPresent(end -> {
                exitCode = end.exitCode();
                reason = end.reason();
            });
        }

        private void stateAt(Instant time, State next, String waitingFor) {
            boolean sameUpdate = time.equals(lastUpdate);
            if (sameUpdate && next == State.TERMINATED && state != State.TERMINATED) {
                return;
            }
            lastUpdate = time;
            state = next;
            waiting = waitingFor;
        }

        /** A Starting line begins an instance: what an earlier one said on exit is not the last instance's word. */
        void line(TimelineEvent e) {
            if (e.kind() == EventKind.STARTING) {
                signal = null;
            } else if (e.kind() == EventKind.EXITING) {
                Matcher named = SIGNAL.matcher(e.detail());
                signal = named.find() ? named.group() : null;
            }
        }

        ContainerEnd end() {
            return new ContainerEnd(state, waiting, exitCode, reason, signal, ready, restarts);
        }
    }
}
