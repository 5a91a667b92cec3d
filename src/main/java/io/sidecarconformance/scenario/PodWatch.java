package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.Pod;
import io.sidecarconformance.timeline.ContainerNames;
import io.sidecarconformance.timeline.PodObserver;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The watch step: watches the Job, its pod and their events into the run's timeline from before the Job exists, and
 * notes in the run's facts when the observation became incomplete (a watch lost), never deciding what that means.
 */
final class PodWatch implements AutoCloseable {

    /** How long a dropped watch may take to reconnect before the observation counts as incomplete. */
    private static final Duration RECONNECT_GRACE = Duration.ofSeconds(15);

    private final RunScope scope;
    private volatile PodObserver observer;

    PodWatch(RunScope scope) {
        this.scope = scope;
    }

    /** Starts watching; {@code listener} sees every event as it is recorded (on watch and log threads). */
    void start(Consumer<TimelineEvent> listener) {
        observer = new PodObserver(scope.client(), scope.namespace(), JobSubmission.JOB, scope.timeline(), listener,
                scope.clock(), scope.spec().own().map(OwnPod::names).orElseGet(ContainerNames::asNamed)).start();
    }

    /** The pod as last seen, or null. */
    Pod pod() {
        PodObserver o = observer;
        return o == null ? null : o.pod();
    }

    /** Notes a watch that stopped for good. */
    void noteStopped() {
        String stopped = observer.stopped();
        if (stopped != null && scope.facts().problem() == null) {
            scope.facts().problem("observation incomplete: " + stopped);
        }
    }

    /** Notes a watch that stopped or stays disconnected; true if the observation is complete. */
    boolean complete() {
        String lost = observer.lost(RECONNECT_GRACE);
        if (lost != null) {
            scope.facts().problem("observation incomplete: " + lost);
        }
        return lost == null;
    }

    /** Reads the logs no stream finished, so that the snapshot includes them. */
    void sweepLogs() {
        observer.sweepLogs();
    }

    @Override
    public void close() {
        if (observer != null) {
            observer.close();
        }
    }
}
