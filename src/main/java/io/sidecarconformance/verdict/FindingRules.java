package io.sidecarconformance.verdict;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.timeline.ContainerInstance;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.sidecarconformance.verdict.Times.at;
import static io.sidecarconformance.verdict.Times.secs;
import static io.sidecarconformance.verdict.Times.seconds;

/** What was observed on the way to the outcome: one rule per {@link FindingKind}, each stated where it is applied. */
final class FindingRules {

    /** A deletion that lasted at least grace minus this took the whole grace period (kubelet rounds to seconds). */
    static final Duration GRACE_TOLERANCE = Duration.ofMillis(1500);
    /**
     * Two containers' lines closer than this are not ordered by the TERM order: each line is a file's mtime written by
     * a shell in its own container, a few milliseconds after the moment it stands for.
     */
    static final double ORDER_MARGIN = 0.02;
    /** The Job's condition counts as ahead of the pod when seen more than this before the pod's end. */
    static final double JOB_AHEAD_SECONDS = 1.0;

    private static final String MAIN = Role.MAIN.containerName();
    private static final String SIDECAR = Role.SIDECAR.containerName();

    private FindingRules() {
    }

    static List<Finding> of(Observation o, Figures f) {
        Timeline t = o.timeline();
        List<Finding> out = new ArrayList<>();
        raceAtStart(t, f).ifPresent(out::add);
        List<ContainerInstance> sidecar = t.runs(SIDECAR);
        sidecarRestarted(o, sidecar, f).ifPresent(out::add);
        useFailedWhileDown(o, sidecar).ifPresent(out::add);
        t.step(MAIN, "Recovered").ifPresent(e -> out.add(new Finding(FindingKind.CLIENT_RECOVERED,
                "main's client retried and recovered at " + at(o, e.time()) + ": " + e.detail())));
        statusReset(o).ifPresent(out::add);
        slowTermination(o, f).ifPresent(out::add);
        termOrder(o, f).ifPresent(out::add);
        if (f.jobAfterPodSeconds() != null && f.jobAfterPodSeconds() < -JOB_AHEAD_SECONDS) {
            out.add(new Finding(FindingKind.JOB_BEFORE_POD, String.format(Locale.ROOT,
                    "the Job was %s %.1fs before the pod was %s", f.jobCondition(), -f.jobAfterPodSeconds(),
                    o.deleteRequestedAt() != null ? "gone" : "terminal")));
        }
        containerOutput(o, MAIN).ifPresent(out::add);
        sidecars(t).forEach(c -> containerOutput(o, c).ifPresent(out::add));
        TerminationFindings.add(o, f, out);
        return out;
    }

    /** Main wrote a Waiting line: its first check of the service (bounded by the check timeout) failed. */
    private static Optional<Finding> raceAtStart(Timeline t, Figures f) {
        if (!t.hadToWait(MAIN)) {
            return Optional.empty();
        }
        String when = t.ready(SIDECAR).isEmpty() ? "; the sidecar never said Ready"
                : f.mainStartedBeforeReadySeconds() != null
                ? "; main began " + secs(f.mainStartedBeforeReadySeconds()) + " before the sidecar's first Ready line"
                : "; main began after the sidecar's first Ready line";
        return Optional.of(new Finding(FindingKind.RACE_AT_START, "main's first check found the sidecar not answering" + when));
    }

    /** The sidecar has more than one instance on the timeline, or the API counted a restart. */
    private static Optional<Finding> sidecarRestarted(Observation o, List<ContainerInstance> runs, Figures f) {
        if (f.sidecarRestarts() == null || f.sidecarRestarts() == 0) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("sidecar restarted ").append(f.sidecarRestarts())
                .append(f.sidecarRestarts() == 1 ? " time" : " times");
        if (!runs.isEmpty() && runs.get(0).end().isPresent()) {
            sb.append(" (first ended ").append(at(o, FigureRules.killedAt(o.timeline(), runs.get(0)).orElseThrow()))
                    .append(": ").append(runs.get(0).howItEnded()).append(')');
        }
        boolean readyAgain = runs.size() > 1 && runs.get(runs.size() - 1).ready().isPresent();
        if (f.sidecarDownSeconds() != null) {
            sb.append("; down ").append(secs(f.sidecarDownSeconds()))
                    .append(readyAgain ? " until Ready again" : ", never Ready again");
        }
        if (f.mainStartedAfterSidecarRestartSeconds() != null) {
            sb.append("; main started ").append(secs(f.mainStartedAfterSidecarRestartSeconds()))
                    .append(" after the sidecar's instance beside it began (a restart)");
        } else if (runs.size() > 1 && o.timeline().started(MAIN).isEmpty()) {
            sb.append("; main never started");
        }
        return Optional.of(new Finding(FindingKind.SIDECAR_RESTARTED, sb.toString()));
    }

