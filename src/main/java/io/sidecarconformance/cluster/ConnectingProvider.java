package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;

/**
 * What every provider shares: it brings its cluster up (or finds it) as a kubeconfig, then connects once the API
 * answers, keeps the version the server reported, and closes the client before stopping the cluster.
 */
abstract class ConnectingProvider implements ClusterProvider {

    private final ImageSet images;
    private final Duration connectTimeout;
    private Connection connection;

    ConnectingProvider(ImageSet images, Duration connectTimeout) {
        this.images = images;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Brings the cluster up (or finds it) and says how to reach it.
     *
     * @throws ClusterUnavailableException one line: what is wrong and what to do
     */
    abstract Config up();

    /** Stops what {@link #up()} started, if anything; the client is already closed. Never throws. */
    void down() {
    }

    @Override
    public final KubernetesClient start() {
        connection = Connection.open(up(), connectTimeout);
        return connection.client();
    }

    @Override
    public final ImageSet images() {
        return images;
    }

    @Override
    public final String serverVersion() {
        return connection == null ? null : connection.serverVersion();
    }

    @Override
    public final void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        down();
    }
}
