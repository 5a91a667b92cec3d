package io.sidecarconformance.verdict;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The containers' last restart counts, exit codes and reasons, read from the snapshot's status events alone. */
class LastStatusesTest {

    @Test
    void eachContainersLastReportedTerminationAndRestartCountWin() {
        Obs o = new Obs()
                .at(0.5, "main", EventKind.STATUS, "waiting=PodInitializing")
                .at(1.0, "sidecar", EventKind.RUNNING, "startedAt=2026-11-22T06:00:01Z")
                .at(3.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled finishedAt=2026-11-22T06:00:03Z")
                .at(3.5, "sidecar", EventKind.STATUS, "restartCount=1")
                .at(4.0, "sidecar", EventKind.RUNNING, "startedAt=2026-11-22T06:00:04Z")
                .at(5.0, "main", EventKind.RUNNING, "startedAt=2026-11-22T06:00:05Z")
                .at(6.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed finishedAt=2026-11-22T06:00:06Z")
                .at(6.5, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(7.0, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error finishedAt=2026-11-22T06:00:07Z")
                .at(7.5, "pod", EventKind.PHASE, "Succeeded");

        LastStatuses last = LastStatuses.of(Timeline.of(o.events));

        assertThat(last.restarts()).as("every container the kubelet reported, 0 until a restart")
                .containsOnly(java.util.Map.entry("main", 0), java.util.Map.entry("sidecar", 1));
        assertThat(last.exitCodes()).as("the last termination's code").containsOnly(
                java.util.Map.entry("main", 0), java.util.Map.entry("sidecar", 143));
        assertThat(last.reasons()).containsOnly(java.util.Map.entry("main", "Completed"), java.util.Map.entry("sidecar", "Error"));
    }

    @Test
    void aRemovedInstancesLastStateCountsAndAMissingReasonIsLeftOut() {
        Obs o = new Obs()
                .at(1.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed finishedAt=2026-11-22T06:00:01Z")
                .at(2.0, "main", EventKind.STATUS, "lastState=exit=137 reason=Error: removed before restart")
                .at(3.0, "sidecar", EventKind.TERMINATED, "exit=2 reason=null finishedAt=2026-11-22T06:00:03Z");

        LastStatuses last = LastStatuses.of(Timeline.of(o.events));

        assertThat(last.exitCodes()).containsEntry("main", 137).containsEntry("sidecar", 2);
        assertThat(last.reasons()).containsEntry("main", "Error").doesNotContainKey("sidecar");
    }
}
