package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.timeline.EventKind;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on hand-built timelines of the scenarios that tell versions apart: a sidecar whose first start crashed,
 * several sidecars stopped after a deletion, a pod deleted while it starts. Both ways each can go.
 */
class VersionScenarioRulesTest {

    private static Optional<String> finding(Decision d, FindingKind kind) {
        return d.findings().stream().filter(f -> f.kind() == kind).findFirst().map(Finding::text);
    }

    /** Sidecar-early-crash: the first instance exits 1 at +3.0s, the second begins at +3.4s and says Ready at +6.5s. */
    private static Obs earlyCrash() {
        return new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(3.0, "sidecar", EventKind.EXITING, "1 first start crashes before its service is up")
                .at(3.2, "sidecar", EventKind.TERMINATED, "exit=1 reason=Error")
                .at(3.4, "sidecar", EventKind.STARTING, "pid=1")
                .at(3.5, "sidecar", EventKind.STATUS, "restartCount=1")
                .at(6.5, "sidecar", EventKind.READY, "");
    }

    @Test
    void aMainThatStartsAfterTheRestartedSidecarPassedItsProbeSucceedsWithTheDelayAsAFigure() {
        Decision d = earlyCrash()
                .at(8.6, "main", EventKind.STARTING, "pid=1")
                .at(8.7, "main", EventKind.STEP, "Working")
                .at(11.7, "main", EventKind.EXITING, "0")
                .at(12.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(12.1, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(12.4, "pod", EventKind.PHASE, "Succeeded")
                .at(12.8, "job", EventKind.JOB, "Complete")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 12.9).decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.SUCCEEDED);
        assertThat(d.figures().mainStartedAfterSidecarRestartSeconds()).as("restart to main's start").isEqualTo(5.2);
        assertThat(finding(d, FindingKind.SIDECAR_RESTARTED)).get().asString()
                .contains("sidecar restarted 1 time", "exit 1 Error", "main started 5.2s after the sidecar's instance beside it began (a restart)");
    }

    @Test
    void afterTwoCrashesTheFigureCountsFromTheInstanceMainStartedBeside() {
        Decision d = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1").at(3.0, "sidecar", EventKind.EXITING, "1 start 1 of 2 crashes")
                .at(3.4, "sidecar", EventKind.STARTING, "pid=1").at(5.4, "sidecar", EventKind.EXITING, "1 start 2 of 2 crashes")
                .at(16.0, "sidecar", EventKind.STARTING, "pid=1").at(19.1, "sidecar", EventKind.READY, "")
                .at(21.2, "main", EventKind.STARTING, "pid=1")
                .ending(Ending.Kind.DEADLINE, "deadline", 300).decide();

        assertThat(d.figures().sidecarRestarts()).as("restarts").isEqualTo(2);
        assertThat(d.figures().sidecarDownSeconds()).as("down from the first crash to the third instance's Ready, once")
                .isEqualTo(16.1);
        assertThat(d.figures().mainStartedAfterSidecarRestartSeconds()).as("from the third instance's start").isEqualTo(5.2);
    }

