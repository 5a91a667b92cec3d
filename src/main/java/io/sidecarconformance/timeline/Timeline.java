package io.sidecarconformance.timeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One scenario's observations, merged and time-sorted, with the relations the verdict and the steps ask about.
 * Safe to add to from watch and log threads while others read.
 */
public final class Timeline {

    private final Set<TimelineEvent> events = new LinkedHashSet<>();

    public synchronized void add(TimelineEvent event) {
        events.add(event);
    }

    public synchronized List<TimelineEvent> events() {
        List<TimelineEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(TimelineEvent::time));
        return sorted;
    }

    public static Timeline of(List<TimelineEvent> events) {
        Timeline t = new Timeline();
        events.forEach(t::add);
        return t;
    }

    public Optional<TimelineEvent> first(Predicate<TimelineEvent> p) {
        return events().stream().filter(p).findFirst();
    }

    public Optional<TimelineEvent> last(Predicate<TimelineEvent> p) {
        List<TimelineEvent> all = events();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (p.test(all.get(i))) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** When the container first began: its own Starting line, else the kubelet's running report. */
    public Optional<Instant> started(String container) {
        return first(e -> e.container().equals(container) && e.kind() == EventKind.STARTING).map(TimelineEvent::time)
                .or(() -> first(e -> e.container().equals(container) && e.kind() == EventKind.RUNNING).map(TimelineEvent::time));
    }

    /** When the container first said its service answers. */
    public Optional<Instant> ready(String container) {
        return first(e -> e.container().equals(container) && e.kind() == EventKind.READY).map(TimelineEvent::time);
    }

    /** When the container last ended, as the kubelet reported it (else its own Exiting line). */
    public Optional<Instant> ended(String container) {
        return last(e -> e.container().equals(container) && e.kind() == EventKind.TERMINATED).map(TimelineEvent::time)
                .or(() -> last(e -> e.container().equals(container) && e.kind() == EventKind.EXITING).map(TimelineEvent::time));
    }

    /** a began before b began. */
    public boolean startsBefore(String a, String b) {
        Optional<Instant> sa = started(a);
        Optional<Instant> sb = started(b);
        return sa.isPresent() && (sb.isEmpty() || sa.get().isBefore(sb.get()));
    }

    /** a began before b was ready (or b never became ready while a had begun). */
    public boolean startsBeforeReady(String a, String b) {
        Optional<Instant> sa = started(a);
        Optional<Instant> rb = ready(b);
        return sa.isPresent() && (rb.isEmpty() || sa.get().isBefore(rb.get()));
    }

    /** The container reported that it had to wait (its first look found what it needs not ready). */
    public boolean hadToWait(String container) {
        return first(e -> e.container().equals(container) && e.kind() == EventKind.STEP && e.detail().startsWith("Waiting"))
                .isPresent();
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

    /** The Job's first terminal condition (Complete or Failed). */
    public Optional<TimelineEvent> jobTerminal() {
        return first(e -> e.kind() == EventKind.JOB
                && (e.detail().startsWith("Complete") || e.detail().startsWith("Failed")));
    }

    /** a ended before b ended (or b never ended). */
    public boolean exitsBefore(String a, String b) {
        Optional<Instant> ea = ended(a);
        Optional<Instant> eb = ended(b);
        return ea.isPresent() && (eb.isEmpty() || ea.get().isBefore(eb.get()));
    }

    /** Both ran at some common moment. */
    public boolean runTogether(String a, String b) {
        Optional<Instant> sa = started(a);
        Optional<Instant> sb = started(b);
        if (sa.isEmpty() || sb.isEmpty()) {
            return false;
        }
        Instant endA = ended(a).orElse(Instant.MAX);
        Instant endB = ended(b).orElse(Instant.MAX);
        return sa.get().isBefore(endB) && sb.get().isBefore(endA);
    }

    /** The container began more than once (its script started again, or the kubelet counted a restart). */
    public boolean restarted(String container) {
        long starts = events().stream().filter(e -> e.container().equals(container) && e.kind() == EventKind.STARTING).count();
        boolean counted = events().stream().anyMatch(e -> e.container().equals(container)
                && e.kind() == EventKind.STATUS && e.detail().startsWith("restartCount="));
        return starts > 1 || counted;
    }

    public Optional<Duration> between(Optional<Instant> from, Optional<Instant> to) {
        return from.isPresent() && to.isPresent() ? Optional.of(Duration.between(from.get(), to.get())) : Optional.empty();
    }

    /** The whole timeline, one event a line, offsets from the first event: for failure messages and logs. */
    public String render() {
        List<TimelineEvent> all = events();
        if (all.isEmpty()) {
            return "(empty timeline)";
        }
        Instant t0 = all.get(0).time();
        StringBuilder sb = new StringBuilder();
        for (TimelineEvent e : all) {
            double offset = Duration.between(t0, e.time()).toNanos() / 1e9;
            sb.append(String.format(Locale.ROOT, "%+9.3fs  %-8s %-10s %-6s %s%n", offset, e.container(), e.kind(), e.source(), e.detail()));
        }
        return sb.toString();
    }
}
