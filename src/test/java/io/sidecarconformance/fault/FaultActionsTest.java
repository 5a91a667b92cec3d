package io.sidecarconformance.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.cluster.NodeControl;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the faults that act from the runner send and do is recorded as it happens, for a reproduction of the cell:
 * objects exactly as sent, actions as the equivalent shell command. Against fabric8's CRUD mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class FaultActionsTest {

    private static final String NS = "sc-unit";
    private static final ImageSet IMAGES = new ImageSet("busybox:test", "dind:test", "Never");

    KubernetesMockServer server;
    KubernetesClient client;

    /** An {@link Applied} that keeps what it is given. */
    static final class Kept implements Applied {
        final List<HasMetadata> objects = new ArrayList<>();
        final List<String> actions = new ArrayList<>();

        @Override
        public synchronized void object(HasMetadata sent) {
            objects.add(sent);
        }

        @Override
        public synchronized void action(String command) {
            actions.add(command);
        }
    }

    private Pod jobPod() {
        Pod pod = new PodBuilder().withNewMetadata().withName("sc-job-x1").addToLabels("job-name", "sc-job").endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("main").withImage("busybox:test").endContainer()
                .endSpec()
                .withNewStatus().addNewContainerStatus().withName("main").withContainerID("containerd://abc123").endContainerStatus()
                .endStatus().build();
        return client.pods().inNamespace(NS).resource(pod).create();
    }

    private FaultContext context(Pod pod, Kept kept, Optional<NodeControl> node) {
        return new FaultContext(client, NS, () -> pod, IMAGES, FaultSettings.defaults(), line -> { },
                java.time.Clock.systemUTC(), (at, grace) -> { }, node, kept);
    }


    @Test
    void aDeletionIsRecordedAsKubectlWithItsGracePeriodAndTheJobsPodSelector() throws InterruptedException {
        Pod pod = jobPod();
        Kept kept = new Kept();

        new SigtermFault().act(context(pod, kept, Optional.empty()));

        long grace = FaultSettings.defaults().gracePeriodSeconds();
        assertThat(kept.actions).as("the deletion as a command").containsExactly(
                "kubectl -n \"$NS\" delete pod -l job-name=sc-job --grace-period=" + grace + " --wait=false");
        assertThat(kept.objects).as("no object created").isEmpty();
        List<RecordedRequest> deletes = RecordedRequests.received(server, "DELETE");
        assertThat(deletes).as("one DELETE sent").hasSize(1);
        assertThat(RecordedRequests.body(deletes.get(0))).as("with that grace period").contains("\"gracePeriodSeconds\":" + grace);
        assertThat(new SigtermFault().moment()).as("when it happens").isEqualTo("after main logs Working");
        assertThat(new DeleteDuringInitFault().moment()).isEqualTo("after a sidecar logs Delaying");
    }

    @Test
    void aPodWithoutTheJobLabelIsDeletedByName() {
        Pod pod = new PodBuilder().withNewMetadata().withName("lonely").endMetadata().build();
        assertThat(PodDeletion.selector(pod)).isEqualTo("lonely");
    }

    @Test
    void theChaosAgentIsRecordedExactlyAsSent() throws Exception {
        Pod pod = jobPod();
        Kept kept = new Kept();
        String agent = "sc-agent-kill";
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/" + agent + "/log?pretty=false")
                .andReturn(200, "SC-AGENT signalled KILL to 4242\n").always();
        CompletableFuture<Void> kubelet = CompletableFuture.runAsync(() -> {
            client.pods().inNamespace(NS).withName(agent).waitUntilCondition(p -> p != null, 10, TimeUnit.SECONDS);
            client.pods().inNamespace(NS).withName(agent)
                    .editStatus(p -> new PodBuilder(p).withNewStatus().withPhase("Succeeded").endStatus().build());
        });

        new SigkillMainFault().act(context(pod, kept, Optional.empty()));
        kubelet.get(10, TimeUnit.SECONDS);

        assertThat(kept.actions).as("no runner action besides the pod").isEmpty();
        assertThat(kept.objects).as("the agent pod").hasSize(1);
        // The CRUD mock consumes the body it stores: what was sent is what it stored, less what a server adds.
        JsonNode sent = Serialization.jsonMapper().valueToTree(client.pods().inNamespace(NS).withName(agent).get());
        ((ObjectNode) sent).remove("status");
        ((ObjectNode) sent.get("metadata")).remove(List.of("namespace", "uid", "resourceVersion", "creationTimestamp", "generation"));
        JsonNode recorded = Serialization.jsonMapper().valueToTree(kept.objects.get(0));
        ((ObjectNode) recorded.get("metadata")).remove("namespace");
        assertThat(recorded).as("recorded = sent, but for the namespace")
                .isEqualTo(sent);
        assertThat(kept.objects.get(0).getMetadata().getName()).isEqualTo(agent);
    }

    @Test
    void aKubeletRestartIsRecordedAsTheNodesCommandBeforeItRuns() {
        Kept kept = new Kept();
        List<String> order = new ArrayList<>();
        NodeControl node = new NodeControl() {
            @Override
            public String restartKubelet() {
                order.add("restarted with " + kept.actions.size() + " action(s) recorded");
                return "kubelet back";
            }

            @Override
            public String restartKubeletCommand() {
                return "bash clusters/local/cluster.sh restart-kubelet 1.31";
            }
        };

        new KubeletRestartFault().act(context(null, kept, Optional.of(node)));

        assertThat(kept.actions).containsExactly("bash clusters/local/cluster.sh restart-kubelet 1.31");
        assertThat(order).as("recorded before it ran").containsExactly("restarted with 1 action(s) recorded");
    }
}
