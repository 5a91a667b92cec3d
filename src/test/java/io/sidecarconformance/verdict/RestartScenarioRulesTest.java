package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules on hand-built timelines of the restart scenarios: container restart rules (KEP-5307), RestartAllContainers
 * (KEP-5532) and a kubelet restart. Each both ways (or all the ways) it can go: the API drops or refuses the rules,
 * the kubelet applies them or not; nothing here knows which a version does.
 */
class RestartScenarioRulesTest {

    private static Optional<String> finding(Decision d, FindingKind kind) {
        return d.findings().stream().filter(f -> f.kind() == kind).findFirst().map(Finding::text);
    }

    /** Native sidecar up, main working: the start every restart scenario shares. */
    private static Obs mainWorking() {
        return new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(4.1, "sidecar", EventKind.READY, "")
                .at(4.5, "main", EventKind.STARTING, "pid=1")
                .at(4.6, "main", EventKind.STEP, "Working");
    }

    @Test
    void rulesTheApiDidNotKeepAreDroppedWhateverThePodDidThen() {
        Obs o = mainWorking()
                .at(4.7, "main", EventKind.STEP, "Allocating 256MiB")
                .at(5.0, "main", EventKind.EXITING, "137 allocation ended with 137")
                .at(5.3, "main", EventKind.TERMINATED, "exit=137 reason=Error")
                .at(6.0, "pod", EventKind.PHASE, "Failed")
                .at(6.4, "job", EventKind.JOB, "Failed BackoffLimitExceeded")
                .exit("main", 137, "Error")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 6.5);
        o.dropped = List.of("pod.containers[main].restartPolicy", "pod.containers[main].restartPolicyRules");
        o.faultTargetsMain = true;

        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.DROPPED);
        assertThat(d.reason()).as("reason names the fields and what happened")
                .contains("pod.containers[main].restartPolicy, pod.containers[main].restartPolicyRules", "main exit 137");
    }

    @Test
    void aRegularContainersRestartPolicyTheApiForbidsIsRejected() {
        Obs o = new Obs().at(0.0, "suite", EventKind.ACTION, "API refused: ...");
        o.rejection = "Job.batch \"sc-job\" is invalid: spec.template.spec.containers[0].restartPolicy: Forbidden: may not be set"
                + " for non-init containers";
        o.ending(Ending.Kind.REFUSED, "API refused the spec", 0.2);

        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.REJECTED);
        assertThat(d.reason()).as("reason quotes the API").contains("may not be set for non-init containers");
    }

    @Test
    void anActionTheApiDoesNotSupportIsRejected() {
        Obs o = new Obs();
        o.rejection = "Job.batch \"sc-job\" is invalid: spec.template.spec.containers[0].restartPolicyRules[0].action: Unsupported"
                + " value: \"RestartAllContainers\": supported values: \"Restart\"";
        o.ending(Ending.Kind.REFUSED, "API refused the spec", 0.2);

        assertThat(o.decide().outcome()).as("outcome").isEqualTo(Outcome.REJECTED);
    }

    /** Main's workload OOM-killed once, main exits 137 and the kubelet starts it again beside the running sidecar. */
    private static Obs mainRestartedInPlace() {
        return mainWorking()
                .at(4.7, "main", EventKind.STEP, "Allocating 256MiB")
                .at(5.0, "main", EventKind.EXITING, "137 allocation ended with 137")
                .at(5.3, "main", EventKind.TERMINATED, "exit=137 reason=Error")
                .at(6.2, "main", EventKind.STARTING, "pid=1")
                .at(6.3, "main", EventKind.STATUS, "restartCount=1")
                .at(6.4, "main", EventKind.STEP, "Working")
                .at(9.4, "main", EventKind.EXITING, "0")
                .at(9.6, "main", EventKind.TERMINATED, "exit=0 reason=Completed");
    }

    @Test
    void aMainTheKubeletRestartedOnItsExitCodeCompletesTheJob() {
        Obs o = mainRestartedInPlace()
                .at(9.8, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(10.3, "pod", EventKind.PHASE, "Succeeded")
                .at(10.8, "job", EventKind.JOB, "Complete")
                .exit("main", 0, "Completed")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 10.9);
        o.faultTargetsMain = true;
        o.restarts.put("main", 1);

        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome: the Job's own word").isEqualTo(Outcome.SUCCEEDED);
        assertThat(d.figures().restarts()).as("main's restart is a figure").containsEntry("main", 1);
        assertThat(finding(d, FindingKind.SIDECAR_RESTARTED)).as("the sidecar did not restart").isEmpty();
    }

    @Test
    void aMainRestartedInPlaceKeepsTheObservationOpenPastTheStuckWindowOfItsFirstEnd() {
        EndPolicy policy = new EndPolicy(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(20),
                java.time.Duration.ofSeconds(300));
        Obs o = mainWorking()
                .at(5.0, "main", EventKind.EXITING, "137 allocation ended with 137")
                .at(5.3, "main", EventKind.TERMINATED, "exit=137 reason=Error")
                .at(16.2, "main", EventKind.STARTING, "pid=1");
        Timeline t = Timeline.of(o.events);

        assertThat(policy.ending(t, new EndPolicy.RunState(Obs.T0, null, null), Obs.time(60)))
                .as("main's last instance runs: no stuck window").isEmpty();
    }

    @Test
    void aMainRestartedIntoAPodWhoseDoneFileSidecarHadGoneFailsItsWaitAndTheJob() {
        Obs o = mainWorking()
                .at(4.5, "main", EventKind.STEP, "Allocating 1024MiB")
                .at(5.0, "main", EventKind.EXITING, "137 allocation ended with 137")
                .at(5.3, "main", EventKind.TERMINATED, "exit=137 reason=Error")
                .at(5.9, "sidecar", EventKind.EXITING, "0 done file seen")
                .at(6.1, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(6.4, "main", EventKind.STARTING, "pid=1")
                .at(6.5, "main", EventKind.STEP, "Waiting sidecar not ready")
                .at(67.0, "main", EventKind.EXITING, "3 sidecar not ready after 60s")
                .at(67.2, "main", EventKind.TERMINATED, "exit=3 reason=Error")
                .at(67.8, "pod", EventKind.PHASE, "Failed")
                .at(68.1, "job", EventKind.JOB, "Failed BackoffLimitExceeded")
                .exit("main", 3, "Error").exit("sidecar", 0, "Completed")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 68.2);
        o.faultTargetsMain = true;

        Decision d = o.decide();

        assertThat(d.outcome()).as("the rule restarted main: the fault was survived, the done-file protocol then failed"
                + " the Job").isEqualTo(Outcome.FAILED);
        assertThat(d.reason()).as("reason: main's last words").contains("main was restarted in place after it (2 instances)",
                "main exit 3", "sidecar not ready after 60s");
    }

    /** RestartAllContainers: the sidecar's OOM kill (137) ends main too; both start again, sidecar first. */
    private static Obs podRestartedInPlace() {
        return mainWorking()
                .at(5.5, "sidecar", EventKind.STEP, "Allocating 256MiB")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled")
                .at(6.3, "main", EventKind.EXITING, "143 SIGTERM")
                .at(6.5, "main", EventKind.TERMINATED, "exit=143 reason=Error")
                .at(7.4, "sidecar", EventKind.STARTING, "pid=1")
                .at(7.5, "sidecar", EventKind.STATUS, "restartCount=1")
                .at(10.5, "sidecar", EventKind.READY, "")
                .at(10.9, "main", EventKind.STARTING, "pid=1")
                .at(11.0, "main", EventKind.STEP, "Working");
    }

    @Test
    void aPodRestartedInPlaceWhoseMainThenEndsWellCompletesTheJobWithTheSidecarsRestartAsAFinding() {
        Obs o = podRestartedInPlace()
                .at(14.0, "main", EventKind.EXITING, "0")
                .at(14.2, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(14.4, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(14.9, "pod", EventKind.PHASE, "Succeeded")
                .at(15.3, "job", EventKind.JOB, "Complete")
                .exit("main", 0, "Completed")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 15.4);
        o.restarts.put("sidecar", 1);
        o.restarts.put("main", 1);

        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.SUCCEEDED);
        assertThat(finding(d, FindingKind.SIDECAR_RESTARTED)).as("the sidecar's restart").get().asString()
                .contains("sidecar restarted 1 time");
        assertThat(d.figures().restarts()).as("both restarted").containsEntry("main", 1).containsEntry("sidecar", 1);
    }

    @Test
    void aPodWhoseSidecarsExitEndedMainWithoutARestartFailsTheJob() {
        Obs o = mainWorking()
                .at(5.5, "sidecar", EventKind.STEP, "Allocating 256MiB")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled")
                .at(6.2, "main", EventKind.STEP, "Retrying second use failed")
                .at(7.4, "sidecar", EventKind.STARTING, "pid=1")
                .at(8.0, "main", EventKind.EXITING, "4 second use of the sidecar failed")
                .at(8.2, "main", EventKind.TERMINATED, "exit=4 reason=Error")
                .at(8.9, "pod", EventKind.PHASE, "Failed")
                .at(9.3, "job", EventKind.JOB, "Failed BackoffLimitExceeded")
                .exit("main", 4, "Error")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 9.4);

        Decision d = o.decide();

        assertThat(d.outcome()).as("no fault aimed at main: the sidecar failed it").isEqualTo(Outcome.FAILED);
        assertThat(finding(d, FindingKind.USE_FAILED_WHILE_DOWN)).as("main's use fell in the gap").isPresent();
    }

    /** Kubelet restart while main works: the suite's two marks, then main carries on. */
    private static Obs kubeletRestarted() {
        return mainWorking()
                .at(4.8, "suite", EventKind.ACTION, "restart the kubelet: stopping it")
                .at(9.9, "suite", EventKind.ACTION, "kubelet restarted: stopped 06:00:05.9, started 06:00:06.0, healthy 06:00:09.8");
    }

    @Test
    void aPodTheRestartedKubeletFinishesSucceeds() {
        Obs o = kubeletRestarted()
                .at(44.6, "main", EventKind.EXITING, "0")
                .at(45.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(45.3, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(45.8, "pod", EventKind.PHASE, "Succeeded")
                .at(46.2, "job", EventKind.JOB, "Complete")
                .exit("main", 0, "Completed")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 46.3);

        assertThat(o.decide().outcome()).as("outcome").isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aPodTheRestartedKubeletNeverFinishesIsStuck() {
        Obs o = kubeletRestarted()
                .at(44.6, "main", EventKind.EXITING, "0")
                .at(45.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .exit("main", 0, "Completed")
                .ending(Ending.Kind.POD_NOT_ENDED, "the pod had not ended 30s after main ended", 75.0);

        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.STUCK);
        assertThat(d.reason()).as("reason").contains("sidecar running");
    }

    @Test
    void aNodeFaultTheSuiteCannotApplyHereIsNotApplicableWithItsReason() {
        Obs o = new Obs().at(0.0, "suite", EventKind.ACTION, "not run: ...");
        o.ending(Ending.Kind.NOT_RUN, "the fault kubelet-restart acts on the node, which the suite can do only where it runs"
                + " the node's processes itself (local clusters); on kind:1.31 it cannot", 0.0);

        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome").isEqualTo(Outcome.NOT_APPLICABLE);
        assertThat(d.reason()).as("reason").startsWith("not run: the fault kubelet-restart acts on the node").contains("kind:1.31");
        assertThat(d.findings()).as("no findings").isEmpty();
    }
}
