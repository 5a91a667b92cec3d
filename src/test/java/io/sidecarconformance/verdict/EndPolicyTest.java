package io.sidecarconformance.verdict;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static io.sidecarconformance.verdict.Obs.time;
import static org.assertj.core.api.Assertions.assertThat;

/** When observation stops, on the runner's clock only. Times are seconds after the Job's creation. */
class EndPolicyTest {

    private static final EndPolicy POLICY = new EndPolicy(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(300));
    private static final EndPolicy.RunState RUNNING = new EndPolicy.RunState(Obs.T0, null, null);

    private static Optional<Ending> at(Obs o, EndPolicy.RunState s, double now) {
        return POLICY.ending(Timeline.of(o.events), s, time(now));
    }

    @Test
    void podAndJobEndedIsDecidedWhenTheLaterOfThemWasSeen() {
        Optional<Ending> e = at(Obs.clean(), RUNNING, 7.6);

        assertThat(e).get().extracting(Ending::kind).isEqualTo(Ending.Kind.POD_AND_JOB_ENDED);
        assertThat(e.get().decidedAt()).isEqualTo(time(7.5));
    }

    @Test
    void aPodWithoutAJobConditionWaitsOutTheJobWindow() {
        Obs o = Obs.clean();
        o.events.removeIf(ev -> ev.kind() == EventKind.JOB);

        assertThat(at(o, RUNNING, 26.9)).as("window not over").isEmpty();
        assertThat(at(o, RUNNING, 27.1)).get().extracting(Ending::kind).isEqualTo(Ending.Kind.JOB_NOT_TERMINAL);
    }

