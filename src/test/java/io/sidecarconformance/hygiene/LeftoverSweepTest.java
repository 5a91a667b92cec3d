package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.sidecarconformance.hygiene.StalenessTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class LeftoverSweepTest {

    KubernetesClient client;

    private final Staleness staleness = new Staleness(Duration.ofSeconds(120), Clock.fixed(NOW, ZoneOffset.UTC));

    private void namespace(String name, String run, Instant heartbeat, int pods) {
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).addToLabels(SuiteMarks.RUN_LABEL, run)
                .endMetadata().build();
        if (heartbeat != null) {
            ns.getMetadata().setAnnotations(java.util.Map.of(SuiteMarks.HEARTBEAT_ANNOTATION, heartbeat.toString()));
        }
        client.namespaces().resource(ns).create();
        for (int i = 0; i < pods; i++) {
            client.pods().inNamespace(name).resource(new PodBuilder().withNewMetadata().withName("p" + i).endMetadata()
                    .build()).create();
        }
    }

    private List<String> namespaces() {
        return client.namespaces().list().getItems().stream().map(n -> n.getMetadata().getName()).sorted().toList();
    }

    @Test
    void deletesOnlyTheNamespacesOfAbandonedRuns() {
        namespace("sc-dead-1", "run-dead", NOW.minusSeconds(600), 2);
        namespace("sc-dead-2", "run-dead", NOW.minusSeconds(590), 1);
        namespace("sc-dead-3", "run-older", NOW.minusSeconds(121), 0);
        namespace("sc-live-1", "run-live", NOW.minusSeconds(10), 3);
        namespace("sc-live-2", "run-live", NOW.minusSeconds(900), 1);
        namespace("sc-mine", "run-mine", NOW.minusSeconds(900), 1);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("someone-else").endMetadata()
                .build()).create();

        LeftoverSweep.Result result = new LeftoverSweep(client, staleness, "run-mine").sweep(false);

        assertThat(result.deleted()).containsExactly("sc-dead-1", "sc-dead-2", "sc-dead-3");
        assertThat(result.runs()).containsExactlyInAnyOrder("run-dead", "run-older");
        assertThat(result.pods()).isEqualTo(3);
        assertThat(result.liveLeft()).as("a live run: one fresh heartbeat keeps all its namespaces")
                .containsExactly("sc-live-1", "sc-live-2");
        assertThat(namespaces()).containsExactly("sc-live-1", "sc-live-2", "sc-mine", "someone-else");
        assertThat(client.pods().inNamespace("sc-live-1").list().getItems()).hasSize(3);
        assertThat(client.pods().inNamespace("sc-dead-1").list().getItems()).isEmpty();
        assertThat(result.line()).isEqualTo("sidecar-conformance: swept 3 namespaces (3 pods) of 2 abandoned runs"
                + " (heartbeat older than 120s): sc-dead-1, sc-dead-2, sc-dead-3;"
                + " left 2 namespaces of 1 live run alone");
        assertThat(result.line()).doesNotContain("\n");
    }

    @Test
    void forceDeletesLiveRunsTooButNeverTheCallersOwn() {
        namespace("sc-live-1", "run-live", NOW.minusSeconds(10), 1);
        namespace("sc-mine", "run-mine", NOW, 0);

        LeftoverSweep.Result result = new LeftoverSweep(client, staleness, "run-mine").sweep(true);

        assertThat(result.deleted()).containsExactly("sc-live-1");
        assertThat(namespaces()).containsExactly("sc-mine");
        assertThat(result.line()).isEqualTo("sidecar-conformance: swept 1 namespaces (1 pods) of 1 run"
                + " (--force: live or not): sc-live-1");
    }

    @Test
    void nothingToSweepSaysSoInOneLine() {
        namespace("sc-live-1", "run-live", NOW.minusSeconds(10), 0);

        LeftoverSweep.Result result = new LeftoverSweep(client, staleness, "run-mine").sweep(false);

        assertThat(result.deleted()).isEmpty();
        assertThat(namespaces()).containsExactly("sc-live-1");
        assertThat(result.line()).isEqualTo("sidecar-conformance: nothing to sweep (no abandoned run: heartbeat"
                + " older than 120s); left 1 namespaces of 1 live run alone");
    }
}
