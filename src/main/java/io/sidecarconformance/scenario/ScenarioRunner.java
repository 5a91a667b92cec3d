package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.cluster.NodeControl;
import io.sidecarconformance.result.ScenarioResult;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs scenarios on one cluster, each in the namespace it is given. Thread-safe: scenarios run in parallel, except a
 * scenario whose fault acts on the node (every pod on it feels that): it waits until the scenarios running finish,
 * runs alone, and those that want to start meanwhile wait for it (a fair read/write lock: others share it, it takes
 * it exclusively).
 */
public final class ScenarioRunner {

    private final KubernetesClient client;
    private final ImageSet images;
    private final ScenarioSettings settings;
    private final Clock clock;
    private final Optional<NodeControl> node;
    private final ReentrantReadWriteLock nodeShare = new ReentrantReadWriteLock(true);

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
        Lock lock = exclusive(spec) ? nodeShare.writeLock() : nodeShare.readLock();
        lock.lock();
        try {
            return new ScenarioRun(client, images, settings, spec, namespace, clock, node).run();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the scenario must run alone: its fault will act on the node. */
    boolean exclusive(ScenarioSpec spec) {
        return spec.fault().actsOnNode() && node.isPresent();
    }

    /** For tests: whether a scenario holds the node exclusively now. */
    boolean nodeHeldExclusively() {
        return nodeShare.isWriteLocked();
    }
}
