package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Renews the heartbeat annotation on every namespace of a live run, on a daemon thread, every
 * {@link Staleness#renewEvery()}. When the JVM dies (kill -9 included) the renewals stop, and the run's namespaces
 * become stale for the next run's sweep.
 */
public final class Heartbeat implements AutoCloseable {

    private final KubernetesClient client;
    private final String runLabel;
    private final Clock clock;
    private final PrintStream log;
    private ScheduledExecutorService timer;
    private boolean failureReported;

    public Heartbeat(KubernetesClient client, String runLabel, Clock clock, PrintStream log) {
        this.client = client;
        this.runLabel = runLabel;
        this.clock = clock;
        this.log = log;
    }

    /** Starts renewing every {@code interval} on a daemon thread. */
    public synchronized void start(Duration interval) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sc-heartbeat");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One renewal: every namespace of the run gets the current instant. Returns how many were renewed. */
    public int beat() {
        int renewed = 0;
        try {
            String patch = "{\"metadata\":{\"annotations\":{\"" + SuiteMarks.HEARTBEAT_ANNOTATION + "\":\""
                    + clock.instant() + "\"}}}";
            for (Namespace ns : client.namespaces().withLabel(SuiteMarks.RUN_LABEL, runLabel).list().getItems()) {
                try {
                    client.namespaces().withName(ns.getMetadata().getName())
                            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
                    renewed++;
                } catch (KubernetesClientException e) {
                    // Deleted meanwhile: nothing to renew.
                }
            }
        } catch (KubernetesClientException e) {
            if (!failureReported) {
                failureReported = true;
                log.println("sidecar-conformance: heartbeat could not be renewed (" + e.getMessage()
                        + "); another run may sweep this run's namespaces after -D" + Staleness.STALE_SECONDS.name());
            }
        }
        return renewed;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
