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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the faults that act from the runner send and do is recorded as it happens, for a reproduction of the cell:
 * objects exactly as sent, actions as the equivalent shell command. Against fabric8's CRUD mock API server.
 */
@EnableKubernetesMockClient(crud = true)
class FaultActionsTest {

    private static final String NS = "sc-unit";
    private static final ImageSet IMAGES = new ImageSet("busybox:test", "dind:test", "proxy:test", "Never");

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
        return new FaultContext(client, NS, () -> pod, IMAGES, FaultSettings.defaults(), said::add, java.time.Clock.systemUTC(),
                (at, grace) -> deletions.add(grace), Optional.empty(), kept, role -> role == Role.MAIN ? "runner" : "dind");
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

    /** A fault context that keeps each deletion it is told of, as "grace@instant". */
    private FaultContext context(Pod pod, Kept kept, List<String> deletions, java.time.Clock clock) {
        return new FaultContext(client, NS, () -> pod, IMAGES, FaultSettings.defaults(), line -> kept.actions.add("line: " + line),
                clock, (at, grace) -> deletions.add(grace + "@" + at), Optional.empty(), kept);
    }

    /** The API's answer to the job pod's eviction, once. */
    private void expectEviction(int code, io.fabric8.kubernetes.api.model.Status answer) {
        server.expect().post().withPath("/api/v1/namespaces/" + NS + "/pods/sc-job-x1/eviction").andReturn(code, answer).once();
    }

    private static final java.time.Clock FIXED = java.time.Clock.fixed(java.time.Instant.parse("2026-12-06T12:00:00Z"),
            java.time.ZoneOffset.UTC);

    @Test
    void anEvictionIsAPolicyV1EvictionWithTheGracePeriodAndADeletionOnceTheApiCarriedItOut() throws Exception {
        Pod pod = jobPod();
        Kept kept = new Kept();
        List<String> deletions = new ArrayList<>();
        expectEviction(201, new io.fabric8.kubernetes.api.model.StatusBuilder().withStatus("Success").build());

        new EvictionFault().act(context(pod, kept, deletions, FIXED));

        long grace = FaultSettings.defaults().gracePeriodSeconds();
        List<RecordedRequest> posts = RecordedRequests.received(server, "POST").stream()
                .filter(r -> r.getPath().endsWith("/eviction")).toList();
        assertThat(posts).as("one eviction sent").hasSize(1);
        JsonNode sent = Serialization.jsonMapper().readTree(RecordedRequests.body(posts.get(0)));
        assertThat(sent.get("apiVersion").asText()).as("policy/v1, not the client's v1beta1 default").isEqualTo("policy/v1");
        assertThat(sent.get("kind").asText()).isEqualTo("Eviction");
        assertThat(sent.at("/metadata/name").asText()).isEqualTo("sc-job-x1");
        assertThat(sent.at("/deleteOptions/gracePeriodSeconds").asLong()).as("the fault grace period").isEqualTo(grace);
        assertThat(deletions).as("the observer told of a deletion, dated when it was sent")
                .containsExactly(grace + "@2026-12-06T12:00:00Z");
        assertThat(kept.actions).as("timeline lines and the reproduction's command, in order").containsExactly(
                "line: evict pod sc-job-x1 with gracePeriodSeconds=" + grace + " (policy/v1 Eviction)",
                PodEviction.command(pod, grace),
                "line: eviction accepted: the API deletes the pod with its grace period");
        assertThat(PodEviction.command(pod, grace)).as("kubectl posts the same Eviction to the Job's pod")
                .contains("get pod -l job-name=sc-job", "\"apiVersion\":\"policy/v1\"", "\"gracePeriodSeconds\":" + grace,
                        "kubectl create --raw \"/api/v1/namespaces/$NS/pods/$p/eviction\" -f -");
    }

