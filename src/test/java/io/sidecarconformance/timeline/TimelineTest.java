package io.sidecarconformance.timeline;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Relations on hand-built timelines; times are seconds after T0. */
class TimelineTest {

    static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    static Instant t(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    static TimelineEvent at(double seconds, String container, EventKind kind, String detail) {
        EventSource source = switch (kind) {
            case STARTING, READY, EXITING, STEP, OUTPUT -> EventSource.LOG;
            default -> EventSource.STATUS;
        };
        return new TimelineEvent(t(seconds), container, kind, detail, source);
    }

    static Timeline of(TimelineEvent... events) {
        return Timeline.of(List.of(events));
    }

    @Test
    void aContainerEndsAtItsOwnExitingLineNotAtTheLaterStatusReport() {
        // One pod status update reports both containers terminated: its arrival time says nothing about order.
        Timeline t = of(
                at(1.0, "sidecar", EventKind.STARTING, "pid=1"),
                at(2.0, "main", EventKind.STARTING, "pid=1"),
                at(5.0, "main", EventKind.EXITING, "143 SIGTERM"),
                at(7.5, "sidecar", EventKind.EXITING, "143 SIGTERM"),
                at(9.0, "main", EventKind.TERMINATED, "exit=143 reason=Error").observed(t(9.0)),
                at(9.0, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error").observed(t(9.0)));

        assertThat(t.ended("main")).as("main's end").contains(t(5.0));
        assertThat(t.ended("sidecar")).as("sidecar's end").contains(t(7.5));
        assertThat(t.endObserved("sidecar")).as("the runner saw it with the status report").contains(t(9.0));
    }

    @Test
    void aContainerKilledWithoutAnExitingLineEndsAtTheKubeletsReport() {
        Timeline t = of(
                at(1.0, "main", EventKind.STARTING, "pid=1"),
                at(3.2, "main", EventKind.TERMINATED, "exit=137 reason=OOMKilled"));

        assertThat(t.ended("main")).contains(t(3.2));
        assertThat(t.runs("main")).singleElement().satisfies(r -> assertThat(r.howItEnded()).isEqualTo("exit 137 OOMKilled"));
    }

    @Test
    void aRestartedContainerHasOneRunPerInstanceAndIsNotEndedWhileItsLastRuns() {
        // The OOM kill's report arrives after the second instance already wrote its Starting line.
        Timeline t = of(
                at(1.0, "sidecar", EventKind.STARTING, "pid=1"),
                at(1.5, "sidecar", EventKind.READY, ""),
                at(6.0, "sidecar", EventKind.STEP, "Allocating 512MiB"),
                at(6.6, "sidecar", EventKind.STARTING, "pid=1"),
                at(6.9, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled"),
                at(7.4, "sidecar", EventKind.READY, ""));

        List<ContainerInstance> runs = t.runs("sidecar");
        assertThat(runs).as("two instances").hasSize(2);
        assertThat(runs.get(0).end()).as("first instance closed by the first termination report").contains(t(6.9));
        assertThat(runs.get(0).ready()).as("first instance's Ready").contains(t(1.5));
        assertThat(runs.get(1).ready()).as("second instance's Ready").contains(t(7.4));
        assertThat(runs.get(1).end()).as("second instance still runs").isEmpty();
        assertThat(t.ended("sidecar")).as("not ended while its last instance runs").isEmpty();
        assertThat(t.started("sidecar")).as("first start").contains(t(1.0));
    }

    @Test
    void aContainerThatWritesNoLinesIsSplitByTheKubeletsRunningReports() {
        Timeline t = of(
                at(1.0, "agent", EventKind.RUNNING, "startedAt=x"),
                at(2.0, "agent", EventKind.TERMINATED, "exit=0 reason=Completed"));

        assertThat(t.runs("agent")).hasSize(1);
        assertThat(t.started("agent")).contains(t(1.0));
        assertThat(t.ended("agent")).contains(t(2.0));
    }

    @Test
    void aWorkloadContainersInstanceIsReadyAtTheStatusReadyTheKubeletDidNotTakeBack() {
        // As a restarted dind sidecar of a user's workload on 1.31 (it writes no lines): the kubelet reports the new
        // instance Started and Ready before its probe worker is back, withdraws both, and reports them again once the
        // startupProbe passed; at its end the flags go false with the termination report.
        Timeline t = of(
                at(2.5, "sidecar", EventKind.RUNNING, "startedAt=x"),
                at(5.8, "sidecar", EventKind.STATUS, "ready=true"),
                at(14.9, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled"),
                at(14.9, "sidecar", EventKind.STATUS, "ready=false"),
                at(15.9, "sidecar", EventKind.RUNNING, "startedAt=y"),
                at(15.9, "sidecar", EventKind.STATUS, "started=true"),
                at(15.9, "sidecar", EventKind.STATUS, "ready=true"),
                at(15.95, "sidecar", EventKind.STATUS, "started=false"),
                at(17.0, "sidecar", EventKind.STATUS, "ready=false"),
                at(21.0, "sidecar", EventKind.STATUS, "started=true"),
                at(21.1, "sidecar", EventKind.STATUS, "ready=true"),
                at(36.1, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed"),
                at(36.1, "sidecar", EventKind.STATUS, "started=false"),
                at(36.1, "sidecar", EventKind.STATUS, "ready=false"));

        List<ContainerInstance> runs = t.runs("sidecar");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).ready()).as("first instance: its status's Ready").contains(t(5.8));
        assertThat(runs.get(1).ready()).as("second instance: the Ready after the withdrawn one").contains(t(21.1));
    }

    @Test
    void aWorkloadContainerWhoseStatusNeverSaidReadyHasNoReady() {
        Timeline t = of(
                at(1.0, "sidecar", EventKind.RUNNING, "startedAt=x"),
                at(1.0, "sidecar", EventKind.STATUS, "started=true"),
                at(1.0, "sidecar", EventKind.STATUS, "ready=true"),
                at(1.1, "sidecar", EventKind.STATUS, "started=false"),
                at(4.0, "sidecar", EventKind.TERMINATED, "exit=1 reason=Error"));

        assertThat(t.runs("sidecar")).singleElement().satisfies(r -> assertThat(r.ready()).as("withdrawn Ready").isEmpty());
    }

    @Test
    void podAndJobEndsAreTheFirstTerminalObservations() {
        Timeline t = of(
                at(1.0, "pod", EventKind.PHASE, "Running"),
                at(5.0, "pod", EventKind.PHASE, "Failed"),
                at(5.5, "job", EventKind.JOB, "FailureTarget: BackoffLimitExceeded"),
                at(6.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded"),
                at(9.0, "pod", EventKind.DELETED, "gone"));

        assertThat(t.podTerminal()).map(TimelineEvent::time).contains(t(5.0));
        assertThat(t.podGone()).map(TimelineEvent::time).contains(t(9.0));
        assertThat(t.podEnd()).as("terminal before gone").map(TimelineEvent::time).contains(t(5.0));
        assertThat(t.jobTerminal()).as("FailureTarget is not terminal").map(TimelineEvent::detail)
                .contains("Failed: BackoffLimitExceeded");
        assertThat(t.lastPhase()).isEqualTo("Failed");
        assertThat(Timeline.empty().lastPhase()).isEqualTo("unknown");
    }

    @Test
    void waitingAndOtherStepsAreFoundByTheirWord() {
        Timeline t = of(at(1.0, "main", EventKind.STEP, "Waiting sidecar not ready"),
                at(3.0, "main", EventKind.STEP, "Retrying second use failed"));

        assertThat(t.hadToWait("main")).isTrue();
        assertThat(t.hadToWait("sidecar")).isFalse();
        assertThat(t.step("main", "Retrying")).map(TimelineEvent::time).contains(t(3.0));
    }

    @Test
    void aRecorderSnapshotIsSortedDeduplicatedAndImmutable() {
        TimelineRecorder recorder = new TimelineRecorder();
        TimelineEvent late = at(3.0, "main", EventKind.EXITING, "0");
        TimelineEvent early = at(1.0, "main", EventKind.STARTING, "");
        recorder.add(late);
        recorder.add(early);
        Timeline first = recorder.snapshot();
        // The same line read again by the final log sweep, seen later: one event.
        recorder.add(at(3.0, "main", EventKind.EXITING, "0").observed(t(10.0)));
        recorder.add(at(2.0, "sidecar", EventKind.READY, ""));

        assertThat(first.events()).as("a snapshot does not change").containsExactly(early, late);
        assertThat(recorder.snapshot().events()).as("sorted, no duplicate").hasSize(3).isSortedAccordingTo(
                java.util.Comparator.comparing(TimelineEvent::time));
    }

    @Test
    void logLinesBecomeEventsAndOtherOutputIsKeptBeforeTheNextEventLine() {
        Clock clock = Clock.fixed(t(20.0), ZoneOffset.UTC);
        LogReader reader = new LogReader("sidecar", clock);
        List<TimelineEvent> out = new ArrayList<>();
        out.addAll(reader.line("SC-EVENT 2026-11-22 06:00:01.000000000 +0000 sidecar Starting pid=1"));
        out.addAll(reader.line("time=\"...\" level=error msg=\"pid file found, ensure docker is not running\""));
        out.addAll(reader.line("failed to start daemon"));
        out.addAll(reader.line("SC-EVENT 2026-11-22 06:00:02.000000000 +0000 sidecar Exiting 5 service process ended"));
        out.addAll(reader.line("trailing words"));
        // What the API and the kubelet put into a stream that outlived its pod is not the container's output.
        out.addAll(reader.line("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"pods \\\"x\\\" not found\"}"));
        out.addAll(reader.line("unable to retrieve container logs for containerd://d505f25c9f63"));
        out.addAll(reader.line("rpc error: code = NotFound desc = an error occurred when try to find container \"3ca768ac\": not found"));
        out.addAll(reader.end());

        assertThat(out).extracting(TimelineEvent::kind).containsExactly(
                EventKind.STARTING, EventKind.OUTPUT, EventKind.EXITING, EventKind.OUTPUT);
        assertThat(out.get(1).detail()).contains("pid file found").contains(" | failed to start daemon");
        assertThat(out.get(1).time()).as("just before the Exiting line").isBefore(out.get(2).time()).isAfter(out.get(0).time());
        assertThat(out.get(3).time()).as("after the last event line").isAfter(out.get(2).time());
        assertThat(out.get(3).detail()).as("only the container's own words").isEqualTo("trailing words");
        assertThat(out).as("stamped with the runner's clock").allMatch(e -> e.observedAt().equals(t(20.0)));
    }

    @Test
    void renderShowsEveryEventInTimeOrderWithOffsets() {
        List<TimelineEvent> events = new ArrayList<>(List.of(
                at(0.0, "suite", EventKind.ACTION, "create Job sc-job"),
                at(1.25, "sidecar", EventKind.READY, ""),
                at(0.5, "sidecar", EventKind.STARTING, "pid=1"),
                at(4.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed"),
                at(4.5, "pod", EventKind.PHASE, "Succeeded"),
                at(5.0, "job", EventKind.JOB, "Complete")));
        String text = Timeline.of(events).render();
        List<String> lines = text.lines().toList();

        assertThat(lines).as("one line per event").hasSize(events.size());
        assertThat(lines.get(0)).as("first line").contains("+0.000s").contains("create Job sc-job");
        assertThat(lines.get(1)).as("second line").contains("+0.500s").contains("pid=1");
        assertThat(lines.get(2)).as("third line").contains("+1.250s").contains("READY");
        assertThat(lines.get(5)).as("last line").contains("+5.000s").contains("Complete");
        assertThat(Timeline.empty().render()).as("empty").isEqualTo("(empty timeline)");
    }
}
