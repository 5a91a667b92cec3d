package io.sidecarconformance.verdict;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.timeline.EventKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each figure built from a timeline with known times: the value is what those times say. */
class FigureRulesTest {

    /** Deletion at +10s; the sidecar ends on SIGTERM at once; a shell-form main ignores it and is killed at +25s. */
    private static Obs sidecarEndsFirst(double sidecarEnd, String mainFinishedAt, double mainReportSeen) {
        return new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(10.0, "suite", EventKind.ACTION, "delete pod")
                .at(sidecarEnd, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(sidecarEnd + 0.3, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error")
                .at(mainReportSeen, "main", EventKind.TERMINATED, "exit=137 reason=Error finishedAt=" + mainFinishedAt);
    }

    @Test
    void aSidecarThatEndedBeforeAKilledMainHasANegativeOutlivedFigureBoundedByTheKubeletsSecond() {
        // main's end lies in [+25.0s, +25.6s]: the sidecar ended at +10.1s, at least 14.9s before it
        Obs o = sidecarEndsFirst(10.1, "2026-11-22T06:00:25Z", 25.6);
        assertThat(o.decide().figures().sidecarOutlivedMainSeconds()).isEqualTo(-14.9);
    }

    @Test
    void aSidecarThatEndedInsideTheKubeletsSecondForMainHasNoKnownOrder() {
        // main's end lies in [+25.0s, +25.6s]; the sidecar ended at +25.2s: which came first is unknown
        Obs o = sidecarEndsFirst(25.2, "2026-11-22T06:00:25Z", 25.6);
        assertThat(o.decide().figures().sidecarOutlivedMainSeconds()).isEqualTo(0.0);
    }

    @Test
    void outlivedIsExactWhereMainWroteItsExitingLine() {
        assertThat(Obs.clean().decide().figures().sidecarOutlivedMainSeconds()).as("+5.0s to +6.1s").isEqualTo(1.1);
    }

    @Test
    void outlivedIsNotMeasuredWhileTheSidecarRunsOn() {
        assertThat(Obs.sidecarKeepsPodAlive().decide().figures().sidecarOutlivedMainSeconds()).isNull();
    }

    @Test
    void theOutageOfAnOomKilledSidecarRunsFromItsKillToItsNextReadyLine() {
        // Allocating at +5.5s (alive then), the kubelet's report carries no finishedAt: the kill is dated by the report
        // the runner saw at +6.0s, later than the hog's line; Ready again at +7.4s
        Obs o = Obs.sidecarRestartedUnderMain().ending(Ending.Kind.POD_NOT_ENDED, "x", 40);
        assertThat(o.decide().figures().sidecarDownSeconds()).isEqualTo(1.4);
    }

    @Test
    void aCellThatIsNotApplicableCarriesNoFindings() {
        // main waited for a sidecar the API never added (the fault's spec was refused): no race at start is reported
        Obs o = new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.1, "main", EventKind.STEP, "Waiting sidecar not ready")
                .ending(Ending.Kind.NOT_RUN, "the fault cannot act here", 3);
        Decision d = o.decide();
        assertThat(d.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(d.findings()).noneMatch(f -> f.kind() == FindingKind.RACE_AT_START).isEmpty();
    }

    @Test
    void aKubeletReasonOfOomKilledForAContainerThatEndedOnSigtermIsSaidToContradictItsLine() {
        // ephemeral / main-oom: main's OOM kill fails the pod, the kubelet stops the ephemeral sidecar with SIGTERM, and
        // reports the sidecar's end with reason OOMKilled
        Obs o = new Obs()
                .at(1.0, "main", EventKind.STARTING, "pid=1")
                .at(3.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(5.0, "main", EventKind.EXITING, "137 allocation ended with 137")
                .at(5.4, "main", EventKind.TERMINATED, "exit=137 reason=OOMKilled")
                .at(7.0, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(7.2, "sidecar", EventKind.TERMINATED, "exit=143 reason=OOMKilled")
                .at(7.3, "pod", EventKind.PHASE, "Failed")
                .at(7.5, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 7.6);
        o.faultTargetsMain = true;

        assertThat(o.decide().reason()).contains("sidecar exit 143 OOMKilled \"SIGTERM\" (the kubelet's reason says"
                + " OOMKilled, but the container's own last line says it ended on SIGTERM)")
                .contains("main exit 137 OOMKilled \"allocation ended with 137\"");
    }

    @Test
    void aStartedAndReadyThatWentFalseAndBackWhileTheSidecarRanAreAStatusReset() {
        // a kubelet restart at +20s: the sidecar's Started false +21.6s to +22.6s, Ready false +22.4s to +23.4s;
        // at the pod's end Ready goes false for good, which is no reset
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.7, "sidecar", EventKind.STATUS, "started=true").at(1.8, "sidecar", EventKind.STATUS, "ready=true")
                .at(2.0, "main", EventKind.STARTING, "pid=1").at(2.2, "main", EventKind.STATUS, "ready=true")
                .at(21.6, "sidecar", EventKind.STATUS, "started=false").at(22.4, "sidecar", EventKind.STATUS, "ready=false")
                .at(22.6, "sidecar", EventKind.STATUS, "started=true").at(23.4, "sidecar", EventKind.STATUS, "ready=true")
                .at(40.0, "main", EventKind.STATUS, "ready=false").at(40.1, "main", EventKind.EXITING, "0")
                .at(40.5, "sidecar", EventKind.STATUS, "ready=false").at(40.6, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(41.0, "pod", EventKind.PHASE, "Succeeded").at(41.2, "job", EventKind.JOB, "Complete")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 41.3);
        assertThat(o.decide().findings()).filteredOn(f -> f.kind() == FindingKind.STATUS_RESET).singleElement()
                .extracting(io.sidecarconformance.result.Finding::text).asString()
                .isEqualTo("sidecar's Started false at +21.6s for 1.0s, sidecar's Ready false at +22.4s for 1.0s, then true"
                        + " again, while that instance of the container kept running");
        assertThat(Obs.clean().decide().findings()).noneMatch(f -> f.kind() == FindingKind.STATUS_RESET);
    }

    @Test
    void aWorkloadSidecarsRestartedInstanceThatTheKubeletCalledStartedThenNotIsAResetOfItsSecondInstance() {
        // A user's dind (no lines of its own) OOM-killed and restarted on 1.31: the new instance reported Started and
        // Ready before its probe worker was back, then both withdrawn until its startupProbe passed. The restart ends
        // the first instance's flags; the reset is the second instance's, and it is Ready again at +21.1s.
        Obs o = new Obs()
                .at(0.2, "main", EventKind.RUNNING, "startedAt=a")
                .at(2.5, "sidecar", EventKind.RUNNING, "startedAt=b")
                .at(5.6, "sidecar", EventKind.STATUS, "started=true").at(5.8, "sidecar", EventKind.STATUS, "ready=true")
                .at(14.9, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled")
                .at(14.9, "sidecar", EventKind.STATUS, "started=false").at(14.9, "sidecar", EventKind.STATUS, "ready=false")
                .at(15.9, "sidecar", EventKind.RUNNING, "startedAt=c")
                .at(15.9, "sidecar", EventKind.STATUS, "started=true").at(15.9, "sidecar", EventKind.STATUS, "ready=true")
                .at(16.0, "sidecar", EventKind.STATUS, "started=false").at(17.0, "sidecar", EventKind.STATUS, "ready=false")
                .at(21.0, "sidecar", EventKind.STATUS, "started=true").at(21.1, "sidecar", EventKind.STATUS, "ready=true")
                .at(34.1, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(36.1, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(38.2, "pod", EventKind.PHASE, "Succeeded").at(39.2, "job", EventKind.JOB, "Complete")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 39.3);
        var findings = o.decide().findings();
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.STATUS_RESET).singleElement()
                .extracting(io.sidecarconformance.result.Finding::text).asString()
                .isEqualTo("sidecar's Started false at +16.0s for 5.0s (its instance 2), sidecar's Ready false at +17.0s"
                        + " for 4.1s (its instance 2), then true again, while that instance of the container kept running");
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.SIDECAR_RESTARTED).singleElement()
                .extracting(io.sidecarconformance.result.Finding::text).asString().contains("until Ready again");
    }

    @Test
    void theLastPhaseTheGraceAndTheApisExitsAndReasonsAreCarriedAsObserved() {
        Obs o = sidecarEndsFirst(10.1, "2026-11-22T06:00:25Z", 25.6)
                .at(1.2, "pod", EventKind.PHASE, "Running").at(25.8, "pod", EventKind.PHASE, "Failed")
                .exit("main", 137, "Error").exit("sidecar", 143, "Error");
        o.deleteAt = 10.0;
        o.grace = 15L;
        var f = o.decide().figures();
        assertThat(f.podPhase()).as("the last phase on the timeline").isEqualTo("Failed");
        assertThat(f.gracePeriodSeconds()).as("the deletion's grace period").isEqualTo(15L);
        assertThat(f.exitCodes()).containsEntry("main", 137).containsEntry("sidecar", 143);
        assertThat(f.reasons()).containsEntry("main", "Error").containsEntry("sidecar", "Error");
        assertThat(f.termAfterDeletionSeconds()).as("deletion to the sidecar's SIGTERM line").containsEntry("sidecar", 0.1);
        assertThat(f.exitAfterDeletionSeconds()).as("deletion to each container's end")
                .containsEntry("sidecar", 0.1).containsEntry("main", 15.6);
    }

    @Test
    void aRestartedInstanceThatSaidReadyBeforeItsProbeAndThenNotIsAStatusResetOfThatInstance() {
        // sidecar-oom, native +probe on 1.31: the kubelet reports the restarted sidecar ready=true with its restart,
        // then ready=false until its startupProbe passes (seen in every run)
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1").at(3.0, "sidecar", EventKind.STATUS, "ready=true")
                .at(8.0, "sidecar", EventKind.STEP, "Allocating 256MiB")
                .at(9.6, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled finishedAt=2026-11-22T06:00:08Z")
                .at(9.6, "sidecar", EventKind.STATUS, "ready=false")
                .at(9.9, "sidecar", EventKind.STARTING, "pid=1").at(10.4, "sidecar", EventKind.STATUS, "ready=true")
                .at(11.4, "sidecar", EventKind.STATUS, "ready=false").at(13.7, "sidecar", EventKind.STATUS, "ready=true")
                .ending(Ending.Kind.POD_NOT_ENDED, "x", 40);
        assertThat(o.decide().findings()).filteredOn(f -> f.kind() == FindingKind.STATUS_RESET).singleElement()
                .extracting(io.sidecarconformance.result.Finding::text).asString()
                .isEqualTo("sidecar's Ready false at +11.4s for 2.3s (its instance 2), then true again, while that instance"
                        + " of the container kept running");
    }

    @Test
    void aKilledSidecarsEndIsItsKillNotTheArrivalOfTheKubeletsReport() {
        // classic / light / exec+tolerant under sidecar-oom on 1.35: the hog's line at +10.2s, the kubelet's report
        // (finishedAt +10s) seen 2.2 s later; main gives up and exits 4 at +40.7s
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1").at(4.0, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(10.2, "sidecar", EventKind.STEP, "Allocating 256MiB")
                .at(12.4, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled finishedAt=2026-11-22T06:00:10Z")
                .at(40.7, "main", EventKind.EXITING, "4 second use of the sidecar failed for 30s")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 43);
        assertThat(o.decide().figures().sidecarOutlivedMainSeconds()).as("+10.2s to +40.7s, not from +12.4s")
                .isEqualTo(-30.5);
    }
}