    @Test
    void theStuckWindowRunsFromWhenTheRunnerSawMainEndNotFromTheContainersClock() {
        // main's clock says it exited at +5s; the runner saw its line and the kubelet's report only at +20s.
        Obs o = new Obs()
                .seen(1.0, 1.0, "sidecar", EventKind.STARTING, "pid=1")
                .seen(2.0, 2.0, "main", EventKind.STARTING, "pid=1")
                .seen(5.0, 20.0, "main", EventKind.EXITING, "0")
                .seen(20.0, 20.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed");

        assertThat(at(o, RUNNING, 36.0)).as("30s after the container's clock, but not after the runner saw it").isEmpty();
        Optional<Ending> e = at(o, RUNNING, 50.1);
        assertThat(e).get().extracting(Ending::kind).isEqualTo(Ending.Kind.POD_NOT_ENDED);
        assertThat(e.get().decidedAt()).isEqualTo(time(50.0));
    }

    @Test
    void afterADeletionOnlyThePodsDisappearanceEndsIt() {
        EndPolicy.RunState deleting = new EndPolicy.RunState(Obs.T0, Obs.time(3.0), 15L, null, null);
        Obs o = Obs.clean();

        assertThat(at(o, deleting, 8.0)).as("terminal phase is not enough").isEmpty();
        o.at(9.0, "pod", EventKind.DELETED, "gone");
        assertThat(at(o, deleting, 9.1)).get().extracting(Ending::kind).isEqualTo(Ending.Kind.POD_AND_JOB_ENDED);
    }

    @Test
    void mainNotStartedAStuckWindowAfterTheSidecarSaidReady() {
        Obs o = new Obs().seen(1.0, 1.2, "sidecar", EventKind.STARTING, "pid=1").seen(1.5, 1.6, "sidecar", EventKind.READY, "");

        assertThat(at(o, RUNNING, 31.5)).isEmpty();
        assertThat(at(o, RUNNING, 31.7)).get().extracting(Ending::kind).isEqualTo(Ending.Kind.MAIN_NEVER_STARTED);
    }

    @Test
    void theDeadlineBoundsEverythingElse() {
        Obs o = new Obs().at(1.0, "sidecar", EventKind.STATUS, "waiting=ContainerCreating");

        assertThat(at(o, RUNNING, 299.0)).isEmpty();
        Optional<Ending> e = at(o, RUNNING, 300.5);
        assertThat(e).get().extracting(Ending::kind).isEqualTo(Ending.Kind.DEADLINE);
        assertThat(e.get().reason()).contains("300s");
    }

    @Test
    void anInfrastructureErrorOrARefusalEndsAtOnce() {
        assertThat(at(new Obs(), new EndPolicy.RunState(Obs.T0, "watch lost", null), 1.0)).get()
                .extracting(Ending::kind).isEqualTo(Ending.Kind.INFRA_ERROR);
        assertThat(at(new Obs(), new EndPolicy.RunState(Obs.T0, null, "invalid"), 1.0)).get()
                .extracting(Ending::kind).isEqualTo(Ending.Kind.REFUSED);
    }

    @Test
    void aPodDeletedDuringItsStartUpIsStuckOnlyWhenNotGoneItsGracePeriodPlusTheStuckWindowAfterTheDeletion() {
        // The sidecar said Ready, main never started: after a deletion main need not start, only the pod must go.
        Obs o = new Obs().seen(1.0, 1.2, "sidecar", EventKind.STARTING, "pid=1").seen(1.5, 1.6, "sidecar", EventKind.READY, "")
                .at(2.0, "sidecar-2", EventKind.STEP, "Delaying 240s");
        EndPolicy.RunState deleted = new EndPolicy.RunState(Obs.T0, time(2.5), 15L, null, null);

        assertThat(at(o, deleted, 40.0)).as("main never started, but the pod was deleted").isEmpty();
        assertThat(at(o, deleted, 47.4)).as("within grace + stuck window").isEmpty();
        Optional<Ending> e = at(o, deleted, 47.6);
        assertThat(e).get().extracting(Ending::kind).isEqualTo(Ending.Kind.POD_NOT_GONE);
        assertThat(e.get().decidedAt()).isEqualTo(time(47.5));
        assertThat(e.get().reason()).contains("not gone 45s after its deletion", "grace period 15s plus 30s");
        assertThat(e.get().kind().podEnded()).as("a pod that hangs did not end").isFalse();

        o.at(4.0, "pod", EventKind.DELETED, "gone").at(4.2, "job", EventKind.JOB, "Failed: BackoffLimitExceeded");
        assertThat(at(o, deleted, 4.3)).get().extracting(Ending::kind).isEqualTo(Ending.Kind.POD_AND_JOB_ENDED);
    }

    @Test
    void anImageTheKubeletCannotPullEndsObservationAsAnInfrastructureError() {
        Obs o = new Obs().at(1.0, "sidecar", EventKind.STATUS, "waiting=ErrImagePull: pull access denied");

        Optional<Ending> e = at(o, RUNNING, 1.1);
        assertThat(e).get().extracting(Ending::kind).isEqualTo(Ending.Kind.INFRA_ERROR);
        assertThat(e.get().reason()).isEqualTo("image not available on the cluster for sidecar (waiting=ErrImagePull:"
                + " pull access denied); import it or choose images with -Dimages.busybox / -Dimages.dind / -Dimages.proxy");
        assertThat(at(new Obs().at(1.0, "sidecar", EventKind.STATUS, "waiting=ContainerCreating"), RUNNING, 1.1))
                .as("waiting for an image being pulled is no problem").isEmpty();
    }

    @Test
    void aProblemMetAfterTheEndTurnsTheEndingIntoAnInfrastructureErrorAndNothingElseDoes() {
        Ending ended = at(Obs.clean(), RUNNING, 7.6).orElseThrow();
        EndPolicy.RunState failedRestart = new EndPolicy.RunState(Obs.T0, "fault kubelet-restart could not be injected", null);

        Ending after = POLICY.afterLateProblem(Timeline.of(Obs.clean().events), ended, failedRestart, time(30.0));
        assertThat(after.kind()).isEqualTo(Ending.Kind.INFRA_ERROR);
        assertThat(after.reason()).isEqualTo("fault kubelet-restart could not be injected");
        assertThat(POLICY.afterLateProblem(Timeline.of(Obs.clean().events), ended, RUNNING, time(30.0)))
                .as("no problem: the ending stands").isSameAs(ended);
    }
}
