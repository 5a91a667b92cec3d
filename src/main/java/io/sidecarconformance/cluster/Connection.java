package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.time.Duration;

/**
 * A client to an API server that answered, with the version it reported: what every provider's start() ends with.
 *
 * @param client        the suite's client (fabric8's retries left on)
 * @param serverVersion the server's gitVersion
 */
record Connection(KubernetesClient client, String serverVersion) implements AutoCloseable {

    /** Checks the API answers within {@code bound} (one-line ClusterUnavailableException if not), then connects. */
    static Connection open(Config config, Duration bound) {
        String version = ApiCheck.serverVersion(config, bound);
        return new Connection(new KubernetesClientBuilder().withConfig(config).build(), version);
    }

    @Override
    public void close() {
        client.close();
    }
}
