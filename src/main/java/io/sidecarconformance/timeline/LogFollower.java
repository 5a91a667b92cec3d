package io.sidecarconformance.timeline;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Consumer;

/** Follows one container's log and hands what it reads (see {@link LogReader}) to a consumer, until the stream ends. */
final class LogFollower implements Runnable {

    private final KubernetesClient client;
    private final String namespace;
    private final String pod;
    private final String container;
    private final Consumer<TimelineEvent> sink;
    private final Clock clock;
    private final java.util.function.Predicate<String> marks;
    private volatile LogWatch watch;
    private volatile boolean drained;

    LogFollower(KubernetesClient client, String namespace, String pod, String container, Consumer<TimelineEvent> sink,
                Clock clock, java.util.function.Predicate<String> marks) {
        this.marks = marks;
        this.client = client;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public void run() {
        LogReader reader = new LogReader(container, clock, marks);
        try {
            watch = client.pods().inNamespace(namespace).withName(pod).inContainer(container).watchLog();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    reader.line(line).forEach(sink);
                }
                reader.end().forEach(sink);
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
