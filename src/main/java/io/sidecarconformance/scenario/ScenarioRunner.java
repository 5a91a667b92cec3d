package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.result.ScenarioResult;

import java.time.Clock;

/** Runs scenarios on one cluster, each in the namespace it is given. Thread-safe: scenarios run in parallel. */
public final class ScenarioRunner {

    private final KubernetesClient client;
    private final ImageSet images;
    private final ScenarioSettings settings;
    private final Clock clock;

    public ScenarioRunner(KubernetesClient client, ImageSet images, ScenarioSettings settings) {
        this(client, images, settings, Clock.systemUTC());
    }

    /** With the clock every time of the run is read from (tests inject one). */
    public ScenarioRunner(KubernetesClient client, ImageSet images, ScenarioSettings settings, Clock clock) {
        this.client = client;
        this.images = images;
        this.settings = settings;
        this.clock = clock;
    }

    public ScenarioResult run(ScenarioSpec spec, String namespace) {
        return new ScenarioRun(client, images, settings, spec, namespace, clock).run();
    }
}
