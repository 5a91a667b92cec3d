package io.sidecarconformance.result;

import io.sidecarconformance.result.EndOfPod.ContainerEnd;
import io.sidecarconformance.result.EndOfPod.State;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A pod's end read from its timeline alone: each field from its named events, and nothing else. */
class EndOfPodTest {

    private static final Instant T0 = Instant.parse("2026-12-02T04:09:01Z");

    /** Events at seconds after T0; the source is the one the suite gives each kind. */
    static final class Events {
        final List<TimelineEvent> list = new ArrayList<>();

        Events at(double s, String container, EventKind kind, String detail) {
            EventSource source = switch (kind) {
                case STARTING, READY, EXITING, STEP, OUTPUT -> EventSource.LOG;
                case EVENT -> EventSource.EVENT;
                case JOB -> EventSource.JOB;
                case ACTION -> EventSource.SUITE;
                default -> EventSource.STATUS;
            };
            list.add(new TimelineEvent(T0.plusMillis(Math.round(s * 1000)), container, kind, detail, source));
            return this;
        }
    }

    /** A native sidecar's normal end, as the published native / light / exec cell under none on 1.35 recorded it. */
    static Events nativeSidecarStoppedAfterMain() {
        return new Events().at(0.0, "pod", EventKind.PHASE, "Pending")
                .at(0.1, "sidecar", EventKind.STATUS, "waiting=PodInitializing")
                .at(0.1, "main", EventKind.STATUS, "waiting=PodInitializing")
                .at(0.5, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.6, "sidecar", EventKind.RUNNING, "startedAt=2026-12-02T04:09:01Z")
                .at(1.6, "sidecar", EventKind.STATUS, "started=true")
                .at(1.6, "sidecar", EventKind.STATUS, "ready=true")
                .at(1.8, "main", EventKind.STARTING, "pid=1")
                .at(2.6, "main", EventKind.RUNNING, "startedAt=2026-12-02T04:09:03Z")
                .at(2.6, "main", EventKind.STATUS, "ready=true")
                .at(6.8, "main", EventKind.EXITING, "0")
                .at(7.7, "sidecar", EventKind.EVENT, "Killing: Stopping container sidecar")
                .at(7.7, "main", EventKind.TERMINATED, "exit=0 reason=Completed finishedAt=2026-12-02T04:09:08Z")
                .at(7.7, "main", EventKind.STATUS, "ready=false")
                .at(7.7, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(8.7, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error finishedAt=2026-12-02T04:09:09Z")
                .at(8.7, "sidecar", EventKind.STATUS, "ready=false")
                .at(10.7, "pod", EventKind.PHASE, "Succeeded")
                .at(11.8, "job", EventKind.JOB, "Complete: CompletionsReached");
    }

    @Test
    void aNativeSidecarStoppedAfterMainEndsWith143ErrorInASucceededPod() {
        EndOfPod end = EndOfPod.of(nativeSidecarStoppedAfterMain().list);

        assertThat(end.podPhase()).isEqualTo("Succeeded");
        assertThat(end.podReason()).isNull();
        assertThat(end.podGone()).isFalse();
        assertThat(end.containers()).containsOnlyKeys("main", "sidecar");
        assertThat(end.containers().get("sidecar")).as("the kubelet's last report, and the signal its own line named")
                .isEqualTo(new ContainerEnd(State.TERMINATED, null, 143, "Error", "SIGTERM", false, 0));
        assertThat(end.containers().get("main")).isEqualTo(new ContainerEnd(State.TERMINATED, null, 0, "Completed", null, false, 0));
    }

    @Test
    void aRunWithoutATerminatedStateEndsRunningWithNoExitCode() {
        // classic under none: main exits, the sidecar keeps the pod Running until the stuck window ends observation
        Events stuck = new Events().at(0.0, "pod", EventKind.PHASE, "Pending")
                .at(1.0, "pod", EventKind.PHASE, "Running")
                .at(1.0, "sidecar", EventKind.RUNNING, "startedAt=2026-12-02T04:09:02Z")
                .at(1.0, "sidecar", EventKind.STATUS, "ready=true")
                .at(1.0, "main", EventKind.RUNNING, "startedAt=2026-12-02T04:09:02Z")
                .at(6.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed finishedAt=2026-12-02T04:09:07Z");

        EndOfPod end = EndOfPod.of(stuck.list);

        assertThat(end.podPhase()).isEqualTo("Running");
        assertThat(end.containers().get("sidecar"))
                .isEqualTo(new ContainerEnd(State.RUNNING, null, null, null, null, true, 0));
        assertThat(EndOfPod.of(List.of())).as("no pod at all (a rejected spec)")
                .isEqualTo(new EndOfPod(null, null, false, Map.of()));
    }

    @Test
    void aRestartSeenInOneUpdateWithTheEndBeforeItEndsRunningWithTheLastExit() {
        // The watch missed the terminated state: one update shows the new instance running and the old one's lastState.
        Events e = new Events().at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.0, "sidecar", EventKind.RUNNING, "startedAt=2026-12-02T04:09:02Z")
                .at(4.0, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(5.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(6.0, "sidecar", EventKind.RUNNING, "startedAt=2026-12-02T04:09:06Z")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled finishedAt=2026-12-02T04:09:05Z")
                .at(6.0, "sidecar", EventKind.STATUS, "restartCount=1");

        ContainerEnd sidecar = EndOfPod.of(e.list).containers().get("sidecar");

        assertThat(sidecar.state()).isEqualTo(State.RUNNING);
        assertThat(sidecar.exitCode()).isEqualTo(137);
        assertThat(sidecar.reason()).isEqualTo("OOMKilled");
        assertThat(sidecar.signal()).as("what an earlier instance said is not the last one's word").isNull();
        assertThat(sidecar.restarts()).isEqualTo(1);
    }

    @Test
    void aContainerWaitingAfterItsEndKeepsItsLastExitAndTheWaitingReason() {
        Events e = new Events().at(1.0, "sidecar", EventKind.RUNNING, "startedAt=2026-12-02T04:09:02Z")
                .at(3.0, "sidecar", EventKind.TERMINATED, "exit=1 reason=Error finishedAt=2026-12-02T04:09:04Z")
                .at(3.0, "sidecar", EventKind.STATUS, "waiting=CrashLoopBackOff: back-off 10s restarting failed container")
                .at(9.0, "sidecar", EventKind.STATUS, "lastState=exit=137 reason=Error: removed before restart")
                .at(12.0, "pod", EventKind.PHASE, "Failed (Evicted)")
                .at(13.0, "pod", EventKind.DELETED, "sc-job-x gone");

        EndOfPod end = EndOfPod.of(e.list);

        assertThat(end.containers().get("sidecar")).as("the kubelet's removal report is the last termination")
                .isEqualTo(new ContainerEnd(State.WAITING, "CrashLoopBackOff", 137, "Error", null, null, 0));
        assertThat(end.podPhase()).isEqualTo("Failed");
        assertThat(end.podReason()).isEqualTo("Evicted");
        assertThat(end.podGone()).isTrue();
    }

    @Test
    void onEveryPublishedRecordTheExitCodesReasonsAndPhaseAreTheVerdictsOwnFigures() throws Exception {
        // The figures come from the verdict's LastStatuses, decided when the run ended: the same statuses, read apart.
        int records = 0;
        for (String file : List.of("reports/2026-12-02-local/1.35/results.json", "reports/2026-12-06-local/1.31/results.json",
                "reports/2026-12-06-own-pods/local-1.35/results.json")) {
            for (ScenarioResult r : ResultsJson.read(Path.of(file)).results()) {
                EndOfPod end = EndOfPod.of(r.timeline());
                Map<String, Integer> codes = new TreeMap<>();
                Map<String, String> reasons = new TreeMap<>();
                end.containers().forEach((name, c) -> {
                    if (c.exitCode() != null) {
                        codes.put(name, c.exitCode());
                    }
                    if (c.reason() != null) {
                        reasons.put(name, c.reason());
                    }
                });
                assertThat(codes).as("%s run %s exit codes", r.key(), r.repeat()).isEqualTo(new TreeMap<>(r.figures().exitCodes()));
                assertThat(reasons).as("%s run %s reasons", r.key(), r.repeat()).isEqualTo(new TreeMap<>(r.figures().reasons()));
                if (end.podPhase() != null) {
                    assertThat(end.podPhase()).as("%s run %s phase", r.key(), r.repeat()).isEqualTo(r.figures().podPhase());
                }
                records++;
            }
        }
        assertThat(records).isEqualTo(375 + 81 + 90);
    }
}
