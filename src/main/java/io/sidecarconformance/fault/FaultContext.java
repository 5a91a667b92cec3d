package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.cluster.NodeControl;

import io.sidecarconformance.pattern.Role;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a fault may use while the scenario runs.
 *
 * @param client    the cluster
 * @param namespace the scenario's namespace
 * @param pod       the latest observed state of the scenario's pod
 * @param images    images of this cluster (the chaos agent runs busybox)
 * @param settings  fault tunables
 * @param action    records something the fault did on the timeline (one line)
 * @param clock     the run's clock (the one the timeline's suite events are dated by)
 * @param deletion  tells the observer the pod's deletion was sent at that instant of {@code clock} with this grace
 *                  period: before a DELETE is sent; after an eviction, only once the API carried it out (a refused
 *                  eviction deletes nothing, and the observer must not wait for the pod to go)
 * @param node      what the suite can do to the node (empty where the provider does not run it)
 * @param applied   where the fault records what it creates and does, for a reproduction of the cell
 * @param containers the pod's container that plays each role (our patterns: "main", "sidecar"; a user's own pod:
 *                   the names its spec gives them)
 */
public record FaultContext(
        KubernetesClient client,
        String namespace,
        Supplier<Pod> pod,
        ImageSet images,
        FaultSettings settings,
        Consumer<String> action,
        Clock clock,
        BiConsumer<Instant, Long> deletion,
        Optional<NodeControl> node,
        Applied applied,
        Function<Role, String> containers) {

    /** For our patterns, whose containers are named after their roles. */
    public FaultContext(KubernetesClient client, String namespace, Supplier<Pod> pod, ImageSet images,
                        FaultSettings settings, Consumer<String> action, Clock clock, BiConsumer<Instant, Long> deletion,
                        Optional<NodeControl> node, Applied applied) {
        this(client, namespace, pod, images, settings, action, clock, deletion, node, applied, Role::containerName);
    }

    /**
     * A client of the same cluster that sends each request once: the suite's client resends a 429 or a 5xx with back-off
     * for up to minutes. The caller closes it.
     */
    public KubernetesClient oneRequestClient() {
        return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build())
                .build();
    }

    /** The same context with other fault tunables (a user's pod: the grace period its spec gives). */
    public FaultContext withSettings(FaultSettings other) {
        return new FaultContext(client, namespace, pod, images, other, action, clock, deletion, node, applied, containers);
    }
}
