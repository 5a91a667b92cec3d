package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.timeline.TimelineRecorder;

import java.time.Clock;

/**
 * What the steps of one run work with: where (client, namespace), what (spec, settings, images), the clock, and the
 * three records the run keeps: the timeline, what it sent ({@link AppliedLog}) and what it did and met ({@link RunFacts}).
 */
record RunScope(KubernetesClient client, String namespace, ScenarioSpec spec, ScenarioSettings settings, ImageSet images,
                Clock clock, TimelineRecorder timeline, AppliedLog applied, RunFacts facts) {

    /** Something the suite did, on the timeline. */
    void action(String what) {
        timeline.add(new TimelineEvent(clock.instant(), "suite", EventKind.ACTION, what, EventSource.SUITE));
    }
}
