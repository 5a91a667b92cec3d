package io.sidecarconformance.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a container's events into its instances. Each instance begins with a Starting line (or, for a container
 * that writes none, the kubelet's running report); its Ready and Exiting lines are those before the next start.
 * A container that writes no lines of its own (a user's workload) has no Ready line: its instance's Ready is the
 * pod status's {@code ready=true} for it, the first one the status did not take back with a {@code started=false}
 * while that instance ran (the kubelet reports a restarted container Started and Ready until its probe worker is
 * back, then withdraws both until the probe passes: that first Ready was not the container's).
 * The kubelet reports each termination once and in order, so the n-th termination report closes the n-th instance
 * even when it arrives after the next instance has started (a quick restart).
 */
final class ContainerInstances {

    private ContainerInstances() {
    }

    static List<ContainerInstance> of(List<TimelineEvent> sorted, String container) {
        List<TimelineEvent> mine = sorted.stream().filter(e -> e.container().equals(container)).toList();
        EventKind startKind = startKind(mine);
        boolean hasLines = startKind == EventKind.STARTING;
        List<TimelineEvent> terminations = mine.stream().filter(e -> e.kind() == EventKind.TERMINATED).toList();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            if (mine.get(i).kind() == startKind) {
                starts.add(i);
            }
        }
        List<ContainerInstance> runs = new ArrayList<>();
        for (int n = 0; n < starts.size(); n++) {
            int from = starts.get(n);
            int to = n + 1 < starts.size() ? starts.get(n + 1) : mine.size();
            TimelineEvent ready = null;
            TimelineEvent exit = null;
            for (TimelineEvent e : mine.subList(from, to)) {
                if (e.kind() == EventKind.READY && ready == null) {
                    ready = e;
                } else if (e.kind() == EventKind.EXITING && exit == null) {
                    exit = e;
                }
            }
            TimelineEvent term = n < terminations.size() ? terminations.get(n) : null;
            if (!hasLines) {
                ready = statusReady(mine.subList(from, to), term);
            }
            runs.add(new ContainerInstance(mine.get(from).time(), ready == null ? null : ready.time(), exit, term,
                    exit != null ? exit.time() : term == null ? null : term.time(),
                    term != null ? term.observedAt() : exit == null ? null : exit.observedAt()));
        }
        return runs;
    }

    /** What begins an instance of the container whose events these are: its Starting line, else the running report. */
    static EventKind startKind(List<TimelineEvent> mine) {
        return mine.stream().anyMatch(e -> e.kind() == EventKind.STARTING) ? EventKind.STARTING : EventKind.RUNNING;
    }

    /** The first ready=true of an instance's status not followed by a started=false before its termination report. */
    private static TimelineEvent statusReady(List<TimelineEvent> instance, TimelineEvent term) {
        TimelineEvent ready = null;
        for (TimelineEvent e : instance) {
            if (term != null && !e.time().isBefore(term.time())) {
                break; // the status's flags at its end
            }
            if (e.kind() == EventKind.STATUS && e.detail().equals("ready=true") && ready == null) {
                ready = e;
            } else if (e.kind() == EventKind.STATUS && e.detail().equals("started=false")) {
                ready = null;
            }
        }
        return ready;
    }
}
