package io.sidecarconformance.timeline;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns successive pod states (from a watch) into timeline events: each change is reported once, stamped with
 * the time it was observed (API timestamps have one-second resolution; they are kept in the detail). The pod's Ready
 * condition is the container "pod"'s ready flag; each container's readinessProbe, as the spec declares it, is reported
 * once, when the pod is first seen.
 */
public final class PodStatusTracker {

    /** How a status event names the stop signal the kubelet reports for a container: {@code stopSignal=SIGUSR1}. */
    public static final String STOP_SIGNAL = "stopSignal=";
    /** How a status event names a ready flag (a container's, or the pod's Ready condition): {@code ready=false}. */
    public static final String READY = "ready=";
    /** The container name the pod's own observations carry. */
    public static final String POD = "pod";
    /** How a {@link EventKind#PROBE} event begins: {@code readinessProbe exec periodSeconds=1 ...}. */
    public static final String READINESS_PROBE = "readinessProbe";

    private final Map<String, ContainerStatus> last = new HashMap<>();
    private final Set<String> seenTerminations = new HashSet<>();
    /** How many ends of each container were reported as TERMINATED. */
    private final Map<String, Integer> ends = new HashMap<>();
    private String lastPhase;
    private Boolean podReady;
    private boolean probesSeen;

    public synchronized List<TimelineEvent> update(Pod pod, Instant now) {
        List<TimelineEvent> out = new ArrayList<>();
        if (!probesSeen && pod.getSpec() != null) {
            probesSeen = true;
            readinessProbes(pod.getSpec(), now, out);
        }
        if (pod.getStatus() == null) {
            return out;
        }
        String phase = pod.getStatus().getPhase();
        if (phase != null && !phase.equals(lastPhase)) {
            out.add(new TimelineEvent(now, POD, EventKind.PHASE, phase + reasonSuffix(pod), EventSource.STATUS));
            lastPhase = phase;
        }
        statuses(pod).forEach(s -> diff(s, now, out));
        Boolean ready = condition(pod, "Ready");
        flag(POD, "ready", podReady, ready, now, out);
        podReady = ready;
        return out;
    }

    /** Each init or regular container's readinessProbe: its handler, period, timeout and thresholds. */
    private static void readinessProbes(PodSpec spec, Instant now, List<TimelineEvent> out) {
        Stream.of(spec.getInitContainers(), spec.getContainers()).filter(Objects::nonNull).flatMap(List::stream)
                .filter(c -> c.getReadinessProbe() != null)
                .forEach(c -> out.add(new TimelineEvent(now, c.getName(), EventKind.PROBE,
                        READINESS_PROBE + " " + describe(c.getReadinessProbe()), EventSource.STATUS)));
    }

    /** A probe in a few words: {@code exec periodSeconds=1 timeoutSeconds=1 failureThreshold=1}, unset fields left out. */
    static String describe(Probe p) {
        String handler = p.getExec() != null ? "exec" : p.getHttpGet() != null ? "httpGet"
                : p.getTcpSocket() != null ? "tcpSocket" : p.getGrpc() != null ? "grpc" : "none";
        StringBuilder sb = new StringBuilder(handler);
        field(sb, "initialDelaySeconds", p.getInitialDelaySeconds());
        field(sb, "periodSeconds", p.getPeriodSeconds());
        field(sb, "timeoutSeconds", p.getTimeoutSeconds());
        field(sb, "successThreshold", p.getSuccessThreshold());
        field(sb, "failureThreshold", p.getFailureThreshold());
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, Integer value) {
        if (value != null) {
            sb.append(' ').append(name).append('=').append(value);
        }
    }

