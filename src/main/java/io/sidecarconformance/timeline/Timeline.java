package io.sidecarconformance.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One immutable snapshot of a scenario's observations, time-sorted and deduplicated, with the relations the
 * verdict, the end-of-observation policy and the steps ask about. The rules decide on one snapshot, and
 * results.json stores that same snapshot. {@link TimelineRecorder} collects events while a scenario runs.
 */
public final class Timeline {

    private static final Timeline EMPTY = new Timeline(List.of());

    private final List<TimelineEvent> events;
    /** The snapshot never changes, so each container's instances are split once. */
    private final Map<String, List<ContainerInstance>> runs = new ConcurrentHashMap<>();

    private Timeline(List<TimelineEvent> sortedDistinct) {
        this.events = sortedDistinct;
    }

    public static Timeline of(List<TimelineEvent> events) {
        List<TimelineEvent> sorted = new ArrayList<>(new LinkedHashSet<>(events));
        sorted.sort(Comparator.comparing(TimelineEvent::time));
        return new Timeline(List.copyOf(sorted));
    }

    public static Timeline empty() {
        return EMPTY;
    }

    public List<TimelineEvent> events() {
        return events;
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }

    public Optional<TimelineEvent> first(Predicate<TimelineEvent> p) {
        return events.stream().filter(p).findFirst();
    }

    public Optional<TimelineEvent> last(Predicate<TimelineEvent> p) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (p.test(events.get(i))) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    /** Every instance of the container, in order (see {@link ContainerInstances}); computed once per container. */
    public List<ContainerInstance> runs(String container) {
        return runs.computeIfAbsent(container, c -> ContainerInstances.of(events, c));
    }

    /**
     * What begins each of the container's instances: its Starting line, or for a container that writes none (a user's
     * workload), the kubelet's running report.
     */
    public EventKind instanceStart(String container) {
        return ContainerInstances.startKind(events.stream().filter(e -> e.container().equals(container)).toList());
    }

    /** The container's last instance, if it ever ran. */
    public Optional<ContainerInstance> lastRun(String container) {
        List<ContainerInstance> all = runs(container);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The containers that ran (a Starting line or the kubelet's running report), in the order they first did. */
    public List<String> containers() {
        return events.stream().filter(e -> e.kind() == EventKind.STARTING || e.kind() == EventKind.RUNNING)
                .map(TimelineEvent::container).distinct().toList();
    }

    /** When the container first began: its own Starting line, else the kubelet's running report. */
    public Optional<Instant> started(String container) {
        return runs(container).stream().findFirst().map(ContainerInstance::start);
    }

    /** When the container first said its service answers. */
    public Optional<Instant> ready(String container) {
        return first(e -> e.container().equals(container) && e.kind() == EventKind.READY).map(TimelineEvent::time);
    }

    /**
     * When the container's last instance ended: its own Exiting line (its clock, precise), else the kubelet's
     * termination report; empty while that instance runs.
     */
    public Optional<Instant> ended(String container) {
        return lastRun(container).flatMap(ContainerInstance::end);
    }

    /** When the runner saw the container's last instance end (its own clock): for windows, never for figures. */
    public Optional<Instant> endObserved(String container) {
        return lastRun(container).flatMap(ContainerInstance::endObserved);
    }

    /** The container reported that it had to wait (its first look found what it needs not ready). */
    public boolean hadToWait(String container) {
        return step(container, "Waiting").isPresent();
    }

    /** The container's first step line starting with {@code word} (Waiting, Retrying, Recovered, ...). */
    public Optional<TimelineEvent> step(String container, String word) {
        return first(e -> e.container().equals(container) && e.kind() == EventKind.STEP && e.detail().startsWith(word));
    }

    /** The pod's first terminal phase (Succeeded or Failed), as the kubelet reported it. */
    public Optional<TimelineEvent> podTerminal() {
        return first(e -> e.kind() == EventKind.PHASE
                && (e.detail().startsWith("Succeeded") || e.detail().startsWith("Failed")));
    }

    /** The moment the pod was gone from the API. */
    public Optional<TimelineEvent> podGone() {
        return first(e -> e.kind() == EventKind.DELETED);
    }

    /** The pod's end: terminal phase, else its disappearance. */
    public Optional<TimelineEvent> podEnd() {
        return podTerminal().or(this::podGone);
    }

    /** The Job's first terminal condition (Complete or Failed). */
    public Optional<TimelineEvent> jobTerminal() {
        return first(e -> e.kind() == EventKind.JOB
                && (e.detail().startsWith("Complete") || e.detail().startsWith("Failed")));
    }

    /** The last pod phase seen, or "unknown". */
    public String lastPhase() {
        return last(e -> e.kind() == EventKind.PHASE).map(TimelineEvent::detail).orElse("unknown");
    }

    /** Some container ran (the kubelet said so, or a script said it was starting). */
    public boolean anyContainerStarted() {
        return first(e -> e.kind() == EventKind.RUNNING || e.kind() == EventKind.STARTING).isPresent();
    }

    /** The whole timeline, one event a line, offsets from the first event: for failure messages and logs. */
    public String render() {
        if (events.isEmpty()) {
            return "(empty timeline)";
        }
        Instant t0 = events.get(0).time();
        StringBuilder sb = new StringBuilder();
        for (TimelineEvent e : events) {
            double offset = Duration.between(t0, e.time()).toNanos() / 1e9;
            sb.append(String.format(Locale.ROOT, "%+9.3fs  %-8s %-10s %-6s %s%n", offset, e.container(), e.kind(), e.source(), e.detail()));
        }
        return sb.toString();
    }
}