    @Test
    void aMainThatNeverStartsAfterTheRestartIsStuckAndTheRestartFindingSaysSo() {
        Decision d = earlyCrash()
                .ending(Ending.Kind.MAIN_NEVER_STARTED, "main had not started 30s after the sidecar said Ready", 36.5).decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.STUCK);
        assertThat(d.reason()).as("reason").contains("main had not started 30s after the sidecar said Ready", "main never started");
        assertThat(d.figures().mainStartedAfterSidecarRestartSeconds()).as("no start, no figure").isNull();
        assertThat(finding(d, FindingKind.SIDECAR_RESTARTED)).get().asString().contains("main never started");
    }

    @Test
    void aMainStartedBeforeASidecarRestartHasNoRestartToStartFigure() {
        Decision d = Obs.sidecarRestartedUnderMain().ending(Ending.Kind.DEADLINE, "deadline", 300).decide();
        assertThat(d.figures().mainStartedAfterSidecarRestartSeconds()).as("main began before the restart").isNull();
        assertThat(finding(d, FindingKind.SIDECAR_RESTARTED)).get().asString().doesNotContain("main started", "never started");
    }

    /**
     * Three sidecars started in order, main deleted at +10s, main says SIGTERM at once and exits 4s later; each sidecar's
     * SIGTERM line and exit at the given offsets after the deletion (null: no line).
     */
    private static Obs threeSidecars(double[] sidecar, double[] sidecar2, double[] sidecar3) {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1").at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "sidecar-2", EventKind.STARTING, "pid=1").at(2.5, "sidecar-2", EventKind.READY, "")
                .at(3.0, "sidecar-3", EventKind.STARTING, "pid=1").at(3.5, "sidecar-3", EventKind.READY, "")
                .at(4.0, "main", EventKind.STARTING, "pid=1").at(4.1, "main", EventKind.STEP, "Working")
                .at(10.0, "suite", EventKind.ACTION, "delete pod sc-job-x with gracePeriodSeconds=15")
                .at(10.02, "main", EventKind.STEP, "Terminating on SIGTERM, exiting in 4s")
                .at(14.03, "main", EventKind.EXITING, "143 SIGTERM")
                .at(14.3, "main", EventKind.TERMINATED, "exit=143 reason=Error");
        String[] names = {"sidecar", "sidecar-2", "sidecar-3"};
        double[][] times = {sidecar, sidecar2, sidecar3};
        for (int i = 0; i < 3; i++) {
            o.at(10 + times[i][0], names[i], EventKind.EXITING, "143 SIGTERM");
            o.at(10 + times[i][1], names[i], EventKind.TERMINATED, "exit=143 reason=Error");
        }
        o.at(15.0, "pod", EventKind.DELETED, "sc-job-x gone").at(15.2, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 15.3);
        o.deleteAt = 10.0;
        o.grace = 15L;
        o.faultTargetsMain = true;
        return o;
    }

    @Test
    void sidecarsStoppedInReverseStartOrderAfterMainAreSaidSoWithEachOnesTermAndEnd() {
        Decision d = threeSidecars(new double[] {4.30, 4.4}, new double[] {4.15, 4.2}, new double[] {4.05, 4.1}).decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.FAILED_BY_FAULT);
        assertThat(finding(d, FindingKind.TERM_ORDER)).get().asString()
                .contains("SIGTERM reached main at +0.0s, sidecar-3 at +4.1s, sidecar-2 at +4.2s, sidecar at +4.3s",
                        "sidecar-3 got it 20 ms after main exited", "sidecar got it 0.3s after main exited",
                        "each sidecar got it only after the one started after it had ended (all within 0.3s, start order sidecar, sidecar-2, sidecar-3)")
                .doesNotContain("the sidecar got it");
        assertThat(d.figures().termAfterDeletionSeconds()).as("every container's SIGTERM")
                .containsOnlyKeys("main", "sidecar", "sidecar-2", "sidecar-3").containsEntry("sidecar-2", 4.2);
        assertThat(d.figures().exitAfterDeletionSeconds()).as("every container's end, from its Exiting line")
                .containsEntry("main", 4.0).containsEntry("sidecar-3", 4.1).containsEntry("sidecar", 4.3);
        assertThat(d.reason()).as("every container in the reason")
                .contains("main exit 143 Error", "sidecar exit 143 Error", "sidecar-2 exit 143 Error", "sidecar-3 exit 143 Error");
    }

    @Test
    void sidecarsThatAllGotSigtermAtTheDeletionAreSaidToHaveGotItBeforeAnyEnded() {
        // 1.28 with the gate on: everything at the deletion, the sidecars end at once, main 4 s later.
        Decision d = threeSidecars(new double[] {0.03, 0.2}, new double[] {0.02, 0.2}, new double[] {0.04, 0.2}).decide();

        assertThat(finding(d, FindingKind.TERM_ORDER)).get().asString()
                .contains("sidecar got it 4.0s before main exited",
                        "the sidecars got it not each after the one started after it had ended (all within 0.0s");
    }

    @Test
    void sidecarsWhoseLinesAreCloserThanTheClocksResolveAreNotOrdered() {
        // each sidecar's SIGTERM line 10 ms after the later one's end: inside the 20 ms margin, no order is claimed
        Decision d = threeSidecars(new double[] {4.12, 4.3}, new double[] {4.11, 4.3}, new double[] {4.10, 4.3}).decide();

        assertThat(finding(d, FindingKind.TERM_ORDER)).get().asString()
                .contains("whether each sidecar got it after the one started after it had ended is within the clocks' margin (20 ms")
                .doesNotContain("only after", "not each after");
    }

    @Test
    void sidecarsInNeitherOrderAndSilentOnesAreNamed() {
        Obs o = threeSidecars(new double[] {4.05, 4.1}, new double[] {4.15, 4.2}, new double[] {4.30, 4.4});
        Decision d = o.decide();
        assertThat(finding(d, FindingKind.TERM_ORDER)).get().asString().contains("the sidecars got it not each after the one started after it had ended (all within 0.3s");

        o.events.removeIf(e -> e.container().equals("sidecar-2") && e.kind() == EventKind.EXITING);
        assertThat(finding(o.decide(), FindingKind.TERM_ORDER)).get().asString()
                .contains("sidecar-2 wrote no SIGTERM line").doesNotContain("all within");
    }

    @Test
    void preStopHooksAreListedWithWhenTheyBegan() {
        Obs o = threeSidecars(new double[] {6.30, 6.4}, new double[] {6.15, 6.2}, new double[] {6.05, 6.1});
        o.at(10.05, "sidecar", EventKind.STEP, "PreStop hook for 2s").at(10.06, "sidecar-3", EventKind.STEP, "PreStop hook for 2s")
                .at(10.07, "sidecar-2", EventKind.STEP, "PreStop hook for 2s");

        assertThat(finding(o.decide(), FindingKind.TERM_ORDER)).get().asString()
                .contains("preStop hooks began: sidecar +0.1s, sidecar-3 +0.1s, sidecar-2 +0.1s");
    }

    /** Delete-during-init on native-multi: sidecar and sidecar-2 Ready, sidecar-3 delaying; deletion at +7.0s. */
    private static Obs deletedDuringInit() {
        Obs o = new Obs()
                .at(0.4, "pod", EventKind.PHASE, "Pending")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1").at(4.1, "sidecar", EventKind.READY, "")
                .at(5.0, "sidecar-2", EventKind.STARTING, "pid=1").at(8.1, "sidecar-2", EventKind.READY, "")
                .at(9.0, "sidecar-3", EventKind.STARTING, "pid=1").at(9.1, "sidecar-3", EventKind.STEP, "Delaying 240s")
                .at(9.3, "suite", EventKind.ACTION, "delete pod sc-job-x with gracePeriodSeconds=15");
        o.deleteAt = 9.3;
        o.grace = 15L;
        o.faultTargetsMain = true;
        return o;
    }

    @Test
    void aPodGoneSoonAfterADeletionDuringItsStartUpFailsByTheFault() {
        Obs o = deletedDuringInit()
                .at(9.4, "sidecar-3", EventKind.EXITING, "143 SIGTERM").at(9.5, "sidecar-2", EventKind.EXITING, "143 SIGTERM")
                .at(9.6, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(10.4, "pod", EventKind.PHASE, "Failed").at(10.9, "pod", EventKind.DELETED, "sc-job-x gone")
                .at(11.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 11.1);
        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.FAILED_BY_FAULT);
        assertThat(d.reason()).as("reason").contains("pod gone 1.6s after deletion", "main never started",
                "sidecar-3 exit 143 SIGTERM");
        assertThat(d.figures().terminationSeconds()).as("deletion to gone").isEqualTo(1.6);
        assertThat(finding(d, FindingKind.TERM_ORDER)).get().asString()
                .contains("each sidecar got it only after the one started after it had ended (all within 0.2s");
    }

    @Test
    void aPodNotGoneAfterADeletionDuringItsStartUpIsStuckSayingWhatStillRuns() {
        Obs o = deletedDuringInit()
                .at(9.4, "sidecar-3", EventKind.EXITING, "143 SIGTERM")
                .at(9.6, "sidecar-3", EventKind.TERMINATED, "exit=143 reason=Error")
                .ending(Ending.Kind.POD_NOT_GONE, "the pod was not gone 45s after its deletion (grace period 15s plus 30s)", 54.3);
        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.STUCK);
        assertThat(d.reason()).as("reason").contains("not gone 45s after its deletion", "pod still Pending",
                "sidecar running", "sidecar-2 running", "sidecar-3 exit 143 Error", "main never started");
    }

    @Test
    void theJobsFailedCountOnTheTimelineIsNoTerminalConditionAndALaterFailedConditionIsTheSidecars() {
        Obs o = Obs.sidecarRestartedUnderMain()
                .at(6.5, "job", EventKind.JOB, "failed=1")
                .at(17.0, "job", EventKind.JOB, "failed=2")
                .at(30.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .at(31.0, "pod", EventKind.DELETED, "sc-job-x gone")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 31.1);
        Decision d = o.decide();

        assertThat(d.outcome()).as("no fault aimed at main: the sidecar failed the Job").isEqualTo(Outcome.FAILED);
        assertThat(d.figures().jobCondition()).as("the condition, not a count").isEqualTo("Failed: BackoffLimitExceeded");
    }

    @Test
    void eachContainersFirstOomScoreLineIsItsFigure() {
        Decision d = Obs.clean().at(1.15, "sidecar", EventKind.STEP, "OomScoreAdj 998")
                .at(2.05, "main", EventKind.STEP, "OomScoreAdj 917").at(2.06, "main", EventKind.STEP, "OomScoreAdj 5")
                .at(2.07, "sidecar", EventKind.STEP, "OomScoreAdj not-a-number").decide();

        assertThat(d.outcome()).as("a figure, not an outcome").isEqualTo(Outcome.SUCCEEDED);
        assertThat(d.figures().oomScoreAdj()).as("first line per container").containsOnly(
                java.util.Map.entry("sidecar", 998), java.util.Map.entry("main", 917));
        assertThat(Obs.clean().decide().figures().oomScoreAdj()).as("no lines, no figure").isEmpty();
    }
}
