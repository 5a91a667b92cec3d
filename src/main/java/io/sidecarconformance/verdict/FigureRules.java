package io.sidecarconformance.verdict;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.ReadyAfterDeletion;
import io.sidecarconformance.timeline.ContainerInstance;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.PodStatusTracker;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.sidecarconformance.verdict.Times.seconds;

/** The figures of one scenario, measured on its timeline snapshot. */
final class FigureRules {

    private static final String MAIN = Role.MAIN.containerName();
    private static final String SIDECAR = Role.SIDECAR.containerName();

    /** The kinds of a container's own event lines (dated by its clock when written). */
    private static final java.util.Set<EventKind> OWN_LINES = java.util.EnumSet.of(EventKind.STARTING, EventKind.READY,
            EventKind.STEP, EventKind.EXITING);

    private FigureRules() {
    }

    static Figures of(Observation o) {
        Timeline t = o.timeline();
        Optional<Instant> podEnd = (o.deleteRequestedAt() != null ? t.podGone() : t.podEnd()).map(TimelineEvent::time);
        // the sidecar's end as down and the restart finding date it (killedAt: a kill is not dated by the report's arrival)
        Optional<Instant> sidecarEnd = t.lastRun(SIDECAR).flatMap(r -> killedAt(t, r));
        Double outlived = t.ended(MAIN).isPresent() && sidecarEnd.isPresent()
                ? outlived(t, t.ended(MAIN).get(), sidecarEnd.get()) : null;
        Double termination = o.deleteRequestedAt() == null ? null
                : t.podGone().map(g -> seconds(o.deleteRequestedAt(), g.time())).orElse(null);
        Optional<TimelineEvent> podEndEvent = o.deleteRequestedAt() != null ? t.podGone() : t.podEnd();
        Double jobAfterPod = podEndEvent.isPresent() && t.jobTerminal().isPresent()
                ? seconds(podEndEvent.get().observedAt(), t.jobTerminal().get().observedAt()) : null;
        List<ContainerInstance> sidecarRuns = t.runs(SIDECAR);
        int restarts = Math.max(sidecarRuns.size() - 1, o.restarts().getOrDefault(SIDECAR, 0));
        return new Figures(
                podEnd.map(e -> seconds(o.createdAt(), e)).orElse(null),
                outlived,
                termination,
                o.gracePeriodSeconds(),
                null,
                t.lastPhase(),
                t.jobTerminal().map(TimelineEvent::detail).orElse(null),
                jobAfterPod,
                sidecarRuns.isEmpty() ? null : restarts,
                downSeconds(o, sidecarRuns),
                mainStartedBeforeReady(t),
                termAfterDeletion(o),
                o.restarts(), o.exitCodes(), o.reasons(),
                exitAfterDeletion(o),
                mainStartedAfterSidecarRestart(t, sidecarRuns),
                oomScoreAdj(t),
                readyAfterDeletion(o));
    }

    /**
     * Per container whose readinessProbe the timeline records (its PROBE event) and that ran at the deletion, then for
     * the pod's Ready condition ("pod"): whether it was Ready, when its Ready (its status's ready flag) went false after
     * the deletion while it still ran, and when it ended. "While it still ran": reported before the report of its end,
     * and before its own Exiting line; a ready=false that comes with the end (the same status update) is the end's, not
     * the probe's. The pod's Ready condition (what takes the pod out of its endpoints): when it first went false after
     * the deletion, whatever ended before; its end is the first end among its containers, for the reader to compare.
     * Empty without a deletion or without a readinessProbe.
     */
    static Map<String, ReadyAfterDeletion> readyAfterDeletion(Observation o) {
        Map<String, ReadyAfterDeletion> out = new LinkedHashMap<>();
        Instant deletion = o.deleteRequestedAt();
        Timeline t = o.timeline();
        if (deletion == null) {
            return out;
        }
        List<String> probed = t.events().stream().filter(e -> e.kind() == EventKind.PROBE
                && e.detail().startsWith(PodStatusTracker.READINESS_PROBE)).map(TimelineEvent::container).distinct().toList();
        if (probed.isEmpty()) {
            return out;
        }
        Optional<Instant> firstEnd = Optional.empty();
        for (String c : t.containers()) {
            Optional<ContainerInstance> run = runAt(t, c, deletion);
            if (run.isEmpty()) {
                continue;
            }
            Optional<Instant> cutoff = cutoff(run.get());
            firstEnd = earlier(firstEnd, run.get().end());
            if (probed.contains(c)) {
                out.put(c, readiness(t, c, deletion, cutoff, run.get().end()));
            }
        }
        if (!out.isEmpty()) {
            out.put(PodStatusTracker.POD, readiness(t, PodStatusTracker.POD, deletion, Optional.empty(), firstEnd));
        }
        return out;
    }

