package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks an API server for its version within a bound; the one check every provider's start() ends with. */
final class ApiCheck {

    private ApiCheck() {
    }

    /** Returns the server's gitVersion, or throws a one-line ClusterUnavailableException. */
    static String serverVersion(Config config, Duration bound) {
        String url = config.getMasterUrl();
        int millis = (int) Math.min(Integer.MAX_VALUE, bound.toMillis());
        // A probe client of its own: no retries (the suite's client keeps fabric8's), so the real cause surfaces.
        Config probeConfig = new ConfigBuilder(config)
                .withRequestRetryBackoffLimit(0)
                .withConnectionTimeout(millis)
                .withRequestTimeout(millis)
                .build();
        KubernetesClient probe = new KubernetesClientBuilder().withConfig(probeConfig).build();
        CompletableFuture<VersionInfo> answer = CompletableFuture.supplyAsync(probe::getKubernetesVersion);
        try {
            VersionInfo version = answer.get(millis, TimeUnit.MILLISECONDS);
            if (version == null) {
                throw new ClusterUnavailableException("API server at " + url
                        + " answered HTTP 404 to GET /version; is this a Kubernetes API server?");
            }
            return version.getGitVersion() != null ? version.getGitVersion()
                    : "v" + version.getMajor() + "." + version.getMinor();
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw unavailable(url, bound, "no answer", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KubernetesClientException k && k.getCode() > 0) {
                throw new ClusterUnavailableException("API server at " + url + " answered HTTP " + k.getCode()
                        + " to GET /version: " + OneLine.of(k) + "; check the credentials in the kubeconfig", k);
            }
            throw unavailable(url, bound, OneLine.of(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(url, bound, "interrupted", e);
        } finally {
            probe.close();
        }
    }

    private static ClusterUnavailableException unavailable(String url, Duration bound, String cause, Throwable t) {
        return new ClusterUnavailableException("API server at " + url + " did not answer within "
                + bound.toSeconds() + " s: " + cause + "; is the cluster running?", t);
    }
}