    /**
     * Main's failed use (its first line about it: a busy spell's Interrupted, a Retrying, or Exiting 4) falls inside
     * one of the sidecar's down intervals.
     */
    private static Optional<Finding> useFailedWhileDown(Observation o, List<ContainerInstance> runs) {
        List<FigureRules.Down> downs = FigureRules.downs(o, runs);
        Optional<TimelineEvent> failedUse = o.timeline().first(e -> e.container().equals(MAIN)
                && ((e.kind() == EventKind.STEP && (e.detail().startsWith("Retrying") || e.detail().startsWith("Interrupted")))
                || (e.kind() == EventKind.EXITING && e.detail().startsWith("4"))));
        if (failedUse.isEmpty()) {
            return Optional.empty();
        }
        Instant when = failedUse.get().time();
        return downs.stream().filter(d -> d.contains(when)).findFirst().map(d -> new Finding(FindingKind.USE_FAILED_WHILE_DOWN,
                "main's use of the sidecar failed at " + at(o, when) + " while the sidecar was down (" + at(o, d.from())
                        + (d.datedByKubelet() ? ", the second the kubelet dates its kill," : "") + " to " + at(o, d.to()) + ")"
                        + (o.timeline().step(MAIN, "Retrying").isPresent() ? "; main retried" : "; main gave up")));
    }