    /** The container's instance that ran at the deletion: begun before it, not ended before it. */
    private static Optional<ContainerInstance> runAt(Timeline t, String container, Instant deletion) {
        return t.runs(container).stream().filter(r -> !r.start().isAfter(deletion)
                && r.end().map(end -> end.isAfter(deletion)).orElse(true)).reduce((a, b) -> b);
    }

    /** When the instance's end was first known: the earlier of the kubelet's report of it and its own Exiting line. */
    private static Optional<Instant> cutoff(ContainerInstance run) {
        Optional<Instant> reported = Optional.ofNullable(run.terminated()).map(TimelineEvent::time);
        Optional<Instant> said = Optional.ofNullable(run.exitLine()).map(TimelineEvent::time);
        return earlier(reported, said);
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.filter(x -> x.isBefore(a.get())).or(() -> a);
    }

    /** The subject's ready flags around the deletion (see {@link #readyAfterDeletion}). */
    private static ReadyAfterDeletion readiness(Timeline t, String subject, Instant deletion, Optional<Instant> cutoff,
                                                Optional<Instant> end) {
        Boolean ready = null;
        Instant unready = null;
        for (TimelineEvent e : t.events()) {
            if (!e.container().equals(subject) || e.kind() != EventKind.STATUS
                    || !e.detail().startsWith(PodStatusTracker.READY)) {
                continue;
            }
            boolean value = e.detail().equals(PodStatusTracker.READY + "true");
            if (!e.time().isAfter(deletion)) {
                ready = value;
                continue;
            }
            if (cutoff.filter(c -> !e.time().isBefore(c)).isPresent()) {
                break;
            }
            if (!value && Boolean.TRUE.equals(ready)) {
                unready = e.time();
                break;
            }
            ready = value;
        }
        return new ReadyAfterDeletion(unready != null || Boolean.TRUE.equals(ready),
                unready == null ? null : seconds(deletion, unready), end.map(x -> seconds(deletion, x)).orElse(null));
    }

