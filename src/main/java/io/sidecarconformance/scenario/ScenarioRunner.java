package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.report.ScenarioResult;

/** Runs scenarios on one cluster, each in the namespace it is given. Thread-safe: scenarios run in parallel. */
public final class ScenarioRunner {

    private final KubernetesClient client;
    private final ImageSet images;
    private final ScenarioSettings settings;

    public ScenarioRunner(KubernetesClient client, ImageSet images, ScenarioSettings settings) {
        this.client = client;
        this.images = images;
        this.settings = settings;
    }

    public ScenarioResult run(ScenarioSpec spec, String namespace) {
        ScenarioSpec timed = new ScenarioSpec(spec.key(), new TimedPattern(spec.pattern(), settings.containers()),
                spec.sidecar(), spec.variant(), spec.fault());
        return new ScenarioRun(client, images, settings, timed, namespace).run();
    }
}
