package io.sidecarconformance.suite;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sidecarconformance.hygiene.LeftoverSweep;
import io.sidecarconformance.hygiene.Staleness;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/** What runs that died left on the cluster: swept when this run starts, counted again at its end for the report. */
final class AbandonedRuns {

    private final LeftoverSweep sweep;
    private LeftoverSweep.Result swept;

    AbandonedRuns(KubernetesClient client, Staleness staleness, String ownRunLabel) {
        this.sweep = new LeftoverSweep(client, staleness, ownRunLabel);
    }

    /** Deletes what abandoned runs left; one line says what. A failed sweep never stops the run. */
    void sweep(PrintStream log) {
        try {
            swept = sweep.sweep(false);
            log.println(swept.line());
        } catch (KubernetesClientException e) {
            log.println("sidecar-conformance: could not sweep abandoned runs' namespaces: " + e.getMessage());
        }
    }

    /** The report's figure: namespaces swept at the start and how many are still there; nothing if none was swept. */
    void measure(Map<String, String> measurements) {
        if (swept == null || swept.deleted().isEmpty()) {
            return;
        }
        String left;
        try {
            left = Integer.toString(sweep.awaitGone(swept.deleted(), Duration.ofSeconds(60)));
        } catch (KubernetesClientException e) {
            left = "unknown";
        }
        measurements.put("abandoned namespaces swept at start", swept.deleted().size() + " (" + left + " left)");
    }
}
