package io.sidecarconformance.verdict;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.timeline.ContainerRun;
import io.sidecarconformance.timeline.EventKind;
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

    private FigureRules() {
    }

    static Figures of(Observation o) {
        Timeline t = o.timeline();
        Optional<Instant> podEnd = (o.deleteRequestedAt() != null ? t.podGone() : t.podEnd()).map(TimelineEvent::time);
        Double outlived = t.ended(MAIN).map(m -> outlived(t, m, t.ended(SIDECAR).orElse(o.endedAt()))).orElse(null);
        Double termination = o.deleteRequestedAt() == null ? null
                : t.podGone().map(g -> seconds(o.deleteRequestedAt(), g.time())).orElse(null);
        Optional<TimelineEvent> podEndEvent = o.deleteRequestedAt() != null ? t.podGone() : t.podEnd();
        Double jobAfterPod = podEndEvent.isPresent() && t.jobTerminal().isPresent()
                ? seconds(podEndEvent.get().observedAt(), t.jobTerminal().get().observedAt()) : null;
        List<ContainerRun> sidecarRuns = t.runs(SIDECAR);
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
                oomScoreAdj(t));
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
    private static Double mainStartedAfterSidecarRestart(Timeline t, List<ContainerRun> sidecarRuns) {
        Optional<Instant> mainStart = t.started(MAIN);
        Optional<ContainerRun> beside = mainStart.flatMap(m -> sidecarRuns.stream().filter(r -> !r.start().isAfter(m))
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
     * Main's end to the sidecar's. A main killed without an Exiting line is known to have ended only when the runner
     * saw the kubelet's report, which can trail the kill: a sidecar that ended first by that clock is counted as 0.
     */
    private static double outlived(Timeline t, Instant mainEnd, Instant sidecarEnd) {
        double s = seconds(mainEnd, sidecarEnd);
        return s < 0 && !lastRunEndExact(t, MAIN) ? 0.0 : s;
    }

    static boolean lastRunEndExact(Timeline t, String container) {
        return t.lastRun(container).map(ContainerRun::endExact).orElse(false);
    }

    /** Total time the container was down between an instance's end (as measured) and the next instance's Ready line. */
    static Double downSeconds(Observation o, List<ContainerRun> runs) {
        double down = 0;
        boolean any = false;
        for (int i = 0; i + 1 < runs.size(); i++) {
            Optional<Instant> end = runs.get(i).end();
            if (end.isPresent()) {
                any = true;
                // A next instance that ended without a Ready line: down to its end, where the next gap starts.
                down += seconds(end.get(), runs.get(i + 1).ready().or(runs.get(i + 1)::end).orElse(o.endedAt()));
            }
        }
        return any ? Math.round(down * 10) / 10.0 : null;
    }

    /**
     * A container down from an instance's end to the next instance's Ready line (or, if that one ended without one, its
     * end; or the end of observation, for its last instance or one never Ready again). A killed
     * instance's end is known to the second from the kubelet: the interval starts at the earliest moment it can have
     * ended ({@link ContainerRun#endEarliest()}), so that a use that failed during the kill is attributed to it.
     */
    record Down(Instant from, Instant to, boolean datedByKubelet) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** Every interval the container was down after an instance ended, the last instance's end included. */
    static List<Down> downs(Observation o, List<ContainerRun> runs) {
        List<Down> out = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            ContainerRun run = runs.get(i);
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
