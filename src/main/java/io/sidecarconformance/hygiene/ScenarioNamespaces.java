package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * One namespace per scenario, labelled with the run and stamped with a first heartbeat, deleted afterwards; and a
 * sweep of the run's own leftovers. Other runs' leftovers are {@link LeftoverSweep}'s.
 */
public final class ScenarioNamespaces {

    public static final String RUN_LABEL = SuiteMarks.RUN_LABEL;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KubernetesClient client;
    private final String runLabel;
    private final Clock clock;

    /** @param clock stamps each new namespace's first heartbeat ({@link Heartbeat} renews it) */
    public ScenarioNamespaces(KubernetesClient client, String runId, Clock clock) {
        this.client = client;
        this.runLabel = labelValue(runId);
        this.clock = clock;
    }

    /** The value of the run label on this run's namespaces. */
    public String runLabel() {
        return runLabel;
    }

    /** Creates a namespace named after {@code hint} (e.g. the scenario's name) plus a random suffix. */
    public String create(String hint) {
        String name = name(hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", ""));
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(RUN_LABEL, runLabel)
                .addToAnnotations(SuiteMarks.HEARTBEAT_ANNOTATION, clock.instant().toString())
                .endMetadata().build();
        client.namespaces().resource(ns).create();
        // Pods need the default service account, which the controller manager adds shortly after creation.
        client.serviceAccounts().inNamespace(name).withName("default").waitUntilCondition(sa -> sa != null, 60, TimeUnit.SECONDS);
        return name;
    }

    /** Deletes a scenario's namespace; pods first with grace 0 so that nothing waits out a grace period. */
    public void delete(String namespace) {
        try {
            client.pods().inNamespace(namespace).withGracePeriod(0).delete();
            client.namespaces().withName(namespace).delete();
        } catch (KubernetesClientException e) {
            // Already gone, or the cluster is: the sweep at the end of the run reports what is left.
        }
    }

    /** Deletes every namespace of this run still present (Ctrl-C, crashed scenario). */
    public void deleteAllOfRun() {
        try {
            runNamespaces().forEach(this::delete);
        } catch (KubernetesClientException e) {
            // The cluster is gone: nothing left to delete there.
        }
    }

    /** Waits (bounded) until no namespace of this run is left; returns how many are left. */
    public int awaitNoneLeft(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            client.namespaces().withLabel(RUN_LABEL, runLabel).informOnCondition(List::isEmpty)
                    .get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            return 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            try {
                return runNamespaces().size();
            } catch (KubernetesClientException gone) {
                return -1;
            }
        }
    }

    private List<String> runNamespaces() {
        return client.namespaces().withLabel(RUN_LABEL, runLabel).list().getItems().stream()
                .map(n -> n.getMetadata().getName()).toList();
    }

    static String name(String slug) {
        String suffix = Integer.toString(RANDOM.nextInt(36 * 36 * 36 * 36), 36);
        String base = "sc-" + slug;
        base = base.length() > 56 ? base.substring(0, 56) : base;
        return (base.replaceAll("-+$", "") + "-" + suffix).toLowerCase(Locale.ROOT);
    }

    static String labelValue(String s) {
        String v = s.replaceAll("[^A-Za-z0-9_.-]", "-");
        v = v.length() > 63 ? v.substring(0, 63) : v;
        return v.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }
}
