package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.timeline.EventKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Findings on hand-built timelines: each rule, and the edge it draws. */
class FindingRulesTest {

    private static Optional<Finding> finding(Decision d, FindingKind kind) {
        return d.findings().stream().filter(f -> f.kind() == kind).findFirst();
    }

    @Test
    void aRaceAtStartIsMainsOwnFailedFirstCheckWithTheClockGapWhereThereIsOne() {
        Obs raced = Obs.clean().at(1.2, "main", EventKind.STEP, "Waiting sidecar not ready");
        raced.events.removeIf(e -> e.container().equals("main") && e.kind() == EventKind.STARTING);
        raced.at(0.1, "main", EventKind.STARTING, "pid=1");
        Decision d = raced.decide();

        assertThat(d.outcome()).as("a race that main waited out still succeeds").isEqualTo(Outcome.SUCCEEDED);
        assertThat(finding(d, FindingKind.RACE_AT_START)).get().extracting(Finding::text).asString()
                .contains("main's first check found the sidecar not answering", "main began 1.5s before the sidecar's first Ready line");
        assertThat(d.figures().mainStartedBeforeReadySeconds()).isEqualTo(1.5);

        Decision answering = Obs.clean().decide();
        assertThat(finding(answering, FindingKind.RACE_AT_START)).as("main found it answering: no race").isEmpty();
    }

