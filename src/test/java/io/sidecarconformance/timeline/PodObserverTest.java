package io.sidecarconformance.timeline;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PodObserver on a user's pod (-Dworkload), against fabric8's CRUD mock API server: what the pod's status, its Events
 * and its main's log say of runner and dind is recorded under "main" and "sidecar", and main's marked line is a mark.
 */
@EnableKubernetesMockClient(crud = true)
class PodObserverTest {

    private static final String NS = "sc-unit";
    private static final String JOB = "sc-job";
    private static final String POD = "sc-job-x1";

    KubernetesMockServer server;
    KubernetesClient client;

    private static ContainerStatus running(String name) {
        return new ContainerStatusBuilder().withName(name).withReady(true).withStarted(true).withRestartCount(0)
                .withContainerID("containerd://" + name).withImage("x")
                .withNewState().withNewRunning().withStartedAt("2026-11-22T06:00:01Z").endRunning().endState().build();
    }

    private static List<String> described(List<TimelineEvent> events) {
        return events.stream().map(e -> e.container() + " " + e.kind() + " " + e.detail()).toList();
    }

    @Test
    void aUsersContainersAreRecordedUnderTheirRolesAndMainsFirstMatchingLineIsAMark() {
        String log = "/api/v1/namespaces/" + NS + "/pods/" + POD + "/log?pretty=false&container=";
        server.expect().get().withPath(log + "runner&follow=true")
                .andReturn(200, "Listening for Jobs\nRunning job: build\nRunning job: again\n").always();
        server.expect().get().withPath(log + "dind&follow=true").andReturn(200, "API listen on /var/run/docker.sock\n").always();
        TimelineRecorder timeline = new TimelineRecorder();
        List<TimelineEvent> heard = new CopyOnWriteArrayList<>();

        try (PodObserver observer = new PodObserver(client, NS, JOB, timeline, heard::add, Clock.systemUTC(),
                ContainerNamesTest.ARC).start()) {
            client.pods().inNamespace(NS).resource(new PodBuilder()
                    .withNewMetadata().withName(POD).addToLabels("job-name", JOB).endMetadata()
                    .withNewSpec().addNewInitContainer().withName("dind").withImage("x").withRestartPolicy("Always").endInitContainer()
                    .addNewContainer().withName("runner").withImage("x").endContainer().endSpec()
                    .withNewStatus().withPhase("Running").withInitContainerStatuses(running("dind"))
                    .withContainerStatuses(running("runner")).endStatus()
                    .build()).create();
            client.v1().events().inNamespace(NS).resource(new EventBuilder()
                    .withNewMetadata().withName(POD + ".1").withUid("e1").endMetadata()
                    .withNewInvolvedObject().withKind("Pod").withName(POD).withFieldPath("spec.containers{runner}").endInvolvedObject()
                    .withReason("Pulled").withMessage("image x present").withCount(1)
                    .build()).create();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(described(timeline.snapshot().events()))
                    .contains("main RUNNING startedAt=2026-11-22T06:00:01Z", "sidecar RUNNING startedAt=2026-11-22T06:00:01Z",
                            "main LOG_MATCH Running job: build", "main EVENT Pulled: image x present"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(described(timeline.snapshot().events()))
                    .as("both logs read to their end").anyMatch(e -> e.startsWith("main OUTPUT Listening for Jobs"))
                    .anyMatch(e -> e.startsWith("sidecar OUTPUT API listen")));
        }

        List<TimelineEvent> events = timeline.snapshot().events();
        assertThat(events).as("no entry under the pod's own names").noneMatch(e -> e.container().equals("runner")
                || e.container().equals("dind"));
        assertThat(events).filteredOn(e -> e.kind() == EventKind.LOG_MATCH).as("one mark: later matches are none")
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("Running job: build"));
        assertThat(heard).as("the fault's listener hears the roles' names")
                .anyMatch(e -> e.container().equals("main") && e.kind() == EventKind.RUNNING)
                .anyMatch(e -> e.container().equals("main") && e.kind() == EventKind.LOG_MATCH)
                .noneMatch(e -> e.container().equals("runner"));
    }

    @Test
    void aContainerRestartedWhileItsFirstLogIsStillReadIsFollowedAgain() {
        String log = "/api/v1/namespaces/" + NS + "/pods/" + POD + "/log?pretty=false&container=main&follow=true";
        // the first instance's stream is slow to answer: the restart's reports arrive while it is still open
        server.expect().get().delay(5, TimeUnit.SECONDS).withPath(log).andReturn(200, "first instance\n").once();
        server.expect().get().withPath(log).andReturn(200, "second instance\n").always();
        TimelineRecorder timeline = new TimelineRecorder();
        try (PodObserver observer = new PodObserver(client, NS, JOB, timeline, e -> { }, Clock.systemUTC()).start()) {
            var pods = client.pods().inNamespace(NS);
            pods.resource(new PodBuilder().withNewMetadata().withName(POD).addToLabels("job-name", JOB).endMetadata()
                    .withNewSpec().addNewContainer().withName("main").withImage("x").endContainer().endSpec()
                    .withNewStatus().withPhase("Running").withContainerStatuses(running("main")).endStatus().build()).create();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(described(timeline.snapshot().events()))
                    .contains("main RUNNING startedAt=2026-11-22T06:00:01Z"));
            ContainerStatus restarted = new ContainerStatusBuilder(running("main")).withRestartCount(1)
                    .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                    .withStartedAt("2026-11-22T06:00:01Z").withFinishedAt("2026-11-22T06:00:02Z").endTerminated().endLastState()
                    .withNewState().withNewRunning().withStartedAt("2026-11-22T06:00:03Z").endRunning().endState().build();
            pods.withName(POD).editStatus(p -> new PodBuilder(p).editStatus().withContainerStatuses(restarted).endStatus().build());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(described(timeline.snapshot().events()))
                    .as("the restarted instance's log, read by a follower started once the first stream ended")
                    .contains("main RUNNING startedAt=2026-11-22T06:00:03Z")
                    .anyMatch(e -> e.startsWith("main OUTPUT second instance")));
        }
    }
}
