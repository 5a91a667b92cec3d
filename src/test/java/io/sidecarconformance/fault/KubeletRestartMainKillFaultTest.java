package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.cluster.NodeControl;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * kubelet-restart-main-kill: the kubelet restart, then the wait for the restarted kubelet to list the pod, then main's
 * SIGKILL, in that order and only in it; against fabric8's mock API server, which also plays the node proxy.
 */
@EnableKubernetesMockClient(crud = true)
class KubeletRestartMainKillFaultTest {

    private static final String NS = "sc-unit";
    private static final String UID = "5f0c2d1e-0000-4000-8000-00000000abcd";
    private static final String PODS = "/api/v1/nodes/node-1/proxy/pods";
    private static final ImageSet IMAGES = new ImageSet("busybox:test", "dind:test", "proxy:test", "Never");

    KubernetesMockServer server;
    KubernetesClient client;

    /** The Job's pod, as the API server stored it (the CRUD mock gives it a UID of its own). */
    private Pod jobPod() {
        Pod pod = new PodBuilder().withNewMetadata().withName("sc-job-x1").addToLabels("job-name", "sc-job")
                .endMetadata()
                .withNewSpec().withNodeName("node-1").addNewContainer().withName("main").withImage("busybox:test").endContainer()
                .endSpec()
                .withNewStatus().addNewContainerStatus().withName("main").withContainerID("containerd://abc123")
                .endContainerStatus().endStatus().build();
        return client.pods().inNamespace(NS).resource(pod).create();
    }

    /** The kubelet's answer to GET /pods: a PodList of pods with these UIDs, as the kubelet encodes it. */
    private static String kubeletList(String... uids) {
        PodListBuilder list = new PodListBuilder();
        for (String uid : uids) {
            list.addNewItem().withNewMetadata().withName("p-" + uid).withNamespace(NS).withUid(uid).endMetadata().endItem();
        }
        return Serialization.asJson(list.build());
    }

    /** A node whose restart is noted in {@code order}, with how many of the proxy's pod lists had been asked for then. */
    private NodeControl node(List<String> order) {
        return new NodeControl() {
            @Override
            public String restartKubelet() {
                order.add("restart");
                return "stopped 2026-12-06T12:00:00.000Z, started 2026-12-06T12:00:01.000Z, healthy 2026-12-06T12:00:03.000Z";
            }

            @Override
            public String restartKubeletCommand() {
                return "bash clusters/local/cluster.sh restart-kubelet 1.35.3";
            }
        };
    }

    private FaultContext context(Pod pod, FaultActionsTest.Kept kept, List<String> said, Optional<NodeControl> node) {
        return new FaultContext(client, NS, () -> pod, IMAGES, FaultSettings.defaults(), said::add,
                java.time.Clock.systemUTC(), (at, grace) -> { }, node, kept);
    }

    /** Every request the mock received so far, as "METHOD path", in order. */
    private List<String> requests() throws InterruptedException {
        List<String> all = new ArrayList<>();
        for (RecordedRequest r = server.takeRequest(200, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(200, TimeUnit.MILLISECONDS)) {
            all.add(r.getMethod() + " " + r.getPath());
        }
        return all;
    }

    @Test
    void mainIsKilledOnlyAfterTheRestartAndOnceTheRestartedKubeletListsThePod() throws Exception {
        Pod pod = jobPod();
        requests();
        FaultActionsTest.Kept kept = new FaultActionsTest.Kept();
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        // Not serving yet, then serving without the pod, then with it (beside another pod of the node).
        server.expect().get().withPath(PODS).andReturn(503, "no endpoints").once();
        server.expect().get().withPath(PODS).andReturn(200, kubeletList("other-uid")).once();
        server.expect().get().withPath(PODS).andReturn(200, kubeletList("other-uid", pod.getMetadata().getUid())).always();
        server.expect().get().withPath("/api/v1/namespaces/" + NS + "/pods/sc-agent-kill/log?pretty=false")
                .andReturn(200, "SC-AGENT signalled KILL to 4242\n").always();
        CompletableFuture<Void> agentRuns = CompletableFuture.runAsync(() -> {
            client.pods().inNamespace(NS).withName("sc-agent-kill").waitUntilCondition(p -> p != null, 20, TimeUnit.SECONDS);
            client.pods().inNamespace(NS).withName("sc-agent-kill")
                    .editStatus(p -> new PodBuilder(p).withNewStatus().withPhase("Succeeded").endStatus().build());
        });

        new KubeletRestartMainKillFault().act(context(pod, kept, said, Optional.of(node(order))));
        agentRuns.get(20, TimeUnit.SECONDS);

        List<String> sent = requests();
        List<String> lists = sent.stream().filter(r -> r.equals("GET " + PODS)).toList();
        int lastList = sent.lastIndexOf("GET " + PODS);
        int agentCreated = sent.indexOf("POST /api/v1/namespaces/" + NS + "/pods");
        assertThat(order).as("the kubelet restarted once").containsExactly("restart");
        assertThat(lists).as("the kubelet's pod list asked for until it held the pod: 503, without, with").hasSize(3);
        assertThat(agentCreated).as("the agent pod created after the list that held the pod; requests %s", sent)
                .isGreaterThan(lastList);
        assertThat(sent.stream().filter(r -> r.startsWith("POST ")).toList()).as("one pod created: the agent").hasSize(1);
        assertThat(said).as("the timeline's lines, in order").hasSize(5);
        assertThat(said.get(0)).isEqualTo("restart the kubelet: stopping it");
        assertThat(said.get(1)).isEqualTo("kubelet restarted: stopped 2026-12-06T12:00:00.000Z, started"
                + " 2026-12-06T12:00:01.000Z, healthy 2026-12-06T12:00:03.000Z");
        assertThat(said.get(2)).startsWith("the restarted kubelet lists pod sc-job-x1 (GET " + PODS + "), ")
                .endsWith(" s after its /healthz answered");
        assertThat(said.subList(3, 5)).containsExactly("SIGKILL main (main): starting the chaos agent",
                "SIGKILL main (main): agent done: SC-AGENT signalled KILL to 4242");
        assertThat(kept.actions).as("the reproduction: the restart, then the wait for the kubelet's list").hasSize(2);
        assertThat(kept.actions.get(0)).isEqualTo("bash clusters/local/cluster.sh restart-kubelet 1.35.3");
        assertThat(kept.actions.get(1)).contains("get pod -l job-name=sc-job", "{.items[0].metadata.uid}",
                "{.items[0].spec.nodeName}", "kubectl get --raw \"/api/v1/nodes/$node/proxy/pods\"",
                "+ " + KubeletRestartMainKillFault.LISTED_WITHIN_SECONDS + "))");
        Pod agent = (Pod) kept.objects.get(0);
        assertThat(kept.objects).as("then the agent pod, as sent").hasSize(1);
        assertThat(agent.getSpec().getNodeName()).as("on the pod's node").isEqualTo("node-1");
        assertThat(agent.getSpec().getContainers().get(0).getEnv()).as("SIGKILL to main's container")
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("SC_SIGNAL=KILL"))
                .anySatisfy(e -> assertThat(e.getName() + "=" + e.getValue()).isEqualTo("SC_TARGET_ID=abc123"));
    }