    @Test
    void aTolerantClientThatRetriedThroughTheGapRecovers() {
        Obs o = Obs.sidecarRestartedUnderMain()
                .at(6.2, "main", EventKind.STEP, "Retrying second use failed")
                .at(7.6, "main", EventKind.STEP, "Recovered after 1s")
                .at(7.8, "main", EventKind.EXITING, "0")
                .at(8.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(8.3, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error")
                .at(8.5, "pod", EventKind.PHASE, "Succeeded")
                .at(8.6, "job", EventKind.JOB, "Complete")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 8.7);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(d.findings()).extracting(Finding::kind).containsExactly(FindingKind.SIDECAR_RESTARTED,
                FindingKind.USE_FAILED_WHILE_DOWN, FindingKind.CLIENT_RECOVERED);
        assertThat(finding(d, FindingKind.USE_FAILED_WHILE_DOWN)).get().extracting(Finding::text).asString().contains("main retried");
        assertThat(finding(d, FindingKind.CLIENT_RECOVERED)).get().extracting(Finding::text).asString()
                .contains("+7.6s", "Recovered after 1s");
    }

    @Test
    void aBusySpellsInterruptedCallIsTheMomentTheUseFailed() {
        Obs o = Obs.sidecarRestartedUnderMain()
                .at(5.4, "main", EventKind.STEP, "Busy back-to-back uses for up to 30s")
                .at(6.1, "main", EventKind.STEP, "Interrupted call 3 of the busy spell failed")
                .at(6.2, "main", EventKind.EXITING, "4 second use of the sidecar failed")
                .ending(Ending.Kind.POD_NOT_ENDED, "x", 40);

        assertThat(finding(o.decide(), FindingKind.USE_FAILED_WHILE_DOWN)).get().extracting(Finding::text).asString()
                .contains("failed at +6.1s", "main gave up");
    }

    /**
     * A sidecar OOM-killed in the second the kubelet dates +5.0s (finishedAt, whole seconds), its report reaching the
     * runner at +6.0s, restarted at +6.3s and Ready again at +7.4s.
     */
    private static Obs killedAtFiveAndBackAtSevenFour() {
        return new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled finishedAt=2026-11-22T06:00:05Z")
                .at(6.3, "sidecar", EventKind.STARTING, "pid=1")
                .at(7.4, "sidecar", EventKind.READY, "")
                .ending(Ending.Kind.POD_NOT_ENDED, "x", 40);
    }

    @Test
    void aUseThatFailedDuringTheKillBeforeTheKubeletsReportIsBlamedOnIt() {
        // The sidecar is killed at +5.7s; main's call fails at +5.8s; the kubelet's report (finishedAt, whole seconds)
        // reaches the runner at +6.0s.
        Obs o = killedAtFiveAndBackAtSevenFour().at(5.8, "main", EventKind.EXITING, "4 second use of the sidecar failed");
        Decision d = o.decide();

        assertThat(finding(d, FindingKind.USE_FAILED_WHILE_DOWN)).get().extracting(Finding::text).asString()
                .contains("failed at +5.8s", "(+5.0s, the second the kubelet dates its kill, to +7.4s)");
        assertThat(d.figures().sidecarDownSeconds()).as("from the second the kubelet dates the kill to Ready again")
                .isEqualTo(2.4);
    }

    @Test
    void theOutageStartsAtTheHogsLastLineWhenThatIsLaterThanTheKubeletsSecond() {
        // The hog says Allocating at +5.6s (alive then); the kubelet dates the kill to +5.0s (whole seconds); the
        // restarted instance says Ready at +7.4s: down 1.8s, never less than what the containers' lines show.
        Obs o = killedAtFiveAndBackAtSevenFour().at(5.6, "sidecar", EventKind.STEP, "Allocating 256MiB");

        assertThat(o.decide().figures().sidecarDownSeconds()).isEqualTo(1.8);
    }

    @Test
    void aUseThatFailedWhileTheSidecarDiedForGoodIsBlamedOnItToo() {
        // The OOM kill ends the pod (main failed, restartPolicy Never): there is no second instance.
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(5.8, "main", EventKind.EXITING, "4 second use of the sidecar failed")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled finishedAt=2026-11-22T06:00:05Z")
                .at(6.1, "main", EventKind.TERMINATED, "exit=4 reason=Error")
                .at(7.0, "pod", EventKind.PHASE, "Failed")
                .at(7.5, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 7.6);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(finding(d, FindingKind.USE_FAILED_WHILE_DOWN)).get().extracting(Finding::text).asString()
                .contains("failed at +5.8s", "(+5.0s, the second the kubelet dates its kill, to +7.6s)");
        assertThat(finding(d, FindingKind.SIDECAR_RESTARTED)).as("no restart").isEmpty();
        assertThat(d.figures().sidecarDownSeconds()).as("down time counts restarts only").isNull();
    }

    @Test
    void aFailedUseOutsideTheSidecarsDowntimeIsNotBlamedOnARestart() {
        Obs o = Obs.sidecarRestartedUnderMain().at(9.0, "main", EventKind.EXITING, "4 second use of the sidecar failed");
        Decision d = o.ending(Ending.Kind.POD_NOT_ENDED, "x", 40).decide();

        assertThat(finding(d, FindingKind.USE_FAILED_WHILE_DOWN)).as("the sidecar was Ready again at +7.4s").isEmpty();
        assertThat(finding(d, FindingKind.SIDECAR_RESTARTED)).isPresent();
    }

    @Test
    void slowTerminationIsTheGracePeriodLessOneAndAHalfSeconds() {
        assertThat(finding(deleted(13.5), FindingKind.SLOW_TERMINATION)).as("13.5s of 15s, no container's end seen").get()
                .extracting(Finding::text).isEqualTo("the pod took 13.5s to go after deletion with a 15s grace period");
        assertThat(finding(deleted(13.4), FindingKind.SLOW_TERMINATION)).as("13.4s of 15s").isEmpty();
        assertThat(deleted(13.5).outcome()).as("the deletion was aimed at the pod").isEqualTo(Outcome.FAILED_BY_FAULT);
        assertThat(deleted(13.5).figures().terminationSeconds()).isEqualTo(13.5);
    }

    private static Decision deleted(double took) {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(3.0, "suite", EventKind.ACTION, "delete pod with grace 15s")
                .at(3.0 + took, "pod", EventKind.DELETED, "gone")
                .at(3.0 + took + 0.2, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 3.0 + took + 0.3);
        o.deleteAt = 3.0;
        o.grace = 15L;
        o.faultTargetsMain = true;
        return o.decide();
    }

    @Test
    void termOrderTellsWhetherTheSidecarGotSigtermBeforeOrAfterMainExited() {
        // 1.28 with the gate on: everything gets TERM at deletion; main traps it and takes 3 s to exit.
        Decision atDeletion = termOrder(3.0, 3.05, 6.0).decide();
        // 1.29 and later: the sidecar gets TERM only once main has exited.
        Decision afterMain = termOrder(3.0, 6.2, 6.0).decide();

        assertThat(finding(atDeletion, FindingKind.TERM_ORDER)).get().extracting(Finding::text).asString()
                .contains("main at +0.0s", "sidecar at +0.1s", "the sidecar got it 3.0s before main exited");
        assertThat(finding(afterMain, FindingKind.TERM_ORDER)).get().extracting(Finding::text).asString()
                .contains("the sidecar got it 0.2s after main exited");
        assertThat(afterMain.figures().termAfterDeletionSeconds()).containsEntry("main", 0.0).containsEntry("sidecar", 3.2);
    }

    @Test
    void aSidecarSignalledWithinTheClocksMarginOfMainsExitIsNotOrderedAgainstIt() {
        // a classic sidecar and an exec-form main both get SIGTERM at the deletion; main exits at once, the sidecar's
        // line comes 10 ms later
        Decision together = termOrder(3.1, 3.11, 3.1).decide();

        assertThat(finding(together, FindingKind.TERM_ORDER)).get().extracting(Finding::text).asString()
                .contains("the sidecar got it as main exited (within 20 ms: no order the clocks resolve)")
                .doesNotContain("after main exited", "before main exited");
    }

    /** A sidecar and main started, the pod deleted at +3 s with a 15 s grace period, {@code ends}, then gone at +19.1 s. */
    private static Obs deletedWithGrace15(java.util.function.UnaryOperator<Obs> ends) {
        Obs o = ends.apply(new Obs()
                        .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                        .at(1.5, "sidecar", EventKind.READY, "")
                        .at(2.0, "main", EventKind.STARTING, "pid=1")
                        .at(3.0, "suite", EventKind.ACTION, "delete pod with grace 15s"))
                .at(19.1, "pod", EventKind.DELETED, "gone")
                .at(19.2, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 19.3);
        o.deleteAt = 3.0;
        o.grace = 15L;
        return o;
    }

    @Test
    void aMainKilledWithoutAnExitingLineIsNotOrderedAgainstASigtermWithinTheReportsLag() {
        // Shell form: main ignores TERM, is killed at the end of the grace period; the kubelet's report trails the kill.
        Decision d = deletedWithGrace15(o -> o
                .at(18.0, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(18.3, "main", EventKind.TERMINATED, "exit=137 reason=Error finishedAt=2026-11-22T06:00:18Z")
                .at(18.4, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error")).decide();

        assertThat(finding(d, FindingKind.TERM_ORDER)).get().extracting(Finding::text).asString()
                .contains("sidecar at +15.0s", "between +15.0s and +15.3s", "order of the sidecar's SIGTERM and main's end is unknown")
                .doesNotContain("before main");
        assertThat(d.figures().sidecarOutlivedMainSeconds()).as("no negative figure from the report's lag").isEqualTo(0.0);
        assertThat(finding(d, FindingKind.SLOW_TERMINATION)).as("16.1s of a 15s grace period").get().asString()
                .contains("with a 15s grace period; the last container to end was ").doesNotContain("did not end");
    }

    @Test
    void containersThatEndedAtTheSameTimeAreAllNamedAsTheLastToEndInNameOrder() {
        // Both killed at the end of the grace period: the kubelet dates both ends to the same second.
        Decision d = deletedWithGrace15(o -> o
                .at(18.3, "sidecar", EventKind.TERMINATED, "exit=137 reason=Error finishedAt=2026-11-22T06:00:18Z")
                .at(18.3, "main", EventKind.TERMINATED, "exit=137 reason=Error finishedAt=2026-11-22T06:00:18Z")).decide();

        assertThat(d.figures().exitAfterDeletionSeconds()).as("a tie: both seen in one status").containsOnlyKeys("main", "sidecar")
                .satisfies(m -> assertThat(m.get("main")).isEqualTo(m.get("sidecar")));
        assertThat(finding(d, FindingKind.SLOW_TERMINATION)).get().extracting(Finding::text).asString()
                .endsWith("; the last containers to end were main and sidecar, each "
                        + String.format(java.util.Locale.ROOT, "%.1f", d.figures().exitAfterDeletionSeconds().get("main"))
                        + "s after the deletion");
    }

    @Test
    void aSigtermWellBeforeTheKubeletsDateOfAKilledMainIsOrderedBeforeIt() {
        // 1.28 with the gate on, shell form: the sidecar gets SIGTERM at the deletion, main is killed 15 s later.
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(3.0, "suite", EventKind.ACTION, "delete pod with grace 15s")
                .at(3.0, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(18.3, "main", EventKind.TERMINATED, "exit=137 reason=Error finishedAt=2026-11-22T06:00:18Z")
                .at(19.1, "pod", EventKind.DELETED, "gone")
                .at(19.2, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 19.3);
        o.deleteAt = 3.0;
        o.grace = 15L;

        assertThat(finding(o.decide(), FindingKind.TERM_ORDER)).get().extracting(Finding::text).asString()
                .contains("the sidecar got it at least 15.0s before main was killed");
    }

    private static Obs termOrder(double mainTerm, double sidecarTerm, double mainExit) {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(3.0, "suite", EventKind.ACTION, "delete pod with grace 15s")
                .at(mainTerm, "main", EventKind.STEP, "Terminating on SIGTERM")
                .at(mainExit, "main", EventKind.EXITING, "143 SIGTERM")
                .at(mainExit, "main", EventKind.TERMINATED, "exit=143 reason=Error")
                .at(sidecarTerm, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(7.0, "pod", EventKind.DELETED, "gone")
                .at(7.1, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 7.2);
        o.deleteAt = 3.0;
        o.grace = 15L;
        return o;
    }

    @Test
    void aJobConditionSeenWellBeforeThePodWasGoneIsAFinding() {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(3.0, "suite", EventKind.ACTION, "delete")
                .at(3.5, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .at(19.5, "pod", EventKind.DELETED, "gone")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 19.6);
        o.deleteAt = 3.0;
        Decision d = o.decide();

        assertThat(d.figures().jobAfterPodSeconds()).isEqualTo(-16.0);
        assertThat(finding(d, FindingKind.JOB_BEFORE_POD)).get().extracting(Finding::text).asString()
                .contains("the Job was Failed: BackoffLimitExceeded 16.0s before the pod was gone");
    }

    @Test
    void aSidecarThatDiesBeforeReadyKeepsItsLastOutput() {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(2.9, "sidecar", EventKind.OUTPUT, "level=error msg=\"pid file found, ensure docker is not running\"")
                .at(3.0, "sidecar", EventKind.EXITING, "5 service process ended before it was ready")
                .at(3.3, "sidecar", EventKind.TERMINATED, "exit=5 reason=Error")
                .ending(Ending.Kind.MAIN_NEVER_STARTED, "x", 40);
        List<Finding> findings = o.decide().findings();

        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.CONTAINER_OUTPUT).singleElement()
                .extracting(Finding::text).asString()
                .contains("sidecar wrote before exit 5 service process ended before it was ready", "pid file found");
    }
}