    @Test
    void anEvictionTheBudgetRefusesIsRecordedWithTheBudgetsStateAndDeletesNothing() throws Exception {
        Pod pod = jobPod();
        Kept kept = new Kept();
        List<String> deletions = new ArrayList<>();
        expectEviction(429, new io.fabric8.kubernetes.api.model.StatusBuilder().withStatus("Failure").withCode(429)
                .withReason("TooManyRequests").withMessage("Cannot evict pod as it would violate the pod's disruption budget.").build());
        CompletableFuture<Void> controller = CompletableFuture.runAsync(() -> {
            var budget = client.policy().v1().podDisruptionBudget().inNamespace(NS).withName(EvictionPdbFault.BUDGET);
            budget.waitUntilCondition(b -> b != null, 10, TimeUnit.SECONDS);
            budget.editStatus(b -> new io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder(b).withNewStatus()
                    .withDisruptionsAllowed(0).withObservedGeneration(0L).withConditions(new io.fabric8.kubernetes.api.model.ConditionBuilder()
                    .withType("DisruptionAllowed").withStatus("False").withReason("SyncFailed")
                    .withMessage("jobs.batch does not implement the scale subresource").build())
                    .endStatus().build());
        });

        new EvictionPdbFault().act(context(pod, kept, deletions, FIXED));
        controller.get(10, TimeUnit.SECONDS);

        assertThat(deletions).as("nothing deleted: the observer waits for no pod to go").isEmpty();
        assertThat(kept.objects).as("the budget, recorded as sent").hasSize(1);
        var budget = (io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget) kept.objects.get(0);
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).as("maxUnavailable 0").isZero();
        assertThat(budget.getSpec().getSelector().getMatchLabels()).as("selects the Job's pod").containsExactly(
                java.util.Map.entry("job-name", "sc-job"));
        assertThat(kept.actions.get(kept.actions.size() - 1)).as("the refusal, as the timeline's last line says it")
                .startsWith("line: " + io.sidecarconformance.timeline.SuiteActions.EVICTION_REFUSED
                        + " by the API (429 Too Many Requests), the pod stays; PodDisruptionBudget sc-pdb then: disruptionsAllowed=0")
                .contains("DisruptionAllowed=False (SyncFailed): jobs.batch does not implement the scale subresource");
        assertThat(kept.actions).as("the budget's status was awaited before the eviction")
                .anyMatch(a -> a.startsWith("line: PodDisruptionBudget sc-pdb has a status: disruptionsAllowed=0"));
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

    /** An agent pod already in the namespace, as a create whose answer was lost (and the client retried) leaves it. */
    private void agentAlreadyThere(String name, String targetId) {
        client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("agent").withImage("busybox:test")
                .addNewEnv().withName("SC_TARGET_ID").withValue(targetId).endEnv()
                .addNewEnv().withName("SC_SIGNAL").withValue("KILL").endEnv()
                .endContainer().endSpec().build()).create();
    }

    @Test
    void anAgentTheApiServerAlreadyCreatedForThisTargetIsTheOneAskedFor() throws Exception {
        Pod pod = jobPod();
        Kept kept = new Kept();
        agentAlreadyThere("sc-agent-kill", "abc123");
        CompletableFuture<Void> kubelet = agentSucceeds("sc-agent-kill", "SC-AGENT signalled KILL to 4242\n");
        List<String> said = new ArrayList<>();

        new SigkillMainFault().act(new FaultContext(client, NS, () -> pod, IMAGES, FaultSettings.defaults(), said::add,
                java.time.Clock.systemUTC(), (at, grace) -> { }, Optional.empty(), kept));
        kubelet.get(10, TimeUnit.SECONDS);

        assertThat(said).as("the fault went on with that agent and said its report")
                .contains("SIGKILL main: agent done: SC-AGENT signalled KILL to 4242");
    }

    @Test
    void anAgentThatFailedWithoutOutputIsReportedByItsStatus() throws Exception {
        Pod pod = jobPod();
        String agent = "sc-agent-kill";
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/" + agent + "/log?pretty=false")
                .andReturn(200, "").always();
        CompletableFuture<Void> kubelet = CompletableFuture.runAsync(() -> {
            client.pods().inNamespace(NS).withName(agent).waitUntilCondition(p -> p != null, 10, TimeUnit.SECONDS);
            client.pods().inNamespace(NS).withName(agent).editStatus(p -> new PodBuilder(p).withNewStatus()
                    .withPhase("Failed").withReason("UnexpectedAdmissionError").withMessage("Allocate failed")
                    .addNewContainerStatus().withName("agent").withNewState().withNewTerminated().withExitCode(128)
                    .withReason("StartError").endTerminated().endState().endContainerStatus()
                    .endStatus().build());
        });

        assertThatThrownBy(() -> new SigkillMainFault().act(context(pod, new Kept(), Optional.empty())))
                .as("the agent said nothing: what its pod's status says instead of an empty report")
                .isInstanceOf(FaultFailedException.class)
                .hasMessageEndingWith("chaos agent could not act on main: no output; pod Failed (UnexpectedAdmissionError):"
                        + " Allocate failed; container agent exit 128 StartError");
        kubelet.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anAgentOfTheSameNameForAnotherTargetIsAConflict() {
        Pod pod = jobPod();
        agentAlreadyThere("sc-agent-kill", "another-container");

        assertThatThrownBy(() -> new SigkillMainFault().act(context(pod, new Kept(), Optional.empty())))
                .as("409 AlreadyExists, not someone else's agent taken for ours")
                .isInstanceOf(io.fabric8.kubernetes.client.KubernetesClientException.class).hasMessageContaining("already exists");
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
                "OOM sidecar (dind): agent done: SC-AGENT oom: before 7(dockerd); SC-AGENT oom: killed 7");
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

        new AtMoment(new SigtermFault(), AT_ONCE, java.util.Optional.of(new AtMoment.Grace(45, true)))
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
