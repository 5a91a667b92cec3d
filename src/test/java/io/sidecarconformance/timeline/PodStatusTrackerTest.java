package io.sidecarconformance.timeline;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Successive pod states, as a watch delivers them. */
class PodStatusTrackerTest {

    static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    private final PodStatusTracker tracker = new PodStatusTracker();
    private int tick;

    /** Feeds one pod state; returns what the tracker emitted for it. */
    private List<TimelineEvent> feed(Pod pod) {
        return tracker.update(pod, NOW.plusSeconds(tick++));
    }

    static Pod pod(String phase, List<ContainerStatus> init, List<ContainerStatus> regular) {
        return new PodBuilder()
                .withNewMetadata().withName("sc-job-abcde").withNamespace("ns").endMetadata()
                .withNewStatus().withPhase(phase).withInitContainerStatuses(init).withContainerStatuses(regular).endStatus()
                .build();
    }

    static Pod pod(String phase, ContainerStatus... regular) {
        return pod(phase, List.of(), List.of(regular));
    }

    static ContainerStatus waiting(String name, String reason, String message) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withStarted(false).withRestartCount(0)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .build();
    }

    static ContainerStatus running(String name, String startedAt, boolean ready, int restarts) {
        return new ContainerStatusBuilder().withName(name).withReady(ready).withStarted(true).withRestartCount(restarts)
                .withContainerID("containerd://" + name + startedAt)
                .withNewState().withNewRunning().withStartedAt(startedAt).endRunning().endState()
                .build();
    }

    static ContainerStatusBuilder terminatedBuilder(String name, int exit, String reason, String startedAt, String finishedAt) {
        return new ContainerStatusBuilder().withName(name).withReady(false).withStarted(false).withRestartCount(0)
                .withContainerID("containerd://" + name + startedAt)
                .withNewState().withNewTerminated().withExitCode(exit).withReason(reason)
                .withContainerID("containerd://" + name + startedAt)
                .withStartedAt(startedAt).withFinishedAt(finishedAt).endTerminated().endState();
    }

    static ContainerStatus terminated(String name, int exit, String reason, String startedAt, String finishedAt) {
        return terminatedBuilder(name, exit, reason, startedAt, finishedAt).build();
    }

    /** Running again after a restart: the previous run shows only as lastState. */
    static ContainerStatus restartedRunning(String name, String startedAt, int restarts,
                                            int lastExit, String lastReason, String lastStartedAt, String lastFinishedAt) {
        return new ContainerStatusBuilder(running(name, startedAt, false, restarts))
                .withNewLastState().withNewTerminated().withExitCode(lastExit).withReason(lastReason)
                .withContainerID("containerd://" + name + lastStartedAt)
                .withStartedAt(lastStartedAt).withFinishedAt(lastFinishedAt).endTerminated().endLastState()
                .build();
    }

    static List<String> describe(List<TimelineEvent> events) {
        return events.stream().map(e -> e.container() + " " + e.kind() + " " + e.detail()).toList();
    }

    @Test
    void aWholeRunIsReportedOnceEachStepAndRepeatsAreSilent() {
        List<TimelineEvent> all = new ArrayList<>();

        Pod pending = pod("Pending", waiting("main", "ContainerCreating", null), waiting("sidecar", "ContainerCreating", null));
        List<TimelineEvent> first = feed(pending);
        all.addAll(first);
        assertThat(describe(first)).as("pending").containsExactly(
                "pod PHASE Pending", "main STATUS waiting=ContainerCreating", "sidecar STATUS waiting=ContainerCreating");
        assertThat(feed(pending)).as("same pending state again").isEmpty();

        Pod sidecarUp = pod("Running", waiting("main", "ContainerCreating", null), running("sidecar", "2026-11-22T06:00:01Z", true, 0));
        List<TimelineEvent> second = feed(sidecarUp);
        all.addAll(second);
        assertThat(describe(second)).as("sidecar up").containsExactlyInAnyOrder(
                "pod PHASE Running", "sidecar RUNNING startedAt=2026-11-22T06:00:01Z", "sidecar STATUS started=true",
                "sidecar STATUS ready=true");
        assertThat(feed(sidecarUp)).as("same state again").isEmpty();

        Pod bothUp = pod("Running", running("main", "2026-11-22T06:00:02Z", true, 0), running("sidecar", "2026-11-22T06:00:01Z", true, 0));
        assertThat(describe(feed(bothUp))).as("main up").containsExactlyInAnyOrder(
                "main RUNNING startedAt=2026-11-22T06:00:02Z", "main STATUS started=true", "main STATUS ready=true");
        assertThat(feed(bothUp)).as("same state again").isEmpty();

        Pod mainDone = pod("Running", terminated("main", 0, "Completed", "2026-11-22T06:00:02Z", "2026-11-22T06:00:06Z"),
                running("sidecar", "2026-11-22T06:00:01Z", true, 0));
        assertThat(describe(feed(mainDone))).as("main done").containsExactlyInAnyOrder(
                "main TERMINATED exit=0 reason=Completed finishedAt=2026-11-22T06:00:06Z",
                "main STATUS started=false", "main STATUS ready=false");
        assertThat(feed(mainDone)).as("same state again").isEmpty();

        Pod succeeded = pod("Succeeded", terminated("main", 0, "Completed", "2026-11-22T06:00:02Z", "2026-11-22T06:00:06Z"),
                terminated("sidecar", 0, "Completed", "2026-11-22T06:00:01Z", "2026-11-22T06:00:07Z"));
        List<TimelineEvent> last = feed(succeeded);
        assertThat(describe(last)).as("pod done").containsExactlyInAnyOrder(
                "pod PHASE Succeeded",
                "sidecar TERMINATED exit=0 reason=Completed finishedAt=2026-11-22T06:00:07Z",
                "sidecar STATUS started=false", "sidecar STATUS ready=false");
        assertThat(feed(succeeded)).as("same state again").isEmpty();

        assertThat(last).as("stamped with the observation time, from the status source")
                .allSatisfy(e -> {
                    assertThat(e.time()).isEqualTo(NOW.plusSeconds(8));
                    assertThat(e.source()).isEqualTo(EventSource.STATUS);
                });
    }

    @Test
    void aTerminationSeenOnlyAsLastStateIsReportedOnceWithTheRestart() {
        feed(pod("Running", running("main", "2026-11-22T06:00:02Z", true, 0), running("sidecar", "2026-11-22T06:00:01Z", true, 0)));

        // The OOM kill and the restart happened between two watch events.
        Pod restarted = pod("Running", running("main", "2026-11-22T06:00:02Z", true, 0),
                restartedRunning("sidecar", "2026-11-22T06:00:09Z", 1, 137, "OOMKilled", "2026-11-22T06:00:01Z", "2026-11-22T06:00:08Z"));
        List<TimelineEvent> events = feed(restarted);

        assertThat(events).as("restart events").extracting(TimelineEvent::container, TimelineEvent::kind, TimelineEvent::detail)
                .containsExactlyInAnyOrder(
                        tuple("sidecar", EventKind.RUNNING, "startedAt=2026-11-22T06:00:09Z"),
                        tuple("sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled finishedAt=2026-11-22T06:00:08Z"),
                        tuple("sidecar", EventKind.STATUS, "restartCount=1"),
                        tuple("sidecar", EventKind.STATUS, "ready=false"));
        assertThat(feed(restarted)).as("same state again").isEmpty();
    }

    @Test
    void aTerminationSeenFirstAsStateIsNotRepeatedWhenItMovesToLastState() {
        feed(pod("Running", List.of(running("sidecar", "2026-11-22T06:00:01Z", true, 0)),
                List.of(running("main", "2026-11-22T06:00:02Z", false, 0))));
        List<TimelineEvent> killed = feed(pod("Running",
                List.of(terminated("sidecar", 137, "OOMKilled", "2026-11-22T06:00:01Z", "2026-11-22T06:00:08Z")),
                List.of(running("main", "2026-11-22T06:00:02Z", false, 0))));
        assertThat(killed).as("init container termination").filteredOn(e -> e.kind() == EventKind.TERMINATED)
                .extracting(TimelineEvent::container).containsExactly("sidecar");

        List<TimelineEvent> crashLoop = feed(pod("Running",
                List.of(new ContainerStatusBuilder(waiting("sidecar", "CrashLoopBackOff", "back-off 10s restarting failed container"))
                        .withRestartCount(1)
                        .withNewLastState().withNewTerminated().withExitCode(137).withReason("OOMKilled")
                        .withContainerID("containerd://sidecar2026-11-22T06:00:01Z")
                        .withStartedAt("2026-11-22T06:00:01Z").withFinishedAt("2026-11-22T06:00:08Z").endTerminated().endLastState()
                        .build()),
                List.of(running("main", "2026-11-22T06:00:02Z", false, 0))));
        assertThat(describe(crashLoop)).as("back-off after the kill").containsExactlyInAnyOrder(
                "sidecar STATUS waiting=CrashLoopBackOff: back-off 10s restarting failed container",
                "sidecar STATUS restartCount=1");

        List<TimelineEvent> second = feed(pod("Running",
                List.of(restartedRunning("sidecar", "2026-11-22T06:00:20Z", 1, 137, "OOMKilled", "2026-11-22T06:00:01Z", "2026-11-22T06:00:08Z")),
                List.of(running("main", "2026-11-22T06:00:02Z", false, 0))));
        assertThat(describe(second)).as("running again").containsExactlyInAnyOrder(
                "sidecar RUNNING startedAt=2026-11-22T06:00:20Z", "sidecar STATUS started=true");

        List<TimelineEvent> killedAgain = feed(pod("Running",
                List.of(new ContainerStatusBuilder(terminated("sidecar", 137, "OOMKilled", "2026-11-22T06:00:20Z", "2026-11-22T06:00:25Z"))
                        .withRestartCount(1).build()),
                List.of(running("main", "2026-11-22T06:00:02Z", false, 0))));
        assertThat(killedAgain).as("a second, different termination").filteredOn(e -> e.kind() == EventKind.TERMINATED)
                .extracting(TimelineEvent::detail).containsExactly("exit=137 reason=OOMKilled finishedAt=2026-11-22T06:00:25Z");
    }

    @Test
    void waitingReasonsAreReportedWhenTheyChange() {
        assertThat(describe(feed(pod("Pending", waiting("main", "ContainerCreating", null)))))
                .as("first reason").contains("main STATUS waiting=ContainerCreating");
        assertThat(describe(feed(pod("Pending", waiting("main", "ErrImagePull", "pull access denied")))))
                .as("new reason with message").containsExactly("main STATUS waiting=ErrImagePull: pull access denied");
        assertThat(feed(pod("Pending", waiting("main", "ErrImagePull", "pull access denied"))))
                .as("same reason again").isEmpty();
        assertThat(describe(feed(pod("Pending", waiting("main", "ImagePullBackOff", "Back-off pulling image")))))
                .as("next reason").containsExactly("main STATUS waiting=ImagePullBackOff: Back-off pulling image");
    }

    @Test
    void phaseChangesCarryThePodReason() {
        feed(pod("Running", running("main", "2026-11-22T06:00:02Z", true, 0)));
        Pod failed = new PodBuilder(pod("Failed", terminated("main", 137, "Error", "2026-11-22T06:00:02Z", "2026-11-22T06:00:09Z")))
                .editStatus().withReason("DeadlineExceeded").endStatus().build();
        assertThat(feed(failed)).as("phase event").filteredOn(e -> e.kind() == EventKind.PHASE)
                .extracting(TimelineEvent::container, TimelineEvent::detail).containsExactly(tuple("pod", "Failed (DeadlineExceeded)"));
    }

    @Test
    void readyFlipsBothWaysWhileRunning() {
        feed(pod("Running", running("sidecar", "2026-11-22T06:00:01Z", false, 0)));
        assertThat(describe(feed(pod("Running", running("sidecar", "2026-11-22T06:00:01Z", true, 0)))))
                .as("became ready").containsExactly("sidecar STATUS ready=true");
        assertThat(describe(feed(pod("Running", running("sidecar", "2026-11-22T06:00:01Z", false, 0)))))
                .as("became unready").containsExactly("sidecar STATUS ready=false");
    }

    /** The same pod with its Ready condition. */
    private static Pod withReadyCondition(Pod pod, String status, String reason) {
        return new PodBuilder(pod).editStatus().addNewCondition().withType("Ready").withStatus(status).withReason(reason)
                .endCondition().addNewCondition().withType("PodScheduled").withStatus("True").endCondition().endStatus().build();
    }

    @Test
    void thePodsReadyConditionIsThePodsReadyFlagReportedWhenItFlips() {
        Pod starting = pod("Running", running("main", "2026-11-22T06:00:01Z", false, 0));
        assertThat(describe(feed(withReadyCondition(starting, "False", "ContainersNotReady"))))
                .as("not ready at first: nothing to report").noneMatch(d -> d.startsWith("pod STATUS"));
        Pod ready = pod("Running", running("main", "2026-11-22T06:00:01Z", true, 0));
        assertThat(describe(feed(withReadyCondition(ready, "True", null))))
                .as("container first, then the pod's condition").containsExactly("main STATUS ready=true", "pod STATUS ready=true");
        assertThat(describe(feed(withReadyCondition(ready, "True", null)))).as("a repeat is silent").isEmpty();
        assertThat(describe(feed(withReadyCondition(starting, "False", "ContainersNotReady"))))
                .as("both went false in one update").containsExactly("main STATUS ready=false", "pod STATUS ready=false");
    }

    @Test
    void eachContainersReadinessProbeIsReportedOnceFromTheSpec() {
        Pod pending = new PodBuilder(pod("Pending", waiting("main", "ContainerCreating", null)))
                .withNewSpec()
                .addNewInitContainer().withName("sidecar").withRestartPolicy("Always").withNewReadinessProbe().withNewExec()
                .withCommand("/bin/sh", "-c", "true").endExec().withPeriodSeconds(2).withTimeoutSeconds(1)
                .withFailureThreshold(1).endReadinessProbe().endInitContainer()
                .addNewContainer().withName("main").withNewReadinessProbe().withNewHttpGet().withPort(
                        new io.fabric8.kubernetes.api.model.IntOrString(8080)).endHttpGet().endReadinessProbe().endContainer()
                .addNewContainer().withName("other").endContainer()
                .endSpec().build();
        assertThat(describe(feed(pending))).as("one event per container with a readinessProbe, first seen")
                .startsWith("sidecar PROBE readinessProbe exec periodSeconds=2 timeoutSeconds=1 failureThreshold=1",
                        "main PROBE readinessProbe httpGet")
                .noneMatch(d -> d.startsWith("other PROBE"));
        assertThat(describe(feed(pending))).as("never again").noneMatch(d -> d.contains("PROBE"));
    }

    @Test
    void theStopSignalTheKubeletReportsIsAStatusOncePerValue() {
        ContainerStatus plain = running("main", "2026-11-22T06:00:02Z", true, 0);
        ContainerStatus usr1 = new ContainerStatusBuilder(plain).withStopSignal("SIGUSR1").build();
        assertThat(describe(feed(pod("Running", plain)))).as("none reported (gate off, or a runtime that reports none)")
                .noneMatch(d -> d.contains("stopSignal"));
        assertThat(describe(feed(pod("Running", usr1)))).as("reported").containsExactly("main STATUS stopSignal=SIGUSR1");
        assertThat(feed(pod("Running", usr1))).as("the same again: silent").isEmpty();
    }

    @Test
    void aPodWithoutStatusOrContainerStatusesYieldsOnlyWhatItHas() {
        Pod bare = new PodBuilder().withNewMetadata().withName("p").endMetadata().build();
        assertThat(feed(bare)).as("no status").isEmpty();
        Pod phaseOnly = new PodBuilder(bare).withNewStatus().withPhase("Pending").endStatus().build();
        assertThat(describe(feed(phaseOnly))).as("phase only").containsExactly("pod PHASE Pending");
        assertThat(feed(phaseOnly)).as("again").isEmpty();
    }

    @Test
    void ephemeralContainerStatusesAreTracked() {
        Pod withEphemeral = new PodBuilder(pod("Running", running("main", "2026-11-22T06:00:02Z", true, 0)))
                .editStatus().withEphemeralContainerStatuses(running("sidecar", "2026-11-22T06:00:04Z", false, 0)).endStatus()
                .build();
        feed(pod("Running", running("main", "2026-11-22T06:00:02Z", true, 0)));
        assertThat(describe(feed(withEphemeral))).as("ephemeral sidecar appears")
                .contains("sidecar RUNNING startedAt=2026-11-22T06:00:04Z");
    }

    /** RestartAllContainers: the kubelet removes every container and writes an anonymous last state (exit 137) for each. */
    private static ContainerStatus removedForRestartAll(ContainerStatus current, int restarts) {
        return new ContainerStatusBuilder(current).withRestartCount(restarts)
                .withNewLastState().withNewTerminated().withExitCode(137).withReason("RestartingAllContainers")
                .withMessage("The container is removed because RestartAllContainers in place").endTerminated().endLastState()
                .build();
    }

    @Test
    void anAnonymousLastStateAfterAnEndAlreadyReportedIsNoSecondEnd() {
        feed(pod("Running", List.of(running("sidecar", "2026-11-22T06:00:01Z", true, 0)),
                List.of(running("main", "2026-11-22T06:00:02Z", true, 0))));
        List<TimelineEvent> killed = feed(pod("Running", List.of(running("sidecar", "2026-11-22T06:00:01Z", true, 0)),
                List.of(terminated("main", 137, "Error", "2026-11-22T06:00:02Z", "2026-11-22T06:00:05Z"))));
        assertThat(killed).as("main's own end").filteredOn(e -> e.kind() == EventKind.TERMINATED).hasSize(1);

        List<TimelineEvent> restartedAll = feed(pod("Running",
                List.of(removedForRestartAll(running("sidecar", "2026-11-22T06:00:07Z", true, 0), 1)),
                List.of(removedForRestartAll(running("main", "2026-11-22T06:00:07Z", true, 0), 1))));

        assertThat(restartedAll).as("main: its end was reported; the removal is a status, not a second end")
                .filteredOn(e -> e.container().equals("main"))
                .extracting(TimelineEvent::kind, TimelineEvent::detail)
                .contains(tuple(EventKind.STATUS, "lastState=exit=137 reason=RestartingAllContainers: The container is removed"
                        + " because RestartAllContainers in place"))
                .doesNotContain(tuple(EventKind.TERMINATED, "exit=137 reason=RestartingAllContainers finishedAt=null"));
        assertThat(restartedAll).as("the sidecar was running: the removal is its instance's only end report")
                .filteredOn(e -> e.container().equals("sidecar") && e.kind() == EventKind.TERMINATED)
                .extracting(TimelineEvent::detail).containsExactly("exit=137 reason=RestartingAllContainers finishedAt=null");

        // The kubelet keeps that last state while the new instances run: it ends none of them.
        List<TimelineEvent> later = feed(pod("Running",
                List.of(removedForRestartAll(running("sidecar", "2026-11-22T06:00:07Z", true, 0), 1)),
                List.of(removedForRestartAll(running("main", "2026-11-22T06:00:08Z", true, 0), 1))));
        assertThat(later).as("the new instances run on").noneMatch(e -> e.kind() == EventKind.TERMINATED);
        assertThat(later).as("said once").noneMatch(e -> e.detail().startsWith("lastState="));
    }
}