    /** Per container: the value of its first "OomScoreAdj <n>" line. */
    static Map<String, Integer> oomScoreAdj(Timeline t) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (TimelineEvent e : t.events()) {
            if (e.kind() == EventKind.STEP && e.detail().matches("OomScoreAdj -?\\d+") && !out.containsKey(e.container())) {
                out.put(e.container(), Integer.parseInt(e.detail().substring("OomScoreAdj ".length())));
            }
        }
        return out;
    }

    /** The sidecar instance main started beside began -> main began, when that instance is a restart (not the first). */
    private static Double mainStartedAfterSidecarRestart(Timeline t, List<ContainerInstance> sidecarRuns) {
        Optional<Instant> mainStart = t.started(MAIN);
        Optional<ContainerInstance> beside = mainStart.flatMap(m -> sidecarRuns.stream().filter(r -> !r.start().isAfter(m))
                .reduce((a, b) -> b));
        if (beside.isEmpty() || beside.get() == sidecarRuns.get(0)) {
            return null;
        }
        return seconds(beside.get().start(), mainStart.get());
    }

    /** Per container that ended after the deletion: deletion -> its last instance's end (Exiting line, else kubelet). */
    static Map<String, Double> exitAfterDeletion(Observation o) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (o.deleteRequestedAt() == null) {
            return out;
        }
        for (String c : o.timeline().containers()) {
            o.timeline().ended(c).filter(end -> !end.isBefore(o.deleteRequestedAt().minusSeconds(1)))
                    .ifPresent(end -> out.put(c, seconds(o.deleteRequestedAt(), end)));
        }
        return out;
    }

    /**
     * Main's last end to the sidecar's last end; negative when the sidecar ended first. A main killed without an Exiting
     * line ended between the kubelet's {@code finishedAt} (whole seconds: {@link ContainerInstance#endEarliest()}) and when the
     * runner saw the report ({@link ContainerInstance#end()}): a sidecar that ended before that interval ended first by at
     * least the gap to its start, one that ended after it outlived main by at least the gap to its end, and one that
     * ended inside it has no known order (0.0).
     */
    static double outlived(Timeline t, Instant mainEnd, Instant sidecarEnd) {
        double s = seconds(mainEnd, sidecarEnd);
        if (s >= 0 || lastRunEndExact(t, MAIN)) {
            return s;
        }
        Instant earliest = t.lastRun(MAIN).flatMap(ContainerInstance::endEarliest).orElse(mainEnd);
        return sidecarEnd.isBefore(earliest) ? seconds(earliest, sidecarEnd) : 0.0;
    }

    static boolean lastRunEndExact(Timeline t, String container) {
        return t.lastRun(container).map(ContainerInstance::endExact).orElse(false);
    }

    /**
     * Total time the container was down: from each instance's end ({@link #killedAt}) to the next instance's Ready line
     * (or, for a next instance that never said Ready, its end; for the last, the end of observation). Null when no
     * instance was followed by another.
     */
    static Double downSeconds(Observation o, List<ContainerInstance> runs) {
        double down = 0;
        boolean any = false;
        for (int i = 0; i + 1 < runs.size(); i++) {
            Optional<Instant> end = killedAt(o.timeline(), runs.get(i));
            if (end.isPresent()) {
                any = true;
                down += seconds(end.get(), runs.get(i + 1).ready().or(runs.get(i + 1)::end).orElse(o.endedAt()));
            }
        }
        return any ? Math.round(down * 10) / 10.0 : null;
    }

    /**
     * When an instance ended, as closely as the timeline dates it: its Exiting line where it wrote one (exact); else
     * the later of its last own line (it was alive then: for an OOM kill, the hog's "Allocating" line) and the second
     * the kubelet dates its end ({@code finishedAt}, whole seconds). The real end lies at most one second after.
     */
    static Optional<Instant> killedAt(Timeline t, ContainerInstance run) {
        if (run.endExact() || run.end().isEmpty()) {
            return run.end();
        }
        Instant earliest = run.endEarliest().orElseThrow();
        String container = run.terminated().container();
        Optional<Instant> lastLine = t.events().stream()
                .filter(e -> e.container().equals(container) && OWN_LINES.contains(e.kind())
                        && !e.time().isBefore(run.start()) && !e.time().isAfter(run.end().get()))
                .map(TimelineEvent::time).max(Instant::compareTo);
        return Optional.of(lastLine.filter(l -> l.isAfter(earliest)).orElse(earliest));
    }

    /**
     * A container down from an instance's end to the next instance's Ready line (or, if that one ended without one, its
     * end; or the end of observation, for its last instance or one never Ready again). A killed
     * instance's end is known to the second from the kubelet: the interval starts at the earliest moment it can have
     * ended ({@link ContainerInstance#endEarliest()}), so that a use that failed during the kill is attributed to it.
     */
    record Down(Instant from, Instant to, boolean datedByKubelet) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** Every interval the container was down after an instance ended, the last instance's end included. */
    static List<Down> downs(Observation o, List<ContainerInstance> runs) {
        List<Down> out = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ContainerInstance run = runs.get(i);
            // A next instance that never said Ready but ended was down all its life: the gap runs on to its end, where
            // its own interval starts.
            Instant until = i + 1 < runs.size()
                    ? runs.get(i + 1).ready().or(runs.get(i + 1)::end).orElse(o.endedAt()) : o.endedAt();
            run.endEarliest().ifPresent(end -> out.add(new Down(end, until, run.end().map(end::isBefore).orElse(false))));
        }
        return out;
    }

    private static Double mainStartedBeforeReady(Timeline t) {
        Optional<Instant> start = t.started(MAIN);
        Optional<Instant> ready = t.ready(SIDECAR);
        return start.isPresent() && ready.isPresent() && start.get().isBefore(ready.get())
                ? seconds(start.get(), ready.get()) : null;
    }

    /** Per container: deletion -> its first line after the deletion that names SIGTERM (a step, or its Exiting line). */
    static Map<String, Double> termAfterDeletion(Observation o) {
        Map<String, Double> out = new LinkedHashMap<>();
        termLines(o).forEach((c, at) -> out.put(c, seconds(o.deleteRequestedAt(), at)));
        return out;
    }

    /** Per container, in order of arrival: when it first wrote a line naming SIGTERM after the deletion (exact). */
    static Map<String, Instant> termLines(Observation o) {
        Map<String, Instant> out = new LinkedHashMap<>();
        if (o.deleteRequestedAt() == null) {
            return out;
        }
        for (TimelineEvent e : o.timeline().events()) {
            if ((e.kind() == EventKind.EXITING || e.kind() == EventKind.STEP) && e.detail().contains("SIGTERM")
                    && !e.time().isBefore(o.deleteRequestedAt().minusSeconds(1)) && !out.containsKey(e.container())) {
                out.put(e.container(), e.time());
            }
        }
        return out;
    }
}