    /**
     * A container's Started or Ready flag (pod status) went false after it had been true and came back true, with no
     * end of the container in between: the kubelet reset its view of a container that kept running (e.g. after a
     * kubelet restart). A flag that goes false and stays false (the end of a pod) is not this.
     */
    private static Optional<Finding> statusReset(Observation o) {
        Timeline t = o.timeline();
        List<String> parts = new ArrayList<>();
        for (String c : t.containers()) {
            EventKind begins = t.instanceStart(c);
            for (String flag : List.of("started", "ready")) {
                boolean wasTrue = false;
                Instant falseAt = null;
                int instance = 0;
                for (TimelineEvent e : t.events()) {
                    if (!e.container().equals(c)) {
                        continue;
                    }
                    if (e.kind() == begins) {
                        instance++;
                    }
                    if (e.kind() == EventKind.TERMINATED || e.kind() == EventKind.EXITING || e.kind() == begins) {
                        wasTrue = false;
                        falseAt = null;
                    } else if (e.kind() == EventKind.STATUS && e.detail().equals(flag + "=true")) {
                        if (falseAt != null) {
                            parts.add(c + "'s " + (flag.equals("started") ? "Started" : "Ready") + " false at "
                                    + at(o, falseAt) + " for " + secs(seconds(falseAt, e.time()))
                                    + (instance > 1 ? " (its instance " + instance + ")" : ""));
                        }
                        wasTrue = true;
                        falseAt = null;
                    } else if (e.kind() == EventKind.STATUS && e.detail().equals(flag + "=false") && wasTrue && falseAt == null) {
                        falseAt = e.time();
                    }
                }
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(new Finding(FindingKind.STATUS_RESET,
                String.join(", ", parts) + ", then true again, while that instance of the container kept running"));
    }

    /** After the deletion, the pod took at least its grace period, less {@link #GRACE_TOLERANCE}, to go. */
    private static Optional<Finding> slowTermination(Observation o, Figures f) {
        if (o.deleteRequestedAt() == null || f.terminationSeconds() == null || o.gracePeriodSeconds() == null) {
            return Optional.empty();
        }
        Duration took = Duration.ofMillis((long) (f.terminationSeconds() * 1000));
        if (took.compareTo(Duration.ofSeconds(o.gracePeriodSeconds()).minus(GRACE_TOLERANCE)) < 0) {
            return Optional.empty();
        }
        // Containers that ended at the same time (the kubelet dates an end to the second) are all named, by name:
        // the finding must read the same from the stored figures as when the run decided it.
        java.util.Map<String, Double> ends = f.exitAfterDeletionSeconds();
        String last = ends.values().stream().max(Double::compare).map(latest -> {
            List<String> names = ends.entrySet().stream().filter(e -> e.getValue().equals(latest))
                    .map(java.util.Map.Entry::getKey).sorted().toList();
            return names.size() == 1
                    ? String.format(Locale.ROOT, "; the last container to end was %s, %.1fs after the deletion", names.get(0), latest)
                    : String.format(Locale.ROOT, "; the last containers to end were %s and %s, each %.1fs after the deletion",
                            String.join(", ", names.subList(0, names.size() - 1)), names.get(names.size() - 1), latest);
        }).orElse("");
        return Optional.of(new Finding(FindingKind.SLOW_TERMINATION, String.format(Locale.ROOT,
                "the pod took %.1fs to go after deletion with a %ds grace period", f.terminationSeconds(),
                o.gracePeriodSeconds()) + last));
    }

    /**
     * Containers' SIGTERM lines after the deletion, in order of arrival; each sidecar's relative to main's exit; with
     * several sidecars, how their SIGTERMs relate to each other's exits; and when preStop hooks began.
     */
    private static Optional<Finding> termOrder(Observation o, Figures f) {
        Map<String, Double> term = f.termAfterDeletionSeconds();
        if (term.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Instant> lines = FigureRules.termLines(o);
        StringBuilder sb = new StringBuilder("after deletion, SIGTERM reached ");
        // in order of arrival on the containers' own clocks, not of the rounded figures
        lines.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .forEach(e -> sb.append(e.getKey()).append(" at +").append(secs(term.get(e.getKey()))).append(", "));
        sb.setLength(sb.length() - 2);
        List<String> sidecars = sidecars(o.timeline());
        boolean one = sidecars.size() == 1;
        List<String> silent = new ArrayList<>();
        for (String sidecar : sidecars) {
            Instant line = lines.get(sidecar);
            if (line == null) {
                silent.add(sidecar);
            } else {
                relativeToMainExit(o, one ? "the sidecar" : sidecar, line).ifPresent(sb::append);
            }
        }
        if (!silent.isEmpty() && term.containsKey(MAIN)) {
            sb.append("; ").append(one ? "the sidecar" : String.join(", ", silent)).append(" wrote no SIGTERM line");
        }
        if (sidecars.size() > 1) {
            sb.append(sidecarsAmongThemselves(o, sidecars, lines));
        }
        preStops(o).ifPresent(sb::append);
        return Optional.of(new Finding(FindingKind.TERM_ORDER, sb.toString()));
    }

    /** The containers other than main that ran, in the order they first started (the first sidecar alone if none did). */
    static List<String> sidecars(Timeline t) {
        List<String> out = t.containers().stream().filter(c -> !c.equals(MAIN)).toList();
        return out.isEmpty() ? List.of(SIDECAR) : out;
    }

    private static Optional<String> relativeToMainExit(Observation o, String who, Instant termLine) {
        Optional<ContainerInstance> last = o.timeline().lastRun(MAIN);
        Optional<Instant> mainEnd = last.flatMap(ContainerInstance::end);
        if (mainEnd.isEmpty()) {
            return Optional.empty();
        }
        double termAt = seconds(o.deleteRequestedAt(), termLine);
        double mainEnded = seconds(o.deleteRequestedAt(), mainEnd.get());
        if (last.get().endExact()) {
            // both on the containers' clocks: an order within the margin is none the clocks resolve
            double exact = Duration.between(mainEnd.get(), termLine).toMillis() / 1000.0;
            if (Math.abs(exact) < ORDER_MARGIN) {
                return Optional.of("; " + who + " got it as main exited (within " + Math.round(ORDER_MARGIN * 1000)
                        + " ms: no order the clocks resolve)");
            }
            // under a tenth of a second in milliseconds, so that a resolved order never reads "0.0s"
            String gap = Math.abs(exact) < 0.1 ? Math.round(Math.abs(exact) * 1000) + " ms"
                    : secs(Math.round(Math.abs(exact) * 10) / 10.0);
            return Optional.of("; " + who + " got it " + gap + (exact >= 0 ? " after" : " before") + " main exited");
        }
        // A main killed without an Exiting line ended between the kubelet's finishedAt (whole seconds) and the report.
        double earliest = seconds(o.deleteRequestedAt(), last.get().endEarliest().orElse(mainEnd.get()));
        if (termAt < earliest) {
            return Optional.of("; " + who + " got it at least " + secs(Math.round((earliest - termAt) * 10) / 10.0)
                    + " before main was killed (the kubelet dates main's end to the second from +" + secs(earliest) + ")");
        }
        if (termAt > mainEnded) {
            return Optional.of("; " + who + " got it " + secs(Math.round((termAt - mainEnded) * 10) / 10.0)
                    + " after the kubelet reported main killed");
        }
        return Optional.of("; main was killed without an Exiting line, between +" + secs(earliest) + " and +" + secs(mainEnded)
                + ": the order of " + who + "'s SIGTERM and main's end is unknown");
    }

    /**
     * Several sidecars: did each get SIGTERM only after the sidecar started after it had ended, compared on the
     * containers' own exact times (each one's SIGTERM line against the next one's Exiting line). A gap within
     * {@link #ORDER_MARGIN} either way is no order the clocks resolve; the chain's drain (each sidecar serves on after
     * its SIGTERM) makes a real reverse order a positive gap and a stop all at once a negative one of about the drain.
     */
    private static String sidecarsAmongThemselves(Observation o, List<String> sidecars, Map<String, Instant> lines) {
        if (!sidecars.stream().allMatch(lines::containsKey)) {
            return "";
        }
        double smallest = Double.MAX_VALUE;
        for (int i = 0; i + 1 < sidecars.size(); i++) {
            Optional<Instant> laterEnded = o.timeline().ended(sidecars.get(i + 1));
            Instant term = lines.get(sidecars.get(i));
            double gap = laterEnded.map(e -> Duration.between(e, term).toMillis() / 1000.0).orElse(-Double.MAX_VALUE);
            smallest = Math.min(smallest, gap);
        }
        String started = String.join(", ", sidecars);
        Instant first = sidecars.stream().map(lines::get).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = sidecars.stream().map(lines::get).max(Comparator.naturalOrder()).orElseThrow();
        String within = "all within " + secs(seconds(first, last)) + ", start order " + started;
        if (smallest >= ORDER_MARGIN) {
            return "; each sidecar got it only after the one started after it had ended (" + within + ")";
        }
        if (smallest <= -ORDER_MARGIN) {
            return "; the sidecars got it not each after the one started after it had ended (" + within + ")";
        }
        return "; whether each sidecar got it after the one started after it had ended is within the clocks' margin ("
                + Math.round(ORDER_MARGIN * 1000) + " ms; " + within + ")";
    }

    /** Containers' PreStop lines (their preStop hooks) after the deletion, in order. */
    private static Optional<String> preStops(Observation o) {
        List<String> at = o.timeline().events().stream()
                .filter(e -> e.kind() == EventKind.STEP && e.detail().startsWith("PreStop")
                        && !e.time().isBefore(o.deleteRequestedAt().minusSeconds(1)))
                .map(e -> e.container() + " +" + secs(seconds(o.deleteRequestedAt(), e.time()))).toList();
        return at.isEmpty() ? Optional.empty() : Optional.of("; preStop hooks began: " + String.join(", ", at));
    }

    /** A container whose last instance ended non-zero wrote other output just before: keep it (dockerd's tail, an error). */
    private static Optional<Finding> containerOutput(Observation o, String container) {
        List<ContainerInstance> runs = o.timeline().runs(container);
        Optional<ContainerInstance> failed = runs.stream().filter(r -> r.exitLine() != null && !r.exitLine().detail().startsWith("0")
                && !r.exitLine().detail().contains("SIGTERM")).findFirst();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        Instant exit = failed.get().exitLine().time();
        Instant start = failed.get().start();
        return o.timeline().last(e -> e.container().equals(container) && e.kind() == EventKind.OUTPUT
                && !e.time().isAfter(exit) && !e.time().isBefore(start))
                .map(e -> new Finding(FindingKind.CONTAINER_OUTPUT, container + " wrote before exit "
                        + failed.get().exitLine().detail() + ": " + shorten(e.detail(), 240)));
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
