package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Observations built by hand, one per verdict, and the edges between neighbouring verdicts. */
class VerdictRulesTest {

    static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    /** A fluent hand-made observation; times are seconds after the Job was created (T0). */
    static final class Obs {
        final List<TimelineEvent> events = new ArrayList<>();
        String rejection;
        List<String> dropped = List.of();
        boolean faultTargetsMain;
        double endedAt = 60;
        String endReason = "pod and Job terminal";
        Double deleteAt;
        Long grace;
        final Map<String, Integer> exitCodes = new HashMap<>();
        final Map<String, String> reasons = new HashMap<>();
        final Map<String, Integer> restarts = new HashMap<>();

        Obs at(double s, String container, EventKind kind, String detail) {
            EventSource source = switch (kind) {
                case STARTING, READY, EXITING, STEP -> EventSource.LOG;
                case JOB -> EventSource.JOB;
                case ACTION -> EventSource.SUITE;
                default -> EventSource.STATUS;
            };
            events.add(new TimelineEvent(time(s), container, kind, detail, source));
            return this;
        }

        Obs exit(String container, int code, String reason) {
            exitCodes.put(container, code);
            reasons.put(container, reason);
            return this;
        }

        Observation build() {
            return new Observation(events, rejection, dropped, faultTargetsMain, T0, time(endedAt), endReason,
                    deleteAt == null ? null : time(deleteAt), grace, restarts, exitCodes, reasons);
        }

        Decision decide() {
            return VerdictRules.decide(build());
        }
    }

    static Instant time(double s) {
        return T0.plusMillis(Math.round(s * 1000));
    }

    /** Sidecar ready before main starts, main ends 0, sidecar follows, pod Succeeded, Job Complete. */
    static Obs clean() {
        return new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(0.4, "pod", EventKind.PHASE, "Pending")
                .at(1.0, "sidecar", EventKind.RUNNING, "startedAt=x")
                .at(1.1, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.6, "sidecar", EventKind.READY, "")
                .at(1.8, "pod", EventKind.PHASE, "Running")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.1, "main", EventKind.STEP, "Working")
                .at(5.0, "main", EventKind.EXITING, "0")
                .at(5.4, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(6.1, "sidecar", EventKind.EXITING, "0 done file seen")
                .at(6.6, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(7.0, "pod", EventKind.PHASE, "Succeeded")
                .at(7.5, "job", EventKind.JOB, "Complete")
                .exit("main", 0, "Completed").exit("sidecar", 0, "Completed");
    }

    /** Main ended, the sidecar runs on, the pod stays Running. */
    static Obs sidecarKeepsPodAlive() {
        Obs o = new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(1.8, "pod", EventKind.PHASE, "Running")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(5.0, "main", EventKind.EXITING, "0")
                .at(5.4, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .exit("main", 0, "Completed");
        o.endedAt = 35.4;
        o.endReason = "pod not terminal 30s after main ended";
        return o;
    }

    static void assertOneLineQuoting(Decision d, String... quoted) {
        assertThat(d.reason()).as("reason is one line").doesNotContain("\n").doesNotContain("\r").isNotBlank();
        assertThat(d.reason()).as("reason quotes the deciding observation").contains(quoted);
    }

    @Test
    void cleanRunIsCompletedWithFigures() {
        Decision d = clean().decide();

        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.COMPLETED);
        assertThat(d.jobVerdict()).as("job verdict").isEqualTo(Verdict.COMPLETED);
        assertOneLineQuoting(d, "pod Succeeded at +7.0s", "main exit 0");
        Figures f = d.figures();
        assertThat(f.completionSeconds()).as("created -> pod Succeeded").isCloseTo(7.0, within(0.01));
        assertThat(f.sidecarOutlivedMainSeconds()).as("main terminated -> sidecar terminated").isCloseTo(1.2, within(0.01));
        assertThat(f.terminationSeconds()).as("no deletion").isNull();
        assertThat(f.podPhase()).as("last phase").isEqualTo("Succeeded");
        assertThat(f.jobCondition()).as("job condition").isEqualTo("Complete");
        assertThat(f.exitCodes()).as("exit codes").containsEntry("main", 0).containsEntry("sidecar", 0);
    }

    @Test
    void rejectedQuotesTheApiMessageAndWinsOverEverything() {
        Obs o = new Obs();
        o.rejection = "Job.batch \"sc-job\" is invalid: spec.template.spec.initContainers[0].restartPolicy: Unsupported value: \"Always\"";
        o.dropped = List.of("pod.initContainers[sidecar].restartPolicy");
        Decision d = o.decide();

        assertThat(d.verdict()).as("verdict").isEqualTo(Verdict.REJECTED);
        assertThat(d.jobVerdict()).as("job verdict").isEqualTo(Verdict.REJECTED);
        assertOneLineQuoting(d, "initContainers[0].restartPolicy: Unsupported value: \"Always\"");
        assertThat(d.figures().completionSeconds()).as("nothing ran").isNull();
    }

    @Test
    void reasonsStayOneLineWhenTheEvidenceSpansLines() {
        Obs rejected = new Obs();
        rejected.rejection = "Job.batch \"sc-job\" is invalid:\n  spec.template.spec.initContainers[0].restartPolicy: Unsupported value";
        assertOneLineQuoting(rejected.decide(), "is invalid:", "Unsupported value");

        Obs waiting = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "")
                .at(1.5, "pod", EventKind.PHASE, "Pending")
                .at(2.0, "main", EventKind.STATUS, "waiting=CreateContainerError: failed to create\ncontainerd task: exec format error");
        waiting.endedAt = 300;
        waiting.endReason = "deadline of 300s";
        Decision d = waiting.decide();
        assertThat(d.verdict()).as("verdict").isEqualTo(Verdict.STUCK);
        assertOneLineQuoting(d, "CreateContainerError", "exec format error");
    }

