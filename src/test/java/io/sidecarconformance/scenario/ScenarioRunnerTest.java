package io.sidecarconformance.scenario;

import io.sidecarconformance.result.ScenarioKey;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.fault.FaultSettings;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.ContainerSettings;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.result.Outcome;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.sidecarconformance.fault.RecordedRequests;
import io.sidecarconformance.result.AppliedObject;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ScenarioRunner against fabric8's CRUD mock API server. The test plays kubelet and Job controller: it creates the
 * Job's pod, moves its status, and sets the Job condition. Container logs are stubbed with event lines.
 */
@EnableKubernetesMockClient(crud = true)
class ScenarioRunnerTest {

    private static final String NS = "sc-unit";
    private static final String POD = "sc-job-x1";
    private static final ImageSet IMAGES = new ImageSet("busybox:test", "dind:test", "proxy:test", "Never");
    /** A short stuck window, for the test that waits it out; settings of our own for the containers, to find them in the Job. */
    private static final ScenarioSettings SETTINGS = new ScenarioSettings(5, 1, Duration.ofSeconds(2), Duration.ofSeconds(3),
            Duration.ofSeconds(20), FaultSettings.defaults(), new ContainerSettings(9, 4, 77, 6, 1));
    /** A stuck window no slow machine can exhaust while the fake kubelet moves the pod to its end. */
    private static final ScenarioSettings PATIENT = new ScenarioSettings(5, 1, Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(90), FaultSettings.defaults(), new ContainerSettings(9, 4, 77, 6, 1));
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS xx")
            .withZone(ZoneOffset.UTC);

    KubernetesMockServer server;
    KubernetesClient client;

    private final ExecutorService kubelet = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopKubelet() {
        kubelet.shutdownNow();
    }

    private static ScenarioSpec spec(String pattern, String fault) {
        return new ScenarioSpec(new ScenarioKey("mock:1", pattern, "light", "exec", fault),
                Patterns.byId(pattern), SidecarKind.LIGHT, Variant.parse("exec"), Faults.byId(fault));
    }

    private ScenarioResult run(ScenarioSpec spec) {
        return run(spec, SETTINGS);
    }

    private ScenarioResult run(ScenarioSpec spec, ScenarioSettings settings) {
        return new ScenarioRunner(client, IMAGES, settings).run(spec, NS);
    }

    /** Serves a container's log (plain and followed) as the given event lines. */
    private void stubLog(String container, String... lines) {
        String body = String.join("\n", lines) + "\n";
        String base = "/api/v1/namespaces/" + NS + "/pods/" + POD + "/log?pretty=false&container=" + container;
        server.expect().get().withPath(base).andReturn(200, body).always();
        server.expect().get().withPath(base + "&follow=true").andReturn(200, body).always();
    }

    private static String line(Instant at, String container, String rest) {
        return "SC-EVENT " + LOG_TIME.format(at) + " " + container + " " + rest;
    }

    /** Waits for the runner's Job and creates its pod, as the Job controller would. */
    private Pod createPodForJob() {
        Job job = client.batch().v1().jobs().inNamespace(NS).withName(JobSubmission.JOB)
                .waitUntilCondition(Objects::nonNull, 10, TimeUnit.SECONDS);
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(POD).withNamespace(NS).addToLabels("job-name", job.getMetadata().getName()).endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .build();
        return client.pods().inNamespace(NS).resource(pod).create();
    }

    private void status(String phase, List<ContainerStatus> init, List<ContainerStatus> regular) {
        PodStatus status = new PodStatusBuilder().withPhase(phase)
                .withInitContainerStatuses(init).withContainerStatuses(regular).build();
        retryingConflicts(() -> client.pods().inNamespace(NS).withName(POD).editStatus(p -> new PodBuilder(p).withStatus(status).build()));
    }

    private void jobCondition(String type) {
        UnaryOperator<Job> complete = j -> new JobBuilder(j).withNewStatus().addNewCondition()
                .withType(type).withStatus("True").endCondition().endStatus().build();
        retryingConflicts(() -> client.batch().v1().jobs().inNamespace(NS).withName(JobSubmission.JOB).editStatus(complete));
    }

