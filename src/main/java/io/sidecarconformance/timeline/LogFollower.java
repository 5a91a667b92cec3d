package io.sidecarconformance.timeline;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Follows one container's log and hands every event line it parses to a consumer, until the stream ends. */
final class LogFollower implements Runnable {

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final String container;
    private final Consumer<TimelineEvent> sink;
    private volatile LogWatch watch;
    private volatile boolean drained;

    LogFollower(KubernetesClient client, String namespace, String pod, String container, Consumer<TimelineEvent> sink) {
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
        this.sink = sink;
    }

    @Override
    public void run() {
        try {
            watch = client.pods().inNamespace(namespace).withName(pod).inContainer(container).watchLog();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    EventLineParser.parse(line).ifPresent(sink);
                }
                drained = true;
            }
        } catch (IOException | RuntimeException e) {
            // The pod went away or the stream broke: what was read is kept; a final sweep reads what is left.
        } finally {
            close();
        }
    }

    /** The stream ended normally: every line the container wrote was read. */
    boolean drained() {
        return drained;
    }

    void close() {
        LogWatch w = watch;
        if (w != null) {
            w.close();
        }
    }
}