    @Test
    void droppedNamesTheFieldAndStillTellsWhatHappened() {
        Obs o = clean();
        o.dropped = List.of("pod.initContainers[sidecar].restartPolicy");
        Decision d = o.decide();

        assertThat(d.verdict()).as("verdict").isEqualTo(Verdict.DROPPED);
        assertOneLineQuoting(d, "pod.initContainers[sidecar].restartPolicy", "pod Succeeded");
        assertThat(d.figures().completionSeconds()).as("figures still computed").isCloseTo(7.0, within(0.01));
    }

    @Test
    void stuckWhenMainEndedButThePodStaysUp() {
        Decision d = sidecarKeepsPodAlive().decide();

        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.STUCK);
        assertThat(d.jobVerdict()).as("job verdict without a Job condition").isEqualTo(Verdict.STUCK);
        assertOneLineQuoting(d, "main ended at +5.4s", "Running", "+35.4s", "sidecar running");
        assertThat(d.figures().sidecarOutlivedMainSeconds()).as("sidecar outlived main until observation stopped")
                .isCloseTo(30.0, within(0.01));
        assertThat(d.figures().completionSeconds()).as("pod never terminal").isNull();
    }

    @Test
    void stuckWhenMainNeverStarted() {
        Obs o = new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(0.5, "pod", EventKind.PHASE, "Pending")
                .at(1.0, "sidecar", EventKind.RUNNING, "")
                .at(1.1, "sidecar", EventKind.STARTING, "")
                .at(1.2, "main", EventKind.STATUS, "waiting=PodInitializing");
        o.endedAt = 31.6;
        o.endReason = "main not started 30s after the sidecar was ready";
        Decision d = o.decide();

        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.STUCK);
        assertOneLineQuoting(d, "main never finished", "waiting=PodInitializing", "Pending");
        assertThat(d.figures().sidecarOutlivedMainSeconds()).as("main never ended").isNull();

        Obs nothingAboutMain = new Obs().at(1.0, "sidecar", EventKind.STARTING, "").at(0.5, "pod", EventKind.PHASE, "Pending");
        assertOneLineQuoting(nothingAboutMain.decide(), "never started");
    }

    @Test
    void stuckWinsOverAMainFailure() {
        Obs o = sidecarKeepsPodAlive();
        o.exitCodes.put("main", 3);
        assertThat(o.decide().verdict()).as("pod not terminal decides first").isEqualTo(Verdict.STUCK);
    }

    @Test
    void slowTerminationWhenTheDeletionTookTheGracePeriod() {
        Decision d = deletedAfter(15.0, 15).decide();

        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.SLOW_TERMINATION);
        assertOneLineQuoting(d, "15.0s", "15s grace period", "sidecar exit 137");
        assertThat(d.figures().terminationSeconds()).as("termination").isCloseTo(15.0, within(0.01));
        assertThat(d.figures().gracePeriodSeconds()).as("grace").isEqualTo(15L);
    }

    @Test
    void slowTerminationBoundaryIsGraceMinusOneAndAHalfSeconds() {
        assertThat(deletedAfter(13.5, 15).decide().verdict()).as("13.5s of 15s").isEqualTo(Verdict.SLOW_TERMINATION);
        assertThat(deletedAfter(13.4, 15).decide().verdict()).as("13.4s of 15s").isEqualTo(Verdict.COMPLETED);
    }

    @Test
    void quickDeletionIsCompleted() {
        Decision d = deletedAfter(1.2, 15).decide();

        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.COMPLETED);
        assertOneLineQuoting(d, "pod gone 1.2s after deletion");
        assertThat(d.figures().terminationSeconds()).as("termination").isCloseTo(1.2, within(0.01));
        assertThat(d.figures().completionSeconds()).as("created -> pod gone").isCloseTo(5.2, within(0.01));
    }

    /** The sigterm fault: pod deleted at +4s with a grace period; the pod is gone {@code seconds} later. */
    static Obs deletedAfter(double seconds, long grace) {
        Obs o = new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(1.8, "pod", EventKind.PHASE, "Running")
                .at(2.0, "main", EventKind.STARTING, "")
                .at(2.1, "main", EventKind.STEP, "Working")
                .at(4.0, "suite", EventKind.ACTION, "delete pod sc-job-x with gracePeriodSeconds=" + grace)
                .at(4.2, "main", EventKind.EXITING, "143 SIGTERM")
                .at(4.3, "main", EventKind.TERMINATED, "exit=143 reason=Error")
                .at(4.0 + seconds - 0.05, "sidecar", EventKind.TERMINATED, "exit=137 reason=Error")
                .at(4.0 + seconds, "pod", EventKind.DELETED, "sc-job-x gone")
                .exit("main", 143, "Error").exit("sidecar", 137, "Error");
        o.faultTargetsMain = true;
        o.deleteAt = 4.0;
        o.grace = grace;
        o.endedAt = 4.0 + seconds + 0.1;
        o.endReason = "pod and Job terminal";
        return o;
    }

    @Test
    void mainFailingWithoutAFaultAtItIsMainFailed() {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "")
                .at(2.2, "main", EventKind.STEP, "Working")
                .at(3.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled")
                .at(5.0, "main", EventKind.EXITING, "4 second use of the sidecar failed")
                .at(5.3, "main", EventKind.TERMINATED, "exit=4 reason=Error")
                .at(5.5, "pod", EventKind.PHASE, "Failed")
                .at(6.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 4, "Error").exit("sidecar", 137, "OOMKilled");
        Decision d = o.decide();

        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.MAIN_FAILED);
        assertThat(d.jobVerdict()).as("a Failed Job still completed").isEqualTo(Verdict.COMPLETED);
        assertOneLineQuoting(d, "main exited 4", "second use of the sidecar failed");
        assertThat(d.figures().jobCondition()).as("job condition").isEqualTo("Failed: BackoffLimitExceeded");
        assertThat(d.figures().sidecarOutlivedMainSeconds()).as("sidecar died 2.3s before main ended")
                .isCloseTo(-2.3, within(0.01));
    }

    @Test
    void mainFailingUnderAFaultAimedAtMainIsCompleted() {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "")
                .at(2.2, "main", EventKind.STEP, "Allocating 256MiB")
                .at(2.6, "main", EventKind.EXITING, "137 allocation ended with 137")
                .at(2.9, "main", EventKind.TERMINATED, "exit=137 reason=Error")
                .at(3.5, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(3.8, "pod", EventKind.PHASE, "Failed")
                .at(4.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 137, "Error").exit("sidecar", 0, "Completed");
        o.faultTargetsMain = true;
        Decision aimed = o.decide();
        assertThat(aimed.verdict()).as("verdict: %s", aimed.reason()).isEqualTo(Verdict.COMPLETED);
        assertOneLineQuoting(aimed, "pod Failed at +3.8s", "main exit 137");

        o.faultTargetsMain = false;
        assertThat(o.decide().verdict()).as("same observation, no fault at main").isEqualTo(Verdict.MAIN_FAILED);
    }

    @Test
    void raceWhenMainStartsBeforeTheSidecarIsReady() {
        Obs o = clean();
        o.events.removeIf(e -> e.kind() == EventKind.READY);
        o.at(2.1, "main", EventKind.STEP, "Waiting sidecar not ready");
        o.at(3.5, "sidecar", EventKind.READY, "");
        Decision d = o.decide();

        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.RACE);
        assertThat(d.jobVerdict()).as("job verdict").isEqualTo(Verdict.COMPLETED);
        assertOneLineQuoting(d, "main started 1.5s before the sidecar was ready", "pod Succeeded");
        assertThat(d.reason()).as("reason starts with the race").startsWith("main started");
    }

    @Test
    void raceWhenTheSidecarNeverSaysReady() {
        Obs o = clean();
        o.events.removeIf(e -> e.kind() == EventKind.READY);
        o.at(2.1, "main", EventKind.STEP, "Waiting sidecar not ready");
        Decision d = o.decide();
        assertThat(d.verdict()).as("verdict").isEqualTo(Verdict.RACE);
        assertOneLineQuoting(d, "never reported ready");
    }

    @Test
    void aReadyLineLaterThanMainsStartIsNoRaceWhenMainFoundTheSidecarAnswering() {
        Obs o = clean();
        o.events.removeIf(e -> e.kind() == EventKind.READY);
        o.at(2.3, "sidecar", EventKind.READY, "");
        assertThat(o.decide().verdict()).as("a startupProbe can pass before the sidecar's own Ready line")
                .isEqualTo(Verdict.COMPLETED);
    }

    @Test
    void readyAtTheSameInstantAsMainStartsIsNoRace() {
        Obs o = clean();
        o.events.removeIf(e -> e.kind() == EventKind.READY);
        o.at(2.0, "sidecar", EventKind.READY, "");
        assertThat(o.decide().verdict()).as("ready exactly when main starts").isEqualTo(Verdict.COMPLETED);
    }

    @Test
    void jobVerdictIsCompletedOnlyWithATerminalJobCondition() {
        Obs noJob = clean();
        noJob.events.removeIf(e -> e.kind() == EventKind.JOB);
        noJob.endReason = "pod terminal, Job not";
        Decision withoutCondition = noJob.decide();
        assertThat(withoutCondition.verdict()).as("pod verdict").isEqualTo(Verdict.COMPLETED);
        assertThat(withoutCondition.jobVerdict()).as("no Job condition").isEqualTo(Verdict.STUCK);
        assertThat(withoutCondition.figures().jobCondition()).as("job condition figure").isNull();

        Obs otherCondition = clean();
        otherCondition.events.removeIf(e -> e.kind() == EventKind.JOB);
        otherCondition.at(7.2, "job", EventKind.JOB, "SuccessCriteriaMet");
        assertThat(otherCondition.decide().jobVerdict()).as("a non-terminal condition").isEqualTo(Verdict.STUCK);

        Obs failed = clean();
        failed.events.removeIf(e -> e.kind() == EventKind.JOB);
        failed.at(7.2, "job", EventKind.JOB, "Failed: DeadlineExceeded");
        assertThat(failed.decide().jobVerdict()).as("Failed is terminal").isEqualTo(Verdict.COMPLETED);
    }

    @Test
    void completionCountsToThePodGoneWhenItNeverShowedATerminalPhase() {
        Obs o = clean();
        o.events.removeIf(e -> e.kind() == EventKind.PHASE && e.detail().equals("Succeeded"));
        o.at(9.0, "pod", EventKind.DELETED, "sc-job-x gone");
        Decision d = o.decide();
        assertThat(d.verdict()).as("verdict: %s", d.reason()).isEqualTo(Verdict.COMPLETED);
        assertThat(d.figures().completionSeconds()).as("created -> gone").isCloseTo(9.0, within(0.01));
        assertOneLineQuoting(d, "pod gone at +9.0s");
        assertThat(d.reason()).as("the pod is not said to be still there").doesNotContain("still");
    }
}
