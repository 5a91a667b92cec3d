package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.ReadyAfterDeletion;
import io.sidecarconformance.timeline.EventKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** When each container's Ready, and the pod's, went false after the deletion, from hand-built timelines. */
class ReadyAfterDeletionTest {

    private static Optional<String> finding(Decision d) {
        return d.findings().stream().filter(f -> f.kind() == FindingKind.READY_IN_GRACE).map(Finding::text).findFirst();
    }

    @Test
    void aProbeThatRanAfterTheDeletionTookMainsReadyAndThePodsAwayWhileMainStillRan() {
        Decision d = Obs.readyThroughGrace(true).decide();

        assertThat(d.figures().readyAfterDeletion()).as("main went unready 1.1 s after the deletion, 3 s before its end")
                .containsEntry("main", new ReadyAfterDeletion(true, 1.1, 4.1))
                .as("the sidecar served on, Ready, until it ended")
                .containsEntry("sidecar", new ReadyAfterDeletion(true, null, 4.7))
                .as("the pod's Ready condition with main's; its first container ended with main")
                .containsEntry("pod", new ReadyAfterDeletion(true, 1.1, 4.1))
                .hasSize(3);
        assertThat(finding(d)).as("the figure in words, with the probe's Event").get().asString()
                .isEqualTo("after the deletion: main Ready false +1.1s, ended +4.1s (its first readiness probe Event after"
                        + " the deletion, +1.0s: Readiness probe failed:); sidecar stayed Ready until it ended, +4.7s;"
                        + " pod Ready false +1.1s, its first container ended +4.1s");
    }

    @Test
    void aProbeThatErroredLeftMainAndThePodReadyUntilMainEnded() {
        Decision d = Obs.readyThroughGrace(false).decide();

        assertThat(d.figures().readyAfterDeletion()).as("ready=false only with the report of main's end: the end's")
                .containsEntry("main", new ReadyAfterDeletion(true, null, 4.1))
                .containsEntry("sidecar", new ReadyAfterDeletion(true, null, 4.7))
                .as("the pod's condition went false with that report, after main's own end")
                .containsEntry("pod", new ReadyAfterDeletion(true, 4.5, 4.1));
        assertThat(d.figures().readyAfterDeletion().get("main").stayedReady()).as("Ready through the grace period").isTrue();
        assertThat(finding(d)).get().asString()
                .startsWith("after the deletion: main stayed Ready until it ended, +4.1s (its first readiness probe Event"
                        + " after the deletion, +0.9s: Readiness probe errored and resulted in unknown state: rpc error:"
                        + " code = Canceled desc = context canceled)")
                .endsWith("; pod Ready false +4.5s, its first container ended +4.1s");
    }

    @Test
    void aReadyFalseReportedAfterTheContainersOwnExitingLineIsItsEndsNotTheProbes() {
        Obs o = Obs.readyThroughGrace(false);
        o.events.removeIf(e -> e.container().equals("main") && e.detail().equals("ready=false"));
        o.at(7.3, "main", EventKind.STATUS, "ready=false");

        assertThat(o.decide().figures().readyAfterDeletion().get("main")).as("between its Exiting line (+4.1s) and the"
                + " kubelet's report of its end").isEqualTo(new ReadyAfterDeletion(true, null, 4.1));
    }

    @Test
    void thePodsReadyIsItsConditionsFirstFalseBesideItsFirstContainersEnd() {
        Obs o = Obs.readyThroughGrace(true);
        o.events.removeIf(e -> e.container().equals("sidecar") && (e.kind() == EventKind.EXITING
                || e.detail().startsWith("Terminating")));
        o.at(3.4, "sidecar", EventKind.STEP, "Terminating on SIGTERM: stopping its service")
                .at(3.5, "sidecar", EventKind.EXITING, "143 SIGTERM");

        var ready = o.decide().figures().readyAfterDeletion();
        assertThat(ready.get("sidecar")).as("a classic sidecar that ended at once, Ready until its end")
                .isEqualTo(new ReadyAfterDeletion(true, null, 0.5));
        assertThat(ready.get("pod")).as("the condition went false with main's probe; the sidecar had already exited")
                .isEqualTo(new ReadyAfterDeletion(true, 1.1, 0.5));
        assertThat(finding(o.decide())).get().asString().endsWith("pod Ready false +1.1s, its first container ended +0.5s");
    }

    @Test
    void aContainerNotReadyWhenDeletedSaysSo() {
        Obs o = Obs.readyThroughGrace(true);
        o.events.removeIf(e -> e.container().equals("main") && e.detail().startsWith("ready="));

        assertThat(o.decide().figures().readyAfterDeletion().get("main")).isEqualTo(new ReadyAfterDeletion(false, null, 4.1));
        assertThat(finding(o.decide())).get().asString().contains("main not Ready at the deletion, ended +4.1s");
    }

    @Test
    void aReadyReportThatTrailsTheDeletionStillCountsAsReadyAtIt() {
        Obs o = Obs.readyThroughGrace(true);
        o.events.removeIf(e -> e.container().equals("main") && e.detail().equals("ready=true"));
        o.at(3.2, "main", EventKind.STATUS, "ready=true");

        assertThat(o.decide().figures().readyAfterDeletion().get("main")).isEqualTo(new ReadyAfterDeletion(true, 1.1, 4.1));
    }

    @Test
    void withoutADeletionOrWithoutAReadinessProbeThereIsNoFigureAndNoFinding() {
        Obs undeleted = Obs.readyThroughGrace(true);
        undeleted.deleteAt = null;
        assertThat(undeleted.decide().figures().readyAfterDeletion()).as("no deletion").isEmpty();
        assertThat(finding(undeleted.decide())).as("no deletion").isEmpty();

        Obs unprobed = Obs.readyThroughGrace(true);
        unprobed.events.removeIf(e -> e.kind() == EventKind.PROBE);
        assertThat(unprobed.decide().figures().readyAfterDeletion()).as("no readinessProbe: Ready means only running")
                .isEmpty();
        assertThat(finding(unprobed.decide())).as("no readinessProbe").isEmpty();
        assertThat(Obs.slowMainDrain(true).decide().figures().readyAfterDeletion()).as("a deletion cell of before +ready")
                .isEmpty();
    }
}
