package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Brings one cluster up (or connects to it) for a run, and down afterwards.
 * One small class per kind of cluster; every setting visible in its constructor.
 */
public interface ClusterProvider extends AutoCloseable {

    /** Which kind of cluster: local, k3s, kind or kubeconfig. */
    String providerName();

    /** The version id, e.g. "1.31" or "1.28-sidecars"; for kubeconfig the context named, or "". */
    String version();

    /** "provider:version", e.g. "local:1.31" (a kubeconfig's current context: "kubeconfig"); the grid column. */
    default String id() {
        return version().isEmpty() ? providerName() : providerName() + ":" + version();
    }

    /**
     * Checks the provider's own configuration (files, names) without any cluster work, so that bad input stops
     * the run with one line instead of becoming a column of ERROR cells.
     *
     * @throws ClusterUnavailableException one line: what is wrong and what to do
     */
    default void check() {
    }

    /**
     * Starts the cluster or connects to it and returns a client whose API answers.
     *
     * @throws ClusterUnavailableException with a one-line message saying what is wrong and what to do
     */
    KubernetesClient start();

    /** The images scenario pods use on this cluster. */
    ImageSet images();

    /** What the suite can do to the node beyond the API; empty where it does not run the node's processes. */
    default java.util.Optional<NodeControl> nodeControl() {
        return java.util.Optional.empty();
    }

    /**
     * Where the node's processes run on this machine, to measure their CPU; empty where they do not (a remote
     * cluster, a guest or a container node).
     *
     * @throws ClusterUnavailableException one line, when the provider should know them but cannot say
     */
    default java.util.Optional<NodeProcesses> nodeProcesses() {
        return java.util.Optional.empty();
    }

    /** What the API server reported after {@link #start()}, e.g. "v1.31.14+k3s1"; null before. */
    default String serverVersion() {
        return null;
    }

    /** Stops whatever {@link #start()} started. Idempotent; never throws. */
    @Override
    void close();
}
