package io.sidecarconformance.verdict;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.report.Figures;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The only place that decides. Rules, first match wins:
 * REJECTED (API refused) > DROPPED (API dropped a field) > STUCK (main done or never done, pod not terminal)
 * > SLOW_TERMINATION (deletion took the whole grace period) > MAIN_FAILED (main failed and no fault aimed at it)
 * > RACE (main started before the sidecar said Ready) > COMPLETED.
 */
public final class VerdictRules {

    /** A deletion that lasted at least grace minus this took the whole grace period (kubelet rounds to seconds). */
    static final Duration GRACE_TOLERANCE = Duration.ofMillis(1500);

    private static final String MAIN = Role.MAIN.containerName();
    private static final String SIDECAR = Role.SIDECAR.containerName();

    private VerdictRules() {
    }

    public static Decision decide(Observation o) {
        Decision d = decideFrom(o);
        // Quoted evidence (API messages, kubelet waiting messages) may span lines; a reason never does.
        return new Decision(d.verdict(), d.jobVerdict(), d.reason().replaceAll("\\s*\\R\\s*", " ").strip(), d.figures());
    }

    private static Decision decideFrom(Observation o) {
        Timeline t = Timeline.of(o.timeline());
        Figures figures = figures(o, t);
        if (o.rejection() != null) {
            return new Decision(Verdict.REJECTED, Verdict.REJECTED, "API refused the spec: " + o.rejection(), figures);
        }
        if (!o.droppedFields().isEmpty()) {
            return new Decision(Verdict.DROPPED, Verdict.DROPPED, "API dropped " + String.join(", ", o.droppedFields())
                    + "; then " + outcome(o, t), figures);
        }
        Verdict job = t.jobTerminal().isPresent() ? Verdict.COMPLETED : Verdict.STUCK;
        Optional<Instant> podEnd = podTerminal(t).or(() -> gone(t));
        Optional<Instant> mainEnd = t.ended(MAIN);
        if (podEnd.isEmpty()) {
            String why = mainEnd.isEmpty()
                    ? "main never finished: " + lastStateOf(t, MAIN) + "; pod " + lastPhase(t)
                    : "main ended at " + at(o, mainEnd.get()) + " but the pod was still " + lastPhase(t)
                            + " at " + at(o, o.endedAt()) + " (" + stillRunning(t) + ")";
            return new Decision(Verdict.STUCK, job, why + race(t), figures);
        }
        if (o.deleteRequestedAt() != null && figures.terminationSeconds() != null && o.gracePeriodSeconds() != null
                && Duration.ofMillis((long) (figures.terminationSeconds() * 1000))
                        .compareTo(Duration.ofSeconds(o.gracePeriodSeconds()).minus(GRACE_TOLERANCE)) >= 0) {
            return new Decision(Verdict.SLOW_TERMINATION, job, String.format(Locale.ROOT,
                    "pod took %.1fs to go after deletion with a %ds grace period (%s)",
                    figures.terminationSeconds(), o.gracePeriodSeconds(), exits(o)) + race(t), figures);
        }
        Integer mainExit = o.exitCodes().get(MAIN);
        if (mainExit != null && mainExit != 0 && !o.faultTargetsMain()) {
            return new Decision(Verdict.MAIN_FAILED, job, "main exited " + mainExit + " ("
                    + mainExitDetail(t) + ") with no fault aimed at it" + race(t), figures);
        }
        if (t.hadToWait(MAIN)) {
            return new Decision(Verdict.RACE, job, race(t).substring(2) + "; then " + outcome(o, t), figures);
        }
        return new Decision(Verdict.COMPLETED, job, outcome(o, t), figures);
    }

