package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static io.sidecarconformance.hygiene.StalenessTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class HeartbeatTest {

    KubernetesClient client;

    @Test
    void aNewNamespaceCarriesAFirstHeartbeatAndABeatRenewsOnlyTheRunsOwn() {
        Clock created = Clock.fixed(NOW.minusSeconds(300), ZoneOffset.UTC);
        ScenarioNamespaces namespaces = new ScenarioNamespaces(client, "20261201-115500-kubeconfig", created);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("other-run")
                .addToLabels(SuiteMarks.RUN_LABEL, "another").addToAnnotations(SuiteMarks.HEARTBEAT_ANNOTATION, "x")
                .endMetadata().build()).create();
        String name = createWithoutServiceAccountWait(namespaces);

        assertThat(heartbeatOf(name)).as("stamped at creation").isEqualTo(NOW.minusSeconds(300).toString());
        Staleness staleness = new Staleness(Duration.ofSeconds(120), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(staleness.abandoned(List.of(client.namespaces().withName(name).get())))
                .as("not renewed for 300 s").isTrue();

        int renewed = new Heartbeat(client, namespaces.runLabel(), Clock.fixed(NOW, ZoneOffset.UTC),
                new PrintStream(new ByteArrayOutputStream())).beat();

        assertThat(renewed).isEqualTo(1);
        assertThat(heartbeatOf(name)).as("renewed").isEqualTo(NOW.toString());
        assertThat(staleness.abandoned(List.of(client.namespaces().withName(name).get()))).as("alive again").isFalse();
        assertThat(heartbeatOf("other-run")).as("another run's heartbeat is not ours to renew").isEqualTo("x");
    }

    private String createWithoutServiceAccountWait(ScenarioNamespaces namespaces) {
        // The mock has no controller manager adding the default service account: add it the moment the namespace appears.
        var watch = client.namespaces().watch(new io.fabric8.kubernetes.client.Watcher<>() {
            @Override
            public void eventReceived(Action action, io.fabric8.kubernetes.api.model.Namespace ns) {
                if (action == Action.ADDED) {
                    client.serviceAccounts().inNamespace(ns.getMetadata().getName()).resource(
                            new io.fabric8.kubernetes.api.model.ServiceAccountBuilder().withNewMetadata()
                                    .withName("default").endMetadata().build()).createOr(sa -> sa.update());
                }
            }

            @Override
            public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {
            }
        });
        try {
            return namespaces.create("heartbeat test");
        } finally {
            watch.close();
        }
    }

    private String heartbeatOf(String name) {
        return client.namespaces().withName(name).get().getMetadata().getAnnotations().get(SuiteMarks.HEARTBEAT_ANNOTATION);
    }
}