    @Test
    void aKubeletThatNeverListsThePodFailsTheFaultWithinItsBoundAndNothingIsKilled() throws Exception {
        Pod pod = jobPod();
        List<String> said = new ArrayList<>();
        server.expect().get().withPath(PODS).andReturn(200, kubeletList("other-uid")).always();
        FaultActionsTest.Kept kept = new FaultActionsTest.Kept();
        FaultContext context = context(pod, kept, said, Optional.empty());

        long from = System.nanoTime();
        assertThatThrownBy(() -> KubeletPods.awaitListed(context, Duration.ofSeconds(2)))
                .isInstanceOf(FaultFailedException.class)
                .hasMessage("the restarted kubelet did not list pod sc-job-x1 within 2 s (GET " + PODS + ")");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - from);

        assertThat(tookMillis).as("given up at the bound, not before and not long after").isBetween(1_900L, 6_000L);
        assertThat(said).as("no line claims it listed the pod").isEmpty();
        assertThat(kept.objects).as("no agent pod").isEmpty();
        assertThat(requests()).as("asked again and again, every %s", KubeletPods.POLL)
                .filteredOn(r -> r.equals("GET " + PODS)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theKubeletsListIsReadByUidNotByName() {
        String list = kubeletList("other-uid", UID);
        assertThat(KubeletPods.lists(list, UID)).isTrue();
        assertThat(KubeletPods.lists(list, "p-" + UID)).as("a name is no UID").isFalse();
        assertThat(KubeletPods.lists(kubeletList("other-uid"), UID)).isFalse();
        assertThat(KubeletPods.lists(kubeletList(), UID)).as("an empty list").isFalse();
        assertThat(KubeletPods.lists(null, UID)).as("no answer (404)").isFalse();
        assertThat(KubeletPods.lists("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{},\"items\":null}", UID))
                .as("the kubelet's list of no pods").isFalse();
    }

    @Test
    void itRestartsAtKubeletRestartsMomentWithMainWorkingLongerAndIsAimedAtMainOnTheNode() {
        KubeletRestartMainKillFault fault = new KubeletRestartMainKillFault();
        WorkloadSpec spec = Patterns.byId("native-rules")
                .workload(new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse("exec+probe")));
        fault.shape(spec, SidecarKind.LIGHT, FaultSettings.defaults());

        assertThat(FaultShapingTest.env(spec.container(Role.MAIN), "SC_MARK_AFTER_SECONDS")).as("the restart's moment")
                .isEqualTo(Integer.toString(KubeletRestartFault.RESTART_AFTER_SECONDS));
        assertThat(FaultShapingTest.env(spec.container(Role.MAIN), "SC_WORK_SECONDS")).as("main's work")
                .isEqualTo(Integer.toString(KubeletRestartMainKillFault.WORK_SECONDS));
        assertThat(KubeletRestartMainKillFault.WORK_SECONDS).as("longer than kubelet-restart's, for the kill to come in it")
                .isGreaterThan(KubeletRestartFault.WORK_SECONDS);
        assertThat(FaultShapingTest.env(spec.container(Role.SIDECAR), "SC_WORK_SECONDS")).as("sidecar untouched").isNull();
        Instant t = Instant.parse("2026-12-06T12:00:00Z");
        assertThat(fault.firesOn(new TimelineEvent(t, "main", EventKind.STEP, "Marked 15s into its work", EventSource.LOG)))
                .as("main's Marked line").isTrue();
        assertThat(fault.firesOn(new TimelineEvent(t, "main", EventKind.STEP, "Working", EventSource.LOG)))
                .as("not main's Working line").isFalse();
        assertThat(fault.firesOn(new TimelineEvent(t, "sidecar", EventKind.STEP, "Marked 15s", EventSource.LOG))).isFalse();
        assertThat(fault.moment()).isEqualTo(new KubeletRestartFault().moment());
        assertThat(fault.aim()).isEqualTo(Aim.MAIN);
        assertThat(fault.targetsMain()).as("a failed Job is the fault's doing").isTrue();
        assertThat(fault.actsOnNode()).as("runs alone, where the suite controls the node").isTrue();
        assertThat(Faults.byId("kubelet-restart-main-kill")).isInstanceOf(KubeletRestartMainKillFault.class);
    }
}