    private static Figures figures(Observation o, Timeline t) {
        Optional<Instant> podEnd = podTerminal(t).or(() -> gone(t));
        Optional<Instant> mainEnd = t.ended(MAIN);
        Double outlived = mainEnd.map(m -> seconds(m, t.ended(SIDECAR).orElse(o.endedAt()))).orElse(null);
        Double termination = o.deleteRequestedAt() == null ? null
                : gone(t).map(g -> seconds(o.deleteRequestedAt(), g)).orElse(null);
        return new Figures(
                podEnd.map(e -> seconds(o.createdAt(), e)).orElse(null),
                outlived,
                termination,
                o.gracePeriodSeconds(),
                null,
                lastPhase(t),
                t.jobTerminal().map(TimelineEvent::detail).orElse(null),
                o.restarts(), o.exitCodes(), o.reasons());
    }

    private static String outcome(Observation o, Timeline t) {
        Optional<Instant> gone = gone(t);
        if (o.deleteRequestedAt() != null && gone.isPresent()) {
            return String.format(Locale.ROOT, "pod gone %.1fs after deletion (%s)",
                    seconds(o.deleteRequestedAt(), gone.get()), exits(o));
        }
        Optional<TimelineEvent> terminal = t.podTerminal();
        if (terminal.isPresent()) {
            return String.format(Locale.ROOT, "pod %s at %s (%s)", terminal.get().detail(), at(o, terminal.get().time()), exits(o));
        }
        if (gone.isPresent()) {
            return String.format(Locale.ROOT, "pod gone at %s (%s)", at(o, gone.get()), exits(o));
        }
        return "pod still " + lastPhase(t) + " at " + at(o, o.endedAt()) + " (" + o.endReason() + ")";
    }

    /**
     * Main's own first look decides whether it started before the sidecar was ready: the sidecar's Ready line can
     * trail a startupProbe's success by its polling interval, so clocks alone would call a gated start a race.
     */
    private static String race(Timeline t) {
        if (!t.hadToWait(MAIN)) {
            return "";
        }
        Optional<Instant> ready = t.ready(SIDECAR);
        Optional<Instant> mainStart = t.started(MAIN);
        if (ready.isEmpty()) {
            return "; main found the sidecar not ready and the sidecar never reported ready";
        }
        if (mainStart.isPresent() && mainStart.get().isBefore(ready.get())) {
            return String.format(Locale.ROOT, "; main started %.1fs before the sidecar was ready", seconds(mainStart.get(), ready.get()));
        }
        return "; main found the sidecar not ready when it started";
    }

    private static String exits(Observation o) {
        StringBuilder sb = new StringBuilder();
        o.exitCodes().forEach((c, code) -> sb.append(sb.length() == 0 ? "" : ", ").append(c).append(" exit ").append(code)
                .append(o.reasons().containsKey(c) ? " " + o.reasons().get(c) : ""));
        return sb.length() == 0 ? "no container exited" : sb.toString();
    }

    private static String mainExitDetail(Timeline t) {
        return t.last(e -> e.container().equals(MAIN) && e.kind() == EventKind.EXITING).map(TimelineEvent::detail)
                .filter(d -> !d.isBlank()).orElse("no exit line");
    }

    private static String stillRunning(Timeline t) {
        StringBuilder sb = new StringBuilder();
        for (String c : new String[] {MAIN, SIDECAR}) {
            if (t.started(c).isPresent() && t.ended(c).isEmpty()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(c).append(" running");
            }
        }
        return sb.length() == 0 ? "no container running" : sb.toString();
    }

    private static String lastStateOf(Timeline t, String container) {
        return t.last(e -> e.container().equals(container) && (e.kind() == EventKind.STATUS || e.kind() == EventKind.RUNNING))
                .map(e -> e.kind() == EventKind.RUNNING ? "running" : e.detail())
                .orElse("never started");
    }

    private static String lastPhase(Timeline t) {
        return t.last(e -> e.kind() == EventKind.PHASE).map(TimelineEvent::detail).orElse("unknown");
    }

    private static Optional<Instant> podTerminal(Timeline t) {
        return t.podTerminal().map(TimelineEvent::time);
    }

    private static Optional<Instant> gone(Timeline t) {
        return t.podGone().map(TimelineEvent::time);
    }

    private static String at(Observation o, Instant time) {
        return String.format(Locale.ROOT, "+%.1fs", seconds(o.createdAt(), time));
    }

    private static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }
}
