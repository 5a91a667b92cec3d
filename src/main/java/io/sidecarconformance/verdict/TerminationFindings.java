package io.sidecarconformance.verdict;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.ReadyAfterDeletion;
import io.sidecarconformance.timeline.ContainerInstance;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.PodStatusTracker;
import io.sidecarconformance.timeline.SuiteActions;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sidecarconformance.verdict.Times.at;
import static io.sidecarconformance.verdict.Times.seconds;
import static io.sidecarconformance.verdict.Times.secs;

/**
 * What was seen of how the pod was stopped, beyond the TERM order: an eviction the API refused, whether the sidecar
 * answered main while main drained after its SIGTERM, a stop signal other than SIGTERM, and how the Ready of containers
 * with a readinessProbe went after the deletion. One rule per finding kind.
 */
final class TerminationFindings {

    private static final String MAIN = Role.MAIN.containerName();
    private static final String SIDECAR = Role.SIDECAR.containerName();
    /** Main's lines while it drains (main.sh): "Draining use 3" when a use begins, "Draining use 3 ok|failed" when it ends. */
    private static final Pattern DRAIN_USE = Pattern.compile("Draining use (\\d+)(?: (ok|failed))?");
    /** A signal named in a container's line, e.g. "138 SIGUSR1". */
    private static final Pattern SIGNAL = Pattern.compile("\\bSIG[A-Z0-9+]+");
    private static final String SIGTERM = "SIGTERM";
    /** The kubelet's Event when a readiness probe fails or errors, as the timeline records it. */
    private static final String READINESS_EVENT = "Unhealthy: Readiness probe";

    private TerminationFindings() {
    }

    static void add(Observation o, Figures f, List<Finding> out) {
        evictionRefused(o).ifPresent(out::add);
        sidecarInDrain(o).ifPresent(out::add);
        stopSignal(o).ifPresent(out::add);
        readyInGrace(o, f).ifPresent(out::add);
    }

    /**
     * The readyAfterDeletion figure in words, main first, the pod last; with each container's first readiness probe
     * Event after the deletion (the kubelet's Unhealthy Event: the probe failed, or errored), which says whether the
     * probe ran and what it met.
     */
    static Optional<Finding> readyInGrace(Observation o, Figures f) {
        Map<String, ReadyAfterDeletion> ready = f.readyAfterDeletion();
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        List<String> subjects = ready.keySet().stream().sorted(Comparator
                .comparing((String c) -> c.equals(PodStatusTracker.POD) ? 2 : c.equals(MAIN) ? 0 : 1)
                .thenComparing(Comparator.naturalOrder())).toList();
        List<String> parts = new ArrayList<>();
        for (String c : subjects) {
            StringBuilder sb = new StringBuilder(c).append(' ').append(ready.get(c).words(c));
            o.timeline().first(e -> e.container().equals(c) && e.kind() == EventKind.EVENT
                            && e.detail().startsWith(READINESS_EVENT) && e.time().isAfter(o.deleteRequestedAt()))
                    .ifPresent(e -> sb.append(" (its first readiness probe Event after the deletion, ")
                            .append(signed(seconds(o.deleteRequestedAt(), e.time()))).append(": ")
                            .append(e.detail().substring("Unhealthy: ".length()).strip()).append(')'));
            parts.add(sb.toString());
        }
        return Optional.of(new Finding(FindingKind.READY_IN_GRACE, "after the deletion: " + String.join("; ", parts)));
    }

    /** The suite's line saying the API refused its eviction, with what the fault knew of why. */
    static Optional<Finding> evictionRefused(Observation o) {
        return o.timeline().first(e -> e.kind() == EventKind.ACTION && e.detail().startsWith(SuiteActions.EVICTION_REFUSED))
                .map(e -> new Finding(FindingKind.EVICTION_REFUSED, "at " + at(o, e.time()) + ", " + e.detail()));
    }

