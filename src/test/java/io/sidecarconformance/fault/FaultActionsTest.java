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
import io.sidecarconformance.pattern.Role;
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
        return new FaultContext(client, NS, () -> pod, IMAGES, FaultSettings.defaults(), line -> { }, grace -> { }, node, kept);
    }

    /** Plays the kubelet for the chaos agent {@code name}: it logs {@code log} and succeeds once it is created. */
    private CompletableFuture<Void> agentSucceeds(String name, String log) {
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/" + name + "/log?pretty=false")
                .andReturn(200, log).always();
        return CompletableFuture.runAsync(() -> {
            client.pods().inNamespace(NS).withName(name).waitUntilCondition(p -> p != null, 10, TimeUnit.SECONDS);
            client.pods().inNamespace(NS).withName(name)
                    .editStatus(p -> new PodBuilder(p).withNewStatus().withPhase("Succeeded").endStatus().build());
        });
    }

    /** A user's ARC-style pod: main is "runner", the sidecar the native "dind"; a container called "main" plays no role. */
    private Pod ownPod() {
        Pod pod = new PodBuilder().withNewMetadata().withName("sc-job-x1").addToLabels("job-name", "sc-job").endMetadata()
                .withNewSpec().withNodeName("node-1").withTerminationGracePeriodSeconds(45L)
                .addNewInitContainer().withName("dind").withImage("docker:dind").withRestartPolicy("Always").endInitContainer()
                .addNewContainer().withName("runner").withImage("runner:1").endContainer()
                .addNewContainer().withName("main").withImage("helper:1").endContainer()
                .endSpec()
                .withNewStatus()
                .addNewInitContainerStatus().withName("dind").withContainerID("containerd://dind-id").endInitContainerStatus()
                .addNewContainerStatus().withName("runner").withContainerID("containerd://runner-id").endContainerStatus()
                .addNewContainerStatus().withName("main").withContainerID("containerd://helper-id").endContainerStatus()
                .endStatus().build();
        return client.pods().inNamespace(NS).resource(pod).create();
    }

    private FaultContext ownContext(Pod pod, Kept kept, List<String> said, List<Long> deletions) {
        return new FaultContext(client, NS, () -> pod, IMAGES, FaultSettings.defaults(), said::add, deletions::add,
                Optional.empty(), kept, role -> role == Role.MAIN ? "runner" : "dind");
    }

    /** The one agent pod the fault sent, as recorded. */
    private static Pod sentAgent(Kept kept, String name) {
        assertThat(kept.objects).as("one object: the agent pod").singleElement()
                .satisfies(o -> assertThat(o.getMetadata().getName()).isEqualTo(name));
        return (Pod) kept.objects.get(0);
    }

    private static java.util.Map<String, String> env(Pod agent) {
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        agent.getSpec().getContainers().get(0).getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
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
        CompletableFuture<Void> kubelet = agentSucceeds(agent, "SC-AGENT signalled KILL to 4242\n");

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

    /** Fires {@code fault} on a user's pod (main "runner", sidecar "dind") with an agent that logs {@code log}. */
    private Kept actOnOwnPod(Fault fault, String agent, String log, List<String> said) throws Exception {
        Pod pod = ownPod();
        Kept kept = new Kept();
        CompletableFuture<Void> kubelet = agentSucceeds(agent, log);
        fault.act(ownContext(pod, kept, said, new ArrayList<>()));
        kubelet.get(10, TimeUnit.SECONDS);
        return kept;
    }

    private static final FireMoment AT_ONCE = new FireMoment.AfterMainStarts(java.time.Duration.ZERO);

    @Test
    void anOomOnAUsersSidecarRunsTheAgentOnTheUsersContainer() throws Exception {
        List<String> said = new ArrayList<>();

        Kept kept = actOnOwnPod(new CgroupOomFault(Role.SIDECAR, AT_ONCE), "sc-agent-oom",
                "SC-AGENT oom: before 7(dockerd)\nSC-AGENT oom: killed 7\n", said);

        Pod agent = sentAgent(kept, "sc-agent-oom");
        assertThat(env(agent)).as("the agent's orders").containsEntry("SC_ACTION", "oom")
                .containsEntry("SC_TARGET_ID", "dind-id").containsEntry("SC_OOM_BOUND_SECONDS", "30");
        assertThat(agent.getSpec().getNodeName()).as("on the pod's node").isEqualTo("node-1");
        assertThat(client.pods().inNamespace(NS).withName("sc-agent-oom").get()).as("created").isNotNull();
        assertThat(said).as("on the timeline, with the user's container").containsExactly(
                "OOM sidecar (dind): starting the chaos agent",
                "OOM sidecar: agent done: SC-AGENT oom: before 7(dockerd); SC-AGENT oom: killed 7");
    }

    @Test
    void anOomOnAUsersMainTargetsTheContainerThatPlaysMainNotOneCalledMain() throws Exception {
        Kept kept = actOnOwnPod(new CgroupOomFault(Role.MAIN, AT_ONCE), "sc-agent-oom", "SC-AGENT oom: killed 9\n",
                new ArrayList<>());

        assertThat(env(sentAgent(kept, "sc-agent-oom"))).containsEntry("SC_TARGET_ID", "runner-id");
    }

    @Test
    void aSigkillOfAUsersContainerSignalsTheContainerThatPlaysTheRole() throws Exception {
        List<String> said = new ArrayList<>();

        Kept kept = actOnOwnPod(new ContainerKillFault(Role.MAIN, AT_ONCE), "sc-agent-kill",
                "SC-AGENT signalled KILL to 4242\n", said);

        assertThat(env(sentAgent(kept, "sc-agent-kill"))).as("main's container, not the one called main")
                .containsEntry("SC_TARGET_ID", "runner-id").containsEntry("SC_SIGNAL", "KILL");
        assertThat(said).containsExactly("SIGKILL main (runner): starting the chaos agent",
                "SIGKILL main (runner): agent done: SC-AGENT signalled KILL to 4242");
    }

    @Test
    void aFreezeOfAUsersSidecarFreezesTheContainerThatPlaysIt() throws Exception {
        Kept kept = actOnOwnPod(new CgroupFreezeFault(12), "sc-agent-freeze", "SC-AGENT froze for 12 s\n", new ArrayList<>());

        assertThat(env(sentAgent(kept, "sc-agent-freeze"))).containsEntry("SC_ACTION", "freeze")
                .containsEntry("SC_FREEZE_SECONDS", "12").containsEntry("SC_TARGET_ID", "dind-id");
    }

    @Test
    void aUsersPodIsDeletedWithItsSpecsGracePeriodNotTheSuites() throws InterruptedException {
        Pod pod = ownPod();
        Kept kept = new Kept();
        List<Long> deletions = new ArrayList<>();
        RecordedRequests.received(server, "DELETE");

        new SpecGraceDeletionFault(AT_ONCE, 45, true)
                .act(ownContext(pod, kept, new ArrayList<>(), deletions));

        assertThat(FaultSettings.defaults().gracePeriodSeconds()).as("the suite's own differs").isNotEqualTo(45);
        assertThat(deletions).as("the observer told").containsExactly(45L);
        assertThat(kept.actions).containsExactly(
                "kubectl -n \"$NS\" delete pod -l job-name=sc-job --grace-period=45 --wait=false");
        List<RecordedRequest> deletes = RecordedRequests.received(server, "DELETE");
        assertThat(deletes).as("one DELETE sent").hasSize(1);
        assertThat(RecordedRequests.body(deletes.get(0))).contains("\"gracePeriodSeconds\":45");
    }
}
