package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.cluster.NodeControl;
import io.sidecarconformance.result.ScenarioResult;

import java.time.Clock;
import java.util.Optional;

/**
 * Runs scenarios on one cluster, each in the namespace it is given. Thread-safe: scenarios run in parallel, except a
 * scenario whose fault acts on the node, which runs alone ({@link NodeShare}).
 */
public final class ScenarioRunner {

    private final KubernetesClient client;
    private final ImageSet images;
    private final ScenarioSettings settings;
    private final Clock clock;
    private final Optional<NodeControl> node;
    private final NodeShare nodeShare = new NodeShare();

    public ScenarioRunner(KubernetesClient client, ImageSet images, ScenarioSettings settings) {
        this(client, images, settings, Clock.systemUTC(), Optional.empty());
    }

    /** With what the suite can do to the node (empty: faults that act on it are not applicable). */
    public ScenarioRunner(KubernetesClient client, ImageSet images, ScenarioSettings settings, Optional<NodeControl> node) {
        this(client, images, settings, Clock.systemUTC(), node);
    }

    /** With the clock every time of the run is read from (tests inject one). */
    public ScenarioRunner(KubernetesClient client, ImageSet images, ScenarioSettings settings, Clock clock) {
        this(client, images, settings, clock, Optional.empty());
    }

    public ScenarioRunner(KubernetesClient client, ImageSet images, ScenarioSettings settings, Clock clock,
                          Optional<NodeControl> node) {
        this.client = client;
        this.images = images;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
    }

    public ScenarioResult run(ScenarioSpec spec, String namespace) {
        return nodeShare.run(exclusive(spec), () -> new ScenarioRun(client, images, settings, spec, namespace, clock, node).run());
    }

    /**
     * Runs a cell's {@code runs}: holding the node alone across all of them when the cell's fault acts on the node (one
     * drain of the node for the cell, not one per run), as they come otherwise (each run shares the node by itself).
     */
    public <T> T forCell(ScenarioSpec spec, java.util.function.Supplier<T> runs) {
        return exclusive(spec) ? nodeShare.run(true, runs) : runs.get();
    }

    /** Whether the scenario must run alone: its fault will act on the node. */
    public boolean exclusive(ScenarioSpec spec) {
        return spec.fault().actsOnNode() && node.isPresent();
    }
}