    /**
     * Like a kubelet, retries a status write that lost a resourceVersion race. The CRUD mock answers 409 now and
     * then while the runner's watches and log reads hit it concurrently, though nothing else writes the object.
     */
    private static void retryingConflicts(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    static ContainerStatus running(String name, String startedAt) {
        return new ContainerStatusBuilder().withName(name).withReady(true).withStarted(true).withRestartCount(0)
                .withContainerID("containerd://" + name).withImage("busybox:test")
                .withNewState().withNewRunning().withStartedAt(startedAt).endRunning().endState().build();
    }

    static ContainerStatus terminated(String name, int exit, String reason) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withStarted(false).withRestartCount(0)
                .withContainerID("containerd://" + name).withImage("busybox:test")
                .withNewState().withNewTerminated().withExitCode(exit).withReason(reason).withContainerID("containerd://" + name)
                .withStartedAt("2026-11-22T06:00:01Z").withFinishedAt("2026-11-22T06:00:05Z").endTerminated().endState().build();
    }


    /** The object's YAML as recorded equals the request's body, less its namespace, which the record must not carry. */
    private static void assertRecordedAsSent(AppliedObject recorded, RecordedRequest request) throws IOException {
        assertRecordedAs(recorded, Serialization.jsonMapper().readTree(RecordedRequests.body(request)), request.getPath());
    }

    /**
     * The CRUD mock's dispatcher consumes the body of what it stores: there, what was sent is what was stored, less
     * what the server adds (uid, resourceVersion, creationTimestamp, generation, namespace, status).
     */
    private static void assertRecordedAsStored(AppliedObject recorded, Object stored) throws IOException {
        JsonNode tree = Serialization.jsonMapper().valueToTree(stored);
        ((ObjectNode) tree).remove("status");
        ((ObjectNode) tree.get("metadata")).remove(List.of("uid", "resourceVersion", "creationTimestamp", "generation"));
        assertRecordedAs(recorded, tree, "the mock");
    }

    private static void assertRecordedAs(AppliedObject recorded, JsonNode body, String where) throws IOException {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(recorded.manifest());
        assertThat(yaml.path("metadata").has("namespace")).as("%s %s: no namespace in the record", recorded.kind(), recorded.name())
                .isFalse();
        if (body.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("namespace");
        }
        assertThat(yaml.equals(body)).as("%s %s recorded as sent to %s:%n%s%nsent:%n%s", recorded.kind(), recorded.name(), where,
                yaml, body).isTrue();
    }

    private static List<String> describe(ScenarioResult r) {
        return r.timeline().stream().map(e -> e.container() + " " + e.kind() + " " + e.detail()).toList();
    }

    @Test
    void aNodeFaultThatFailsAfterThePodEndedMakesTheCellAnErrorNotAnOutcome() throws Exception {
        Instant t = Instant.now();
        stubLog("sidecar", line(t.plusMillis(100), "sidecar", "Starting pid=1"), line(t.plusMillis(300), "sidecar", "Ready"));
        stubLog("main", line(t.plusMillis(500), "main", "Starting pid=1"), line(t.plusMillis(600), "main", "Working"),
                line(t.plusMillis(700), "main", "Marked 15s into its work"), line(t.plusMillis(900), "main", "Exiting 0"));
        CountDownLatch jobDone = new CountDownLatch(1);
        io.sidecarconformance.cluster.NodeControl node = new io.sidecarconformance.cluster.NodeControl() {
            @Override
            public String restartKubelet() {
                try {
                    jobDone.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new io.sidecarconformance.cluster.ClusterUnavailableException(
                        "cluster.sh restart-kubelet 1 exited 1: timed out after 60s waiting for the restarted kubelet's /healthz");
            }

            @Override
            public String restartKubeletCommand() {
                return "restart";
            }
        };
        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            createPodForJob();
            status("Running", List.of(running("sidecar", "2026-11-22T06:00:00Z")), List.of(running("main", "2026-11-22T06:00:01Z")));
            status("Running", List.of(running("sidecar", "2026-11-22T06:00:00Z")), List.of(terminated("main", 0, "Completed")));
            status("Succeeded", List.of(terminated("sidecar", 143, "Error")), List.of(terminated("main", 0, "Completed")));
            jobCondition("Complete");
            jobDone.countDown();
        }, kubelet);