    /** The status of the pod's condition of that type: true, false, or null (absent or Unknown). */
    private static Boolean condition(Pod pod, String type) {
        if (pod.getStatus().getConditions() == null) {
            return null;
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst()
                .map(c -> "True".equals(c.getStatus()) ? Boolean.TRUE : "False".equals(c.getStatus()) ? Boolean.FALSE : null)
                .orElse(null);
    }

    private void diff(ContainerStatus s, Instant now, List<TimelineEvent> out) {
        ContainerStatus before = last.put(s.getName(), s);
        String name = s.getName();
        if (s.getState() != null && s.getState().getRunning() != null) {
            String startedAt = s.getState().getRunning().getStartedAt();
            boolean wasRunning = before != null && before.getState() != null && before.getState().getRunning() != null
                    && Objects.equals(before.getState().getRunning().getStartedAt(), startedAt);
            if (!wasRunning) {
                out.add(new TimelineEvent(now, name, EventKind.RUNNING, "startedAt=" + startedAt, EventSource.STATUS));
            }
        }
        // A restart can hide a termination between two watch events: it then shows only as lastState.
        if (s.getLastState() != null && s.getLastState().getTerminated() != null) {
            ContainerStateTerminated t = s.getLastState().getTerminated();
            if (anonymous(t)) {
                removal(name, t, s.getRestartCount() == null ? 0 : s.getRestartCount(), now, out);
            } else {
                terminated(name, t, now, out);
            }
        }
        if (s.getState() != null && s.getState().getTerminated() != null) {
            terminated(name, s.getState().getTerminated(), now, out);
        }
        if (s.getState() != null && s.getState().getWaiting() != null) {
            String reason = s.getState().getWaiting().getReason();
            String prev = before == null || before.getState() == null || before.getState().getWaiting() == null
                    ? null : before.getState().getWaiting().getReason();
            if (reason != null && !reason.equals(prev)) {
                String msg = s.getState().getWaiting().getMessage();
                out.add(new TimelineEvent(now, name, EventKind.STATUS,
                        "waiting=" + reason + (msg == null ? "" : ": " + msg), EventSource.STATUS));
            }
        }
        int restarts = s.getRestartCount() == null ? 0 : s.getRestartCount();
        int restartsBefore = before == null || before.getRestartCount() == null ? 0 : before.getRestartCount();
        if (restarts > restartsBefore) {
            out.add(new TimelineEvent(now, name, EventKind.STATUS, "restartCount=" + restarts, EventSource.STATUS));
        }
        // The stop signal the kubelet reports in effect (KEP-4960: only with ContainerStopSignals on and a runtime that
        // reports it): what the container will be stopped with, once per value.
        String signal = s.getStopSignal();
        if (signal != null && !signal.equals(before == null ? null : before.getStopSignal())) {
            out.add(new TimelineEvent(now, name, EventKind.STATUS, STOP_SIGNAL + signal, EventSource.STATUS));
        }
        flag(name, "started", before == null ? null : before.getStarted(), s.getStarted(), now, out);
        flag(name, "ready", before == null ? null : before.getReady(), s.getReady(), now, out);
    }

    /** A last state that names no container instance: no container ID, no times. */
    private static boolean anonymous(ContainerStateTerminated t) {
        return (t.getContainerID() == null || t.getContainerID().isEmpty()) && t.getStartedAt() == null && t.getFinishedAt() == null;
    }

    /**
     * With RestartAllContainers the kubelet writes an anonymous last state (exit 137) for every container it removed,
     * with the restart count raised, and keeps it while the next instance runs. It is the end of the instance before
     * that count: an end already reported (the container's own exit) gets it as a status; otherwise (a running
     * container the kubelet removed) it is that instance's only end report. Once per restart count.
     */
    private void removal(String name, ContainerStateTerminated t, int restartCount, Instant now, List<TimelineEvent> out) {
        if (!seenTerminations.add(name + "/removed-before-restart/" + restartCount)) {
            return;
        }
        if (ends.getOrDefault(name, 0) >= restartCount) {
            out.add(new TimelineEvent(now, name, EventKind.STATUS, "lastState=exit=" + t.getExitCode() + " reason="
                    + t.getReason() + (t.getMessage() == null ? "" : ": " + t.getMessage()), EventSource.STATUS));
        } else {
            terminated(name, t, now, out);
        }
    }

    private void terminated(String name, ContainerStateTerminated t, Instant now, List<TimelineEvent> out) {
        String key = name + "/" + t.getContainerID() + "/" + t.getStartedAt() + "/" + t.getFinishedAt();
        if (seenTerminations.add(key)) {
            ends.merge(name, 1, Integer::sum);
            out.add(new TimelineEvent(now, name, EventKind.TERMINATED,
                    "exit=" + t.getExitCode() + " reason=" + t.getReason() + " finishedAt=" + t.getFinishedAt(),
                    EventSource.STATUS));
        }
    }

    private static void flag(String name, String flag, Boolean before, Boolean now, Instant time, List<TimelineEvent> out) {
        if (Boolean.TRUE.equals(now) != Boolean.TRUE.equals(before) && (now != null || before != null)) {
            out.add(new TimelineEvent(time, name, EventKind.STATUS, flag + "=" + Boolean.TRUE.equals(now), EventSource.STATUS));
        }
    }

    private static String reasonSuffix(Pod pod) {
        String reason = pod.getStatus().getReason();
        return reason == null ? "" : " (" + reason + ")";
    }

    /** Every container status of the pod: init, regular and ephemeral. */
    public static Stream<ContainerStatus> statuses(Pod pod) {
        return Stream.of(pod.getStatus().getInitContainerStatuses(), pod.getStatus().getContainerStatuses(),
                        pod.getStatus().getEphemeralContainerStatuses())
                .filter(Objects::nonNull)
                .flatMap(List::stream);
    }
}
