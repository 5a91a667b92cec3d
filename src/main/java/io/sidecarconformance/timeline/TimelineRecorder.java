package io.sidecarconformance.timeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;

/** Collects a running scenario's observations from watch and log threads; hands out immutable snapshots. */
public final class TimelineRecorder {

    private final Set<TimelineEvent> events = new LinkedHashSet<>();

    public synchronized void add(TimelineEvent event) {
        events.add(event);
    }

    public synchronized Timeline snapshot() {
        return Timeline.of(new ArrayList<>(events));
    }
}