    /**
     * Main's uses of the sidecar between its Terminating line and its end (main stops its drain at its exit): gone when
     * a use failed, or when a use was still unanswered at main's end, the sidecar had said it got SIGTERM before main
     * ended (it was stopping while the use waited) and the use had waited longer than the slowest use to end (answered
     * ok or failed) took (or none ended); served when at least one use was answered ok and neither holds; undecided when no use ended
     * at all and the sidecar had not said SIGTERM by main's end. A use still in flight at main's end while the sidecar
     * had not said SIGTERM says nothing either way: how long a use takes depends on the node's load.
     */
    static Optional<Finding> sidecarInDrain(Observation o) {
        Timeline t = o.timeline();
        Optional<TimelineEvent> term = t.step(MAIN, "Terminating");
        if (term.isEmpty()) {
            return Optional.empty();
        }
        Instant from = term.get().time();
        Optional<Instant> mainEnd = t.lastRun(MAIN).flatMap(ContainerInstance::end);
        Instant end = mainEnd.orElse(o.endedAt());
        TreeMap<Integer, TimelineEvent> begun = new TreeMap<>();
        TreeMap<Integer, TimelineEvent> answered = new TreeMap<>();
        for (TimelineEvent e : t.events()) {
            Matcher m = DRAIN_USE.matcher(e.detail());
            if (e.container().equals(MAIN) && e.kind() == EventKind.STEP && !e.time().isBefore(from)
                    && mainEnd.map(me -> !e.time().isAfter(me)).orElse(true) && m.matches()) {
                (m.group(2) == null ? begun : answered).put(Integer.parseInt(m.group(1)), e);
            }
        }
        if (begun.isEmpty()) {
            return Optional.empty();
        }
        Optional<TimelineEvent> failed = answered.values().stream().filter(e -> e.detail().endsWith("failed")).findFirst();
        Optional<Instant> sidecarTerm = t.first(e -> e.container().equals(SIDECAR)
                        && (e.kind() == EventKind.STEP || e.kind() == EventKind.EXITING)
                        && e.detail().contains(SIGTERM) && !e.time().isBefore(from.minusSeconds(1)))
                .map(TimelineEvent::time);
        int last = begun.lastKey();
        Optional<Double> waiting = answered.containsKey(last) ? Optional.empty()
                : Optional.of(seconds(begun.get(last).time(), end));
        double slowest = answered.entrySet().stream().filter(a -> begun.containsKey(a.getKey()))
                .mapToDouble(a -> seconds(begun.get(a.getKey()).time(), a.getValue().time())).max().orElse(0);
        boolean stoppingWhileWaiting = sidecarTerm.filter(st -> !st.isAfter(end)).isPresent()
                && waiting.filter(w -> answered.isEmpty() || w > slowest).isPresent();
        long ok = answered.values().stream().filter(e -> e.detail().endsWith("ok")).count();
        FindingKind kind = failed.isPresent() || stoppingWhileWaiting ? FindingKind.SIDECAR_GONE_IN_DRAIN
                : ok == 0 ? FindingKind.SIDECAR_DRAIN_UNDECIDED : FindingKind.SIDECAR_SERVED_DRAIN;
        StringBuilder sb = new StringBuilder("while main drained after its SIGTERM (" + at(o, from) + "), it began "
                + begun.size() + (begun.size() == 1 ? " use" : " uses") + " of the sidecar: " + ok + " answered ok");
        failed.ifPresent(f -> sb.append("; use ").append(answered.entrySet().stream().filter(a -> a.getValue() == f)
                .findFirst().orElseThrow().getKey()).append(" failed ").append(after(from, f.time())).append(" after main's SIGTERM"));
        waiting.ifPresent(w -> sb.append("; use ").append(last).append(", begun ").append(after(from, begun.get(last).time()))
                .append(" after main's SIGTERM, had no answer when main ended, ").append(secs(w)).append(" later").append(answered.isEmpty() ? "" : " (the slowest use to end took " + secs(slowest) + ")"));
        mainEnd.ifPresent(me -> sb.append("; main ended ").append(after(from, me)).append(" after its SIGTERM"));
        sb.append(sidecarTerm.map(st -> "; the sidecar said SIGTERM " + signed(seconds(from, st)) + " from main's"
                + (st.isAfter(end) ? ", after main ended" : ", before main ended")).orElse("; the sidecar said no SIGTERM"));
        return Optional.of(new Finding(kind, sb.toString()));
    }

    /**
     * Per container: a stop signal other than SIGTERM that the kubelet reported in effect (its status), or that the
     * container said it got after the deletion (the first of its lines that names a signal). Each such container with
     * what it reported, what it said, and how it ended.
     */
    static Optional<Finding> stopSignal(Observation o) {
        Timeline t = o.timeline();
        List<String> parts = new ArrayList<>();
        for (String c : t.containers()) {
            Optional<String> reported = t.last(e -> e.container().equals(c) && e.kind() == EventKind.STATUS
                    && e.detail().startsWith(PodStatusTracker.STOP_SIGNAL))
                    .map(e -> e.detail().substring(PodStatusTracker.STOP_SIGNAL.length()));
            Optional<TimelineEvent> said = o.deleteRequestedAt() == null ? Optional.empty()
                    : t.first(e -> e.container().equals(c) && (e.kind() == EventKind.STEP || e.kind() == EventKind.EXITING)
                    && !e.time().isBefore(o.deleteRequestedAt().minusSeconds(1)) && SIGNAL.matcher(e.detail()).find());
            Optional<String> got = said.map(e -> {
                Matcher m = SIGNAL.matcher(e.detail());
                return m.find() ? m.group() : SIGTERM;
            });
            if (reported.filter(s -> !s.equals(SIGTERM)).isEmpty() && got.filter(s -> !s.equals(SIGTERM)).isEmpty()) {
                continue;
            }
            StringBuilder sb = new StringBuilder(c).append(": the kubelet reported ")
                    .append(reported.map(s -> "stop signal " + s).orElse("no stop signal"));
            if (said.isPresent()) {
                sb.append("; it said ").append(got.get()).append(' ').append(afterDeletion(o, said.get().time()));
            } else {
                sb.append("; it wrote no line naming a signal and ended ")
                        .append(t.lastRun(c).flatMap(ContainerInstance::end).map(end -> t.lastRun(c).get().howItEnded()
                                + " " + afterDeletion(o, end)).orElse("not at all while observed"));
            }
            parts.add(sb.toString());
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(new Finding(FindingKind.STOP_SIGNAL, String.join("; ", parts)));
    }

    private static String afterDeletion(Observation o, Instant time) {
        return o.deleteRequestedAt() == null ? "at " + at(o, time) : signed(seconds(o.deleteRequestedAt(), time)) + " after the deletion";
    }

    private static String after(Instant from, Instant to) {
        return secs(seconds(from, to));
    }

    private static String signed(double s) {
        return (s >= 0 ? "+" : "") + secs(s);
    }
}