        ScenarioResult result = new ScenarioRunner(client, IMAGES, PATIENT, Optional.of(node)).run(spec("native", "kubelet-restart"), NS);
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("the pod completed, but the restart was never confirmed; reason %s", result.reason())
                .isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).contains("fault kubelet-restart could not be injected", "/healthz");
    }

    @Test
    void aNativeSidecarRunToTheEndIsCompletedWithItsTimeline() throws Exception {
        Instant t = Instant.now();
        stubLog("sidecar", line(t.plusMillis(100), "sidecar", "Starting pid=1"), line(t.plusMillis(300), "sidecar", "Ready"));
        stubLog("main", line(t.plusMillis(500), "main", "Starting pid=1"), line(t.plusMillis(600), "main", "Working"),
                line(t.plusMillis(900), "main", "Exiting 0"));

        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            createPodForJob();
            status("Pending", List.of(running("sidecar", "2026-11-22T06:00:00Z")), List.of());
            status("Running", List.of(running("sidecar", "2026-11-22T06:00:00Z")), List.of(running("main", "2026-11-22T06:00:01Z")));
            status("Running", List.of(running("sidecar", "2026-11-22T06:00:00Z")), List.of(terminated("main", 0, "Completed")));
            status("Succeeded", List.of(terminated("sidecar", 143, "Error")), List.of(terminated("main", 0, "Completed")));
            jobCondition("Complete");
        }, kubelet);

        ScenarioResult result = run(spec("native", "none"), PATIENT);
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("outcome; reason %s; timeline%n%s", result.reason(), describe(result))
                .isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.reason()).as("reason").contains("Job Complete").contains("pod Succeeded").contains("main exit 0");
        assertThat(describe(result)).as("timeline").contains(
                "pod PHASE Pending",
                "sidecar RUNNING startedAt=2026-11-22T06:00:00Z",
                "main RUNNING startedAt=2026-11-22T06:00:01Z",
                "main TERMINATED exit=0 reason=Completed finishedAt=2026-11-22T06:00:05Z",
                "sidecar TERMINATED exit=143 reason=Error finishedAt=2026-11-22T06:00:05Z",
                "pod PHASE Succeeded",
                "job JOB Complete",
                "sidecar READY ",
                "main EXITING 0");
        assertThat(result.timeline()).as("the suite recorded creating the Job")
                .anyMatch(e -> e.kind() == EventKind.ACTION && e.detail().startsWith("create Job sc-job"));
        assertThat(result.timeline()).as("time-sorted").isSortedAccordingTo(java.util.Comparator.comparing(TimelineEvent::time));
        assertThat(result.figures().completionSeconds()).as("completion figure").isNotNull().isPositive();
        assertThat(result.figures().exitCodes()).as("exit codes from the snapshot's status events").containsEntry("main", 0).containsEntry("sidecar", 143);
        assertThat(result.figures().podPhase()).as("pod phase").isEqualTo("Succeeded");

        Job stored = client.batch().v1().jobs().inNamespace(NS).withName(JobSubmission.JOB).get();
        assertThat(stored.getSpec().getTemplate().getSpec().getInitContainers().get(0).getRestartPolicy())
                .as("the mock kept the native sidecar's restartPolicy").isEqualTo("Always");
        assertThat(stored.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .as("the run's container settings reach main").extracting(e -> e.getName() + "=" + e.getValue())
                .contains("SC_CHECK_TIMEOUT=4");
        assertThat(stored.getSpec().getTemplate().getSpec().getInitContainers().get(0).getEnv())
                .as("and the sidecar").extracting(e -> e.getName() + "=" + e.getValue())
                .contains("SC_STARTUP_SECONDS=9", "SC_CHECK_TIMEOUT=4");
        assertThat(client.configMaps().inNamespace(NS).withName("sc-scripts").get().getData())
                .as("scripts shipped as a ConfigMap").containsKeys("lib.sh", "main.sh", "sidecar.sh", "agent.sh");

        assertThat(result.applied()).as("what the run sent, in order").extracting(a -> a.kind() + " " + a.name())
                .containsExactly("ConfigMap sc-scripts", "Job sc-job");
        assertRecordedAsStored(result.applied().get(0), client.configMaps().inNamespace(NS).withName("sc-scripts").get());
        assertRecordedAsStored(result.applied().get(1), stored);
        assertThat(result.repeat()).as("a single run").isEqualTo(1);
    }

    @Test
    void aProxySidecarsUpstreamPodIsUpAndItsAddressHandedOverBeforeTheJob() throws Exception {
        Instant t = Instant.now();
        stubLog("sidecar", line(t.plusMillis(100), "sidecar", "Starting pid=1"), line(t.plusMillis(300), "sidecar", "Ready"));
        stubLog("main", line(t.plusMillis(500), "main", "Starting pid=1"), line(t.plusMillis(600), "main", "Working"),
                line(t.plusMillis(900), "main", "Exiting 0"));
        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            Pod upstream = client.pods().inNamespace(NS).withName("sc-upstream").waitUntilCondition(Objects::nonNull, 10, TimeUnit.SECONDS);
            assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).as("no Job before the upstream is Ready").isEmpty();
            retryingConflicts(() -> client.pods().inNamespace(NS).withName("sc-upstream").editStatus(p -> new PodBuilder(p)
                    .withNewStatus().withPhase("Running").withPodIP("10.244.43.7")
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()));
            assertThat(upstream.getSpec().getContainers().get(0).getImage()).isEqualTo("busybox:test");
            createPodForJob();
            status("Running", List.of(running("sidecar", "2026-11-22T06:00:00Z")), List.of(running("main", "2026-11-22T06:00:01Z")));
            status("Succeeded", List.of(terminated("sidecar", 0, "Completed")), List.of(terminated("main", 0, "Completed")));
            jobCondition("Complete");
        }, kubelet);

        ScenarioResult result = new ScenarioRunner(client, IMAGES, PATIENT).run(new ScenarioSpec(
                new ScenarioKey("mock:1", "native", "proxy", "exec", "none"), Patterns.byId("native"), SidecarKind.PROXY,
                Variant.parse("exec"), Faults.byId("none")), NS);
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("outcome; reason %s; timeline%n%s", result.reason(), describe(result))
                .isEqualTo(Outcome.SUCCEEDED);
        assertThat(client.configMaps().inNamespace(NS).withName("sc-upstream").get().getData())
                .as("the upstream's address, for the proxy").isEqualTo(java.util.Map.of("address", "10.244.43.7:8080"));
        assertThat(result.applied()).as("what the run sent and did, in order").extracting(a -> a.kind() + " " + a.name())
                .containsExactly("ConfigMap sc-scripts", "Pod sc-upstream", "action once the upstream pod is Ready", "Job sc-job");
        assertThat(result.applied().get(2).manifest()).as("the hand-over, for a reader's cluster")
                .isEqualTo(io.sidecarconformance.pattern.ProxyUpstream.handOverCommand());
        assertThat(describe(result)).as("timeline").anyMatch(l -> l.startsWith("suite ACTION create Pod sc-upstream"))
                .contains("suite ACTION upstream Ready at 10.244.43.7:8080: create ConfigMap sc-upstream naming it for the proxy");
        Job stored = client.batch().v1().jobs().inNamespace(NS).withName(JobSubmission.JOB).get();
        assertThat(stored.getSpec().getTemplate().getSpec().getInitContainers().get(0).getEnv())
                .as("the run's drain reaches the proxy").extracting(e -> e.getName() + "=" + e.getValue())
                .contains("SC_PROXY_DRAIN_SECONDS=6");
    }

    @Test
    void anUpstreamThatIsNeverReadyIsAProblemAndNoJobIsSent() {
        RunScope scope = new RunScope(client, NS, new ScenarioSpec(new ScenarioKey("mock:1", "classic", "proxy", "exec", "none"),
                Patterns.byId("classic"), SidecarKind.PROXY, Variant.parse("exec"), Faults.byId("none")), SETTINGS, IMAGES,
                java.time.Clock.systemUTC(), new io.sidecarconformance.timeline.TimelineRecorder(), new AppliedLog(), new RunFacts());

        assertThat(ProxyUpstreamStep.needed(scope)).isTrue();
        assertThat(new ProxyUpstreamStep(scope, 1).provide(java.util.Map.of())).as("gave up").isFalse();
        assertThat(scope.facts().problem()).isEqualTo("the proxy's upstream pod sc-upstream was not Ready with an IP within 1s");
        assertThat(client.configMaps().inNamespace(NS).withName("sc-upstream").get()).as("no hand-over").isNull();
    }

    @Test
    void aPodThatOutlivesMainIsStuckAfterTheWindow() throws Exception {
        Instant t = Instant.now();
        stubLog("sidecar", line(t.plusMillis(100), "sidecar", "Starting pid=1"), line(t.plusMillis(300), "sidecar", "Ready"));
        stubLog("main", line(t.plusMillis(500), "main", "Starting pid=1"), line(t.plusMillis(900), "main", "Exiting 0"));

        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            createPodForJob();
            status("Running", List.of(), List.of(running("main", "2026-11-22T06:00:01Z"), running("sidecar", "2026-11-22T06:00:00Z")));
            status("Running", List.of(), List.of(terminated("main", 0, "Completed"), running("sidecar", "2026-11-22T06:00:00Z")));
        }, kubelet);

        long t0 = System.nanoTime();
        ScenarioResult result = run(spec("classic", "none"));
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("outcome; reason %s; timeline%n%s", result.reason(), describe(result))
                .isEqualTo(Outcome.STUCK);
        assertThat(result.reason()).as("reason").contains("main ended at").contains("Running").contains("sidecar running");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("decided by the stuck window, not the deadline")
                .isLessThan(SETTINGS.deadline());
    }

    @Test
    void aNodeFaultWhereTheSuiteCannotActOnTheNodeIsNotApplicableAndCreatesNothing() {
        ScenarioResult result = run(spec("native", "kubelet-restart"));

        assertThat(result.outcome()).as("outcome; reason %s", result.reason()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).as("reason").contains("kubelet-restart acts on the node", "mock:1");
        assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).as("no Job created").isEmpty();
        assertThat(result.findings()).as("no findings").isEmpty();
    }

    @Test
    void aSpecTheApiRefusesIsRejectedWithTheApisMessage() throws Exception {
        String message = "Job.batch \"sc-job\" is invalid: spec.template.spec.initContainers[0].restartPolicy: "
                + "Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"";
        Status status = new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid").withMessage(message).build();
        server.expect().post().withPath("/apis/batch/v1/namespaces/" + NS + "/jobs").andReturn(422, status).once();

        ScenarioResult result = run(spec("native", "none"));

        assertThat(result.outcome()).as("outcome; reason %s", result.reason()).isEqualTo(Outcome.REJECTED);
        assertThat(result.reason()).as("reason quotes the API").contains(message).doesNotContain("\n");
        assertThat(result.timeline()).as("the refusal is on the timeline")
                .anyMatch(e -> e.kind() == EventKind.ACTION && e.detail().contains("API refused"));
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName(JobSubmission.JOB).get()).as("no Job stored").isNull();
        assertThat(result.applied()).as("what the run sent: the refused Job too").extracting(a -> a.kind() + " " + a.name())
                .containsExactly("ConfigMap sc-scripts", "Job sc-job");
        RecordedRequest refused = RecordedRequests.received(server, "POST").stream()
                .filter(r -> r.getPath().endsWith("/jobs")).findFirst().orElseThrow();
        assertRecordedAsSent(result.applied().get(1), refused);
    }

    @Test
    void anEphemeralSidecarWhoseFaultFieldsTheApiRefusesIsNotApplicable() throws Exception {
        String message = "Pod \"sc-job-x1\" is invalid: spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container";
        Status status = new StatusBuilder().withStatus("Failure").withCode(422).withReason("Invalid").withMessage(message).build();
        String subresource = "/api/v1/namespaces/" + NS + "/pods/" + POD + "/ephemeralcontainers";
        server.expect().patch().withPath(subresource).andReturn(422, status).always();
        // The same patch without the fault's memory limit, as a server-side dry run: accepted, nothing stored.
        Pod accepted = new PodBuilder().withNewMetadata().withName(POD).withNamespace(NS).endMetadata().build();
        server.expect().patch().withPath(subresource + "?dryRun=All").andReturn(200, accepted).always();

        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            createPodForJob();
            status("Running", List.of(), List.of(running("main", "2026-11-22T06:00:01Z")));
        }, kubelet);

        ScenarioResult result = run(spec("ephemeral", "sidecar-oom"));
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("outcome; reason %s; timeline%n%s", result.reason(), describe(result))
                .isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(result.reason()).as("reason quotes the API").contains("cannot be set for an Ephemeral Container");
        assertThat(result.timeline()).as("the same patch without the fault's memory limit was tried as a dry run")
                .anyMatch(e -> e.kind() == EventKind.ACTION && e.detail().startsWith("dry run without the fault's fields: accepted"));
        assertThat(result.timeline()).as("the injection was attempted once main ran")
                .anyMatch(e -> e.kind() == EventKind.ACTION && e.detail().startsWith("add ephemeral container sidecar"));
        Pod pod = client.pods().inNamespace(NS).withName(POD).get();
        assertThat(pod.getSpec().getContainers()).as("only main in the pod").extracting(c -> c.getName()).containsExactly("main");
    }

    @Test
    void anEphemeralSidecarStoredWithoutSomeFieldsIsDropped() throws Exception {
        Instant t = Instant.now();
        stubLog("sidecar", line(t.plusMillis(100), "sidecar", "Starting pid=1"), line(t.plusMillis(300), "sidecar", "Ready"));
        stubLog("main", line(t.plusMillis(500), "main", "Starting pid=1"), line(t.plusMillis(900), "main", "Exiting 0"));
        // An API server that keeps the ephemeral container but forgets its environment and mounts.
        Pod stored = new PodBuilder()
                .withNewMetadata().withName(POD).withNamespace(NS).addToLabels("job-name", JobSubmission.JOB).endMetadata()
                .withNewSpec().addNewContainer().withName("main").withImage("busybox:test").endContainer()
                .addNewEphemeralContainer().withName("sidecar").withImage("busybox:test").withImagePullPolicy("Never")
                .withCommand("/bin/sh", "/sc/sidecar.sh").endEphemeralContainer().endSpec()
                .build();
        server.expect().patch().withPath("/api/v1/namespaces/" + NS + "/pods/" + POD + "/ephemeralcontainers")
                .andReturn(200, stored).always();

        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            createPodForJob();
            status("Running", List.of(), List.of(running("main", "2026-11-22T06:00:01Z")));
            status("Running", List.of(), List.of(terminated("main", 0, "Completed")));
            status("Succeeded", List.of(), List.of(terminated("main", 0, "Completed")));
            jobCondition("Complete");
        }, kubelet);

        ScenarioResult result = run(spec("ephemeral", "none"));
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("outcome; reason %s; timeline%n%s", result.reason(), describe(result))
                .isEqualTo(Outcome.DROPPED);
        assertThat(result.reason()).as("reason names the dropped fields and what followed")
                .contains("ephemeralContainers[sidecar].env").contains("ephemeralContainers[sidecar].volumeMounts")
                .doesNotContain("ephemeralContainers[sidecar].command").contains("pod Succeeded");

        assertThat(result.applied()).as("what the run sent, in order").extracting(a -> a.kind() + " " + a.name())
                .containsExactly("ConfigMap sc-scripts", "Job sc-job", "ephemeralcontainers patch " + POD);
        RecordedRequest patch = RecordedRequests.received(server, "PATCH").stream().filter(r -> r.getPath().endsWith("/ephemeralcontainers"))
                .findFirst().orElseThrow();
        assertThat(patch.getHeader("Content-Type")).as("a strategic-merge patch, as kubectl debug sends")
                .startsWith("application/strategic-merge-patch+json");
        ObjectMapper json = Serialization.jsonMapper();
        assertThat(json.readTree(result.applied().get(2).manifest())).as("the patch body recorded as sent")
                .isEqualTo(json.readTree(RecordedRequests.body(patch)));
        assertThat(json.readTree(RecordedRequests.body(patch)).at("/spec/ephemeralContainers/0/name").asText())
                .as("it adds the sidecar").isEqualTo("sidecar");
    }

    @Test
    void anImageTheKubeletCannotPullIsAnErrorDecidedFromTheStoredSnapshot() throws Exception {
        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            createPodForJob();
            status("Pending", List.of(new ContainerStatusBuilder().withName("sidecar").withRestartCount(0)
                    .withNewState().withNewWaiting().withReason("ErrImageNeverPull").withMessage("image absent")
                    .endWaiting().endState().build()), List.of());
        }, kubelet);

        ScenarioResult result = run(spec("native", "none"), PATIENT);
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("outcome; reason %s; timeline%n%s", result.reason(), describe(result))
                .isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).startsWith("image not available on the cluster for sidecar (waiting=ErrImageNeverPull");
        assertThat(result.observation()).as("stored with its observation").isNotNull();
        assertThat(result.observation().ending()).isEqualTo("INFRA_ERROR");
        assertDecidedAgainAlike(result);
    }

    @Test
    void aMainThatRunsPastTheDeadlineIsATimeout() throws Exception {
        ScenarioSettings shortDeadline = new ScenarioSettings(5, 1, Duration.ofSeconds(60), Duration.ofSeconds(10),
                Duration.ofSeconds(3), FaultSettings.defaults(), new ContainerSettings(9, 4, 77, 6, 1));
        Instant t = Instant.now();
        stubLog("sidecar", line(t.plusMillis(100), "sidecar", "Starting pid=1"), line(t.plusMillis(300), "sidecar", "Ready"));
        stubLog("main", line(t.plusMillis(500), "main", "Starting pid=1"), line(t.plusMillis(600), "main", "Working"));
        CompletableFuture<Void> fake = CompletableFuture.runAsync(() -> {
            createPodForJob();
            status("Running", List.of(running("sidecar", "2026-11-22T06:00:00Z")), List.of(running("main", "2026-11-22T06:00:01Z")));
        }, kubelet);

        ScenarioResult result = run(spec("native", "none"), shortDeadline);
        fake.get(5, TimeUnit.SECONDS);

        assertThat(result.outcome()).as("outcome; reason %s; timeline%n%s", result.reason(), describe(result))
                .isEqualTo(Outcome.TIMEOUT);
        assertThat(result.reason()).contains("the scenario's deadline of 3s passed", "pod Running");
        assertThat(result.observation().ending()).isEqualTo("DEADLINE");
        assertDecidedAgainAlike(result);
    }

    @Test
    void anApiErrorIsAnErrorDecidedByTheRulesWithWhatWasSent() {
        Status forbidden = new StatusBuilder().withStatus("Failure").withCode(403).withReason("Forbidden")
                .withMessage("jobs.batch is forbidden: quota exceeded").build();
        server.expect().post().withPath("/apis/batch/v1/namespaces/" + NS + "/jobs").andReturn(403, forbidden).once();

        ScenarioResult result = run(spec("native", "none"));

        assertThat(result.outcome()).as("outcome; reason %s", result.reason()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).isEqualTo("API error: jobs.batch is forbidden: quota exceeded");
        assertThat(result.applied()).as("what the run sent").extracting(a -> a.kind() + " " + a.name())
                .containsExactly("ConfigMap sc-scripts", "Job sc-job");
        assertThat(result.observation()).as("stored with its observation, decided by the rules").isNotNull();
        assertDecidedAgainAlike(result);
    }

    @Test
    void aRunThatNeverReachedTheClusterIsAnErrorBuiltByTheSameRules() {
        ScenarioResult result = ScenarioVerdict.unobserved(spec("native", "none"), "cluster local:1.31 did not start",
                java.time.Clock.fixed(Instant.parse("2026-11-22T06:00:00Z"), ZoneOffset.UTC));

        assertThat(result.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(result.reason()).isEqualTo("cluster local:1.31 did not start");
        assertThat(result.timeline()).as("nothing observed").isEmpty();
        assertThat(result.findings()).isEmpty();
        assertThat(result.startedAt()).isEqualTo(Instant.parse("2026-11-22T06:00:00Z"));
        assertDecidedAgainAlike(result);
    }

    /** The stored record decides again, from its file alone, to what it holds. */
    private static void assertDecidedAgainAlike(ScenarioResult result) {
        var file = new io.sidecarconformance.result.SuiteResults(io.sidecarconformance.result.SuiteResults.SCHEMA, "r",
                result.startedAt(), result.startedAt(), List.of(), java.util.Map.of(), java.util.Map.of(), List.of(result));
        var report = io.sidecarconformance.verdict.RecomputeCheck.check("results.json", file);
        assertThat(report.checked()).as("checkable").isEqualTo(1);
        assertThat(report.disagreements()).as("decided again alike").isEmpty();
    }
}
