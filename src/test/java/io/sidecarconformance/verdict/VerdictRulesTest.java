package io.sidecarconformance.verdict;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.SuiteActions;
import io.sidecarconformance.timeline.Timeline;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Outcomes of hand-built observations, one per rule, and the edges between neighbouring rules. */
class VerdictRulesTest {

    static void assertOneLineQuoting(Decision d, String... quoted) {
        assertThat(d.reason()).as("reason is one line").doesNotContain("\n").doesNotContain("\r").isNotBlank();
        assertThat(d.reason()).as("reason quotes the deciding observation").contains(quoted);
    }

    @Test
    void aCompleteJobSucceedsWithFiguresAndNoFindings() {
        Decision d = Obs.clean().decide();

        assertThat(d.outcome()).as("outcome; reason %s", d.reason()).isEqualTo(Outcome.SUCCEEDED);
        assertOneLineQuoting(d, "Job Complete", "pod Succeeded at +7.0s", "main exit 0 Completed", "sidecar exit 0 Completed");
        assertThat(d.findings()).as("findings").isEmpty();
        assertThat(d.figures().completionSeconds()).as("Job created to pod ended").isEqualTo(7.0);
        assertThat(d.figures().sidecarOutlivedMainSeconds()).as("from main's Exiting line to the sidecar's").isEqualTo(1.1);
        assertThat(d.figures().jobAfterPodSeconds()).as("Job condition after the pod phase").isEqualTo(0.5);
        assertThat(d.figures().sidecarRestarts()).as("no restart").isZero();
        assertThat(d.figures().jobCondition()).isEqualTo("Complete");
    }

    @Test
    void aFailedJobIsFailedWhenNoFaultWasAimedAtMain() {
        Obs o = failedJob();
        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome; reason %s", d.reason()).isEqualTo(Outcome.FAILED);
        assertOneLineQuoting(d, "Job Failed: BackoffLimitExceeded", "no fault aimed at main", "main exit 4 Error",
                "\"second use of the sidecar failed\"");
    }

    @Test
    void aFailedJobIsFailedByTheFaultWhenTheFaultWasAimedAtMain() {
        Obs o = failedJob().at(5.0, "suite", EventKind.ACTION, "SIGKILL main: " + SuiteActions.AGENT_STARTING);
        o.faultTargetsMain = true;
        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome; reason %s", d.reason()).isEqualTo(Outcome.FAILED_BY_FAULT);
        assertOneLineQuoting(d, "Job Failed: BackoffLimitExceeded", "the fault was aimed at main");
    }

    @Test
    void eachSignOfAFaultOnMainActingMakesAFailedJobItsFailure() {
        Obs deleted = failedJob();
        deleted.faultTargetsMain = true;
        deleted.deleteAt = 5.0;
        Obs hog = failedJob().at(5.0, "main", EventKind.STEP, "Allocating 1024MiB");
        hog.faultTargetsMain = true;
        Obs agentReportOnly = failedJob().at(5.0, "suite", EventKind.ACTION, "SIGKILL main: agent done: SC-AGENT signalling pid 9");
        agentReportOnly.faultTargetsMain = true;

        assertThat(deleted.decide().outcome()).as("the pod's deletion was requested").isEqualTo(Outcome.FAILED_BY_FAULT);
        assertThat(hog.decide().outcome()).as("main's memory hog began").isEqualTo(Outcome.FAILED_BY_FAULT);
        assertThat(agentReportOnly.decide().outcome()).as("only the start of the agent counts: its report may come after the"
                + " pod ended, and without its start it is not ours").isEqualTo(Outcome.FAILED);
    }

    @Test
    void aJobThatFailedBeforeTheFaultOnMainActedIsFailedNotFailedByTheFault() {
        // native under sigterm-slow-main: the runtime could not start main (StartError), the kubelet stopped the sidecar
        // and the Job failed; the deletion, which fires on main's "Working" line, never came
        Obs o = mainNeverRan(NOT_FOUND);
        o.faultTargetsMain = true;
        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome; reason %s", d.reason()).isEqualTo(Outcome.FAILED);
        assertOneLineQuoting(d, "Job Failed: BackoffLimitExceeded", "before the fault aimed at main acted",
                "main never ran (exit=128 reason=StartError)");
    }

    @Test
    void aContainerTheNodesRuntimeCouldNotSetUpIsAnInfrastructureErrorNotAnOutcome() {
        // kind 1.31 and 1.35 (nested cgroup v1 nodes, under load): runc could not freeze the new container's cgroup
        Obs o = mainNeverRan("Failed: Error: failed to create containerd task: failed to create shim task: OCI runtime create"
                + " failed: runc create failed: unable to start container process: error during container init: error setting"
                + " cgroup config for procHooks process: unable to freeze");
        o.faultTargetsMain = true;
        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome; reason %s", d.reason()).isEqualTo(Outcome.ERROR);
        assertOneLineQuoting(d, "the node's runtime could not create main", "unable to freeze", "infrastructure");
        assertThat(mainNeverRanWithSandboxRetry().decide().outcome()).as("a pod sandbox the kubelet created again is not one")
                .isEqualTo(Outcome.FAILED_BY_FAULT);
    }

    private static final String NOT_FOUND = "Failed: Error: failed to create containerd task: failed to create shim task: OCI"
            + " runtime create failed: runc create failed: unable to start container process: exec: \"/sc/main.sh\": stat"
            + " /sc/main.sh: no such file or directory";

    /** The Job's pod, whose main the runtime could not start (the Failed event given) before the fault's moment. */
    private static Obs mainNeverRan(String failedEvent) {
        return new Obs()
                .at(2.6, "sidecar", EventKind.STARTING, "pid=1")
                .at(5.7, "sidecar", EventKind.READY, "")
                .at(7.7, "main", EventKind.EVENT, failedEvent)
                .at(8.8, "main", EventKind.TERMINATED, "exit=128 reason=StartError finishedAt=2026-12-08T01:46:51Z")
                .at(8.9, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(9.7, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error")
                .at(11.7, "pod", EventKind.PHASE, "Failed")
                .at(12.8, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("sidecar", 143, "Error")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 12.9);
    }

    /** A failed Job under SIGKILL of main whose pod's sandbox failed once (the kubelet made another): the fault's failure. */
    private static Obs mainNeverRanWithSandboxRetry() {
        Obs o = failedJob()
                .at(0.5, "pod", EventKind.EVENT, "FailedCreatePodSandBox: Failed to create pod sandbox: rpc error: error"
                        + " setting cgroup config for procHooks process: unable to freeze")
                .at(5.0, "suite", EventKind.ACTION, "SIGKILL main: " + SuiteActions.AGENT_STARTING);
        o.faultTargetsMain = true;
        return o;
    }

    private static Obs failedJob() {
        return new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(6.0, "main", EventKind.EXITING, "4 second use of the sidecar failed")
                .at(6.3, "main", EventKind.TERMINATED, "exit=4 reason=Error")
                .at(6.4, "sidecar", EventKind.EXITING, "0 done file seen")
                .at(6.8, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(7.0, "pod", EventKind.PHASE, "Failed")
                .at(7.2, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 4, "Error").exit("sidecar", 0, "Completed");
    }

    @Test
    void aPodThatOutlivesMainIsStuckWhateverTheJobSays() {
        Decision plain = Obs.sidecarKeepsPodAlive().decide();
        Decision withJob = Obs.sidecarKeepsPodAlive().at(6.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded").decide();

        assertThat(plain.outcome()).as("outcome; reason %s", plain.reason()).isEqualTo(Outcome.STUCK);
        assertOneLineQuoting(plain, "main ended at +5.0s", "still Running at +35.4s", "sidecar running");
        assertThat(plain.figures().sidecarOutlivedMainSeconds())
                .as("not measured: the sidecar had not ended when the stuck window closed").isNull();
        assertThat(withJob.outcome()).as("a Job condition does not make a hanging pod end").isEqualTo(Outcome.STUCK);
        assertThat(withJob.reason()).contains("the Job was already Failed: BackoffLimitExceeded");
    }

    @Test
    void aPodThatEndedWithoutAJobConditionIsStuck() {
        Obs o = Obs.clean();
        o.events.removeIf(e -> e.kind() == EventKind.JOB);
        o.ending(Ending.Kind.JOB_NOT_TERMINAL, "the Job had no terminal condition 20s after the pod ended", 27.0);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.STUCK);
        assertOneLineQuoting(d, "the Job had no terminal condition 20s after the pod ended", "pod Succeeded");
    }

    @Test
    void mainNeverStartingIsStuckWithMainsLastState() {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(1.6, "main", EventKind.STATUS, "waiting=PodInitializing")
                .ending(Ending.Kind.MAIN_NEVER_STARTED, "main had not started 30s after the sidecar said Ready", 31.5);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.STUCK);
        assertOneLineQuoting(d, "main had not started 30s after the sidecar said Ready", "waiting=PodInitializing");
    }

    @Test
    void aRefusalOfTheFaultsFieldsOnlyIsNotApplicableOtherwiseRejected() {
        Obs refused = new Obs().at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .ending(Ending.Kind.REFUSED, "API refused the spec", 0.1);
        refused.rejection = "spec.ephemeralContainers[0].resources: Forbidden: cannot be set for an Ephemeral Container";

        Decision rejected = refused.decide();
        refused.acceptedWithoutFault = true;
        Decision notApplicable = refused.decide();

        assertThat(rejected.outcome()).isEqualTo(Outcome.REJECTED);
        assertOneLineQuoting(rejected, "API refused the spec: spec.ephemeralContainers[0].resources");
        assertThat(notApplicable.outcome()).isEqualTo(Outcome.NOT_APPLICABLE);
        assertOneLineQuoting(notApplicable, "the API refused what the fault adds", "cannot be set for an Ephemeral Container",
                "accepted in a dry run");
    }

    @Test
    void reasonsStayOneLineWhenTheEvidenceSpansLines() {
        Obs o = new Obs().ending(Ending.Kind.REFUSED, "API refused the spec", 0.1);
        o.rejection = "Job is invalid:\n  * field a\n  * field b";

        assertOneLineQuoting(o.decide(), "Job is invalid: * field a * field b");
    }

    @Test
    void droppedNamesTheFieldAndStillTellsWhatHappened() {
        Obs o = Obs.sidecarKeepsPodAlive();
        o.dropped = List.of("pod.initContainers[sidecar].restartPolicy");
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.DROPPED);
        assertOneLineQuoting(d, "API dropped pod.initContainers[sidecar].restartPolicy", "then pod still Running");
    }

    @Test
    void anInfrastructureErrorIsErrorWithoutFindings() {
        Obs o = Obs.sidecarRestartedUnderMain().ending(Ending.Kind.INFRA_ERROR, "observation incomplete: the pod watch stopped", 9.0);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.reason()).isEqualTo("observation incomplete: the pod watch stopped");
        assertThat(d.findings()).as("no findings on an ERROR").isEmpty();
    }

    @Test
    void nothingStartedIsAnErrorNotAnOutcome() {
        Obs o = new Obs().at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(0.5, "sidecar", EventKind.STATUS, "waiting=ContainerCreating")
                .ending(Ending.Kind.DEADLINE, "the scenario's deadline of 300s passed", 300);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertOneLineQuoting(d, "no container ever started", "deadline", "waiting=ContainerCreating");
    }

    @Test
    void aMainTheRuntimeCouldNotStartIsSaidAsItsTerminationNotItsEarlierWait() {
        // a done-file pod whose main the runtime could not start (a command its image lacks): the kubelet reports it
        // terminated exit 128 StartError, and the done-file sidecar waits on
        Obs o = new Obs().at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(0.3, "main", EventKind.STATUS, "waiting=ContainerCreating")
                .at(2.8, "main", EventKind.EVENT, NOT_FOUND)
                .at(3.3, "sidecar", EventKind.STARTING, "pid=1")
                .at(5.5, "main", EventKind.TERMINATED, "exit=128 reason=StartError finishedAt=2026-12-08T01:46:28Z")
                .at(5.5, "sidecar", EventKind.RUNNING, "startedAt=2026-12-08T01:46:28Z")
                .at(6.5, "sidecar", EventKind.READY, "")
                .ending(Ending.Kind.MAIN_NEVER_STARTED, "main had not started 30s after the sidecar said Ready", 36.5);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.STUCK);
        assertThat(d.reason()).as("main's last state is its termination, not the wait before it")
                .contains("main never ran (exit=128 reason=StartError)").doesNotContain("ContainerCreating");
    }

    @Test
    void aSidecarRestartInMainsWayFailsAStrictClient() {
        Obs o = Obs.sidecarRestartedUnderMain()
                .at(6.2, "main", EventKind.EXITING, "4 second use of the sidecar failed")
                .at(6.5, "main", EventKind.TERMINATED, "exit=4 reason=Error")
                .at(8.0, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(8.2, "pod", EventKind.PHASE, "Failed")
                .at(8.4, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 4, "Error").ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 8.5);
        o.restarts.put("sidecar", 1);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.figures().sidecarRestarts()).isEqualTo(1);
        assertThat(d.figures().sidecarDownSeconds()).as("from the OOM kill to Ready again").isCloseTo(1.4, within(0.05));
        assertThat(d.findings()).extracting(f -> f.kind())
                .containsExactly(FindingKind.SIDECAR_RESTARTED, FindingKind.USE_FAILED_WHILE_DOWN);
        assertThat(d.findings().get(0).text()).contains("restarted 1 time", "first ended +6.0s: exit 137 OOMKilled",
                "down 1.4s until Ready again");
        assertThat(d.findings().get(1).text()).contains("failed at +6.2s", "(+6.0s to +7.4s)", "main gave up");
    }

    @Test
    void aMemoryHogThatEndsWithoutAnOomKillIsNoVerdict() {
        Obs o = new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.2, "main", EventKind.STEP, "Working")
                .at(5.5, "sidecar", EventKind.STEP, "Allocating 256MiB")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(6.2, "main", EventKind.EXITING, "4 second use of the sidecar failed")
                .at(6.5, "main", EventKind.TERMINATED, "exit=4 reason=Error")
                .at(6.8, "pod", EventKind.PHASE, "Failed")
                .at(7.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 4, "Error").exit("sidecar", 0, "Completed")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 7.1);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.reason()).contains("memory hog in sidecar", "Allocating 256MiB", "exit 0", "the fault did not act");
    }

    @Test
    void aMemoryHogKilledByTheKernelIsTheFaultActing() {
        Obs o = Obs.sidecarRestartedUnderMain()
                .at(9.0, "main", EventKind.EXITING, "0")
                .at(9.2, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(9.5, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(9.8, "pod", EventKind.PHASE, "Succeeded")
                .at(10.0, "job", EventKind.JOB, "Complete")
                .exit("main", 0, "Completed").ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 10.1);
        o.restarts.put("sidecar", 1);

        assertThat(o.decide().outcome()).as("the hog's instance was OOM-killed; the restarted one ended 0 later")
                .isEqualTo(Outcome.SUCCEEDED);
    }

    /** sidecar-child-oom on a cgroup v1 node: the kernel took the child alone; the sidecar served on and ended 0. */
    private static Obs childHogThenDoneFile(String childEnded) {
        return new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.2, "main", EventKind.STEP, "Working")
                .at(5.4, "main", EventKind.STEP, "Busy back-to-back uses for up to 30s")
                .at(5.5, "sidecar", EventKind.STEP, "Allocating 256MiB in a child process")
                .at(5.9, "sidecar", EventKind.STEP, childEnded)
                .at(35.5, "main", EventKind.STEP, "Unbroken 280 calls in 30s")
                .at(35.6, "main", EventKind.EXITING, "0")
                .at(35.8, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(36.1, "sidecar", EventKind.EXITING, "0 done file seen")
                .at(36.3, "sidecar", EventKind.TERMINATED, "exit=0 reason=OOMKilled")
                .at(36.6, "pod", EventKind.PHASE, "Succeeded")
                .at(37.0, "job", EventKind.JOB, "Complete")
                .exit("main", 0, "Completed").exit("sidecar", 0, "OOMKilled")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 37.1);
    }

    @Test
    void aChildHogKilledWhileItsContainerLivedOnIsTheFaultActing() {
        Decision d = childHogThenDoneFile("ChildEnded 137 the allocating child (pid 40) ended with 137; this script"
                + " (pid 1) and its service run on").decide();

        assertThat(d.outcome()).as("the child's 137 is the kill; the sidecar's own exit 0 later is not the hog's end")
                .isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aChildHogThatEndedWithExit0IsNoVerdict() {
        Decision d = childHogThenDoneFile("ChildEnded 0 the allocating child (pid 40) ended with 0; this script (pid 1)"
                + " and its service run on").decide();

        assertThat(d.outcome()).as("no OOM kill: the fault did not act").isEqualTo(Outcome.ERROR);
        assertThat(d.reason()).contains("memory hog in sidecar", "Allocating 256MiB in a child process", "its own exit 0",
                "the fault did not act");
    }

    @Test
    void aChildHogWhoseContainerDiedWithItIsTheFaultActing() {
        // sidecar-child-oom on a cgroup v2 node (memory.oom.group=1): no ChildEnded line, the whole container ended 137.
        Obs o = new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.2, "main", EventKind.STEP, "Working")
                .at(5.5, "sidecar", EventKind.STEP, "Allocating 256MiB in a child process")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled")
                .at(6.2, "main", EventKind.EXITING, "4 second use of the sidecar failed for 30s")
                .at(6.5, "main", EventKind.TERMINATED, "exit=4 reason=Error")
                .at(6.8, "pod", EventKind.PHASE, "Failed")
                .at(7.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 4, "Error").exit("sidecar", 137, "OOMKilled")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 7.1);

        assertThat(o.decide().outcome()).as("the container's own end is the hog's").isEqualTo(Outcome.FAILED);
    }

    @Test
    void aDeadlineThatPassedBeforeAnyEndRuleHeldIsATimeoutNotStuck() {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.1, "main", EventKind.RUNNING, "startedAt=2026-11-22T06:00:02Z")
                .ending(Ending.Kind.DEADLINE, "the scenario's deadline of 300s passed", 300.0);
        Decision d = o.decide();

        assertThat(d.outcome()).as("outcome; reason %s", d.reason()).isEqualTo(Outcome.TIMEOUT);
        assertOneLineQuoting(d, "the scenario's deadline of 300s passed", "main running");
        assertThat(d.outcome().isPatternOutcome()).as("a timeout says something of the pattern").isTrue();
    }

    @Test
    void aDeadlineDoesNotHideWhatEarlierRulesDecide() {
        Obs dropped = new Obs().at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .ending(Ending.Kind.DEADLINE, "the scenario's deadline of 300s passed", 300.0);
        dropped.dropped = List.of("pod.initContainers[sidecar].restartPolicy");
        Decision nothingStarted = new Obs().at(1.0, "sidecar", EventKind.STATUS, "waiting=ContainerCreating")
                .ending(Ending.Kind.DEADLINE, "the scenario's deadline of 300s passed", 300.0).decide();

        assertThat(dropped.decide().outcome()).as("a dropped field first").isEqualTo(Outcome.DROPPED);
        assertThat(nothingStarted.outcome()).as("no container ever started: ERROR first").isEqualTo(Outcome.ERROR);
    }

    @Test
    void anInfrastructureEndingIsAnErrorWithItsProblemAndNoFindings() {
        Obs o = Obs.clean().ending(Ending.Kind.INFRA_ERROR, "observation incomplete: the pod watch stopped", 7.6);
        Decision d = o.decide();

        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.reason()).isEqualTo("observation incomplete: the pod watch stopped");
        assertThat(d.findings()).as("no findings on an ERROR").isEmpty();
    }

    @Test
    void aRunThatNeverReachedTheClusterIsDecidedAnErrorFromItsProblem() {
        Observation o = Observation.unobserved("could not create the scenario's namespace: Forbidden", false, Obs.T0);
        Decision d = VerdictRules.decide(o);

        assertThat(d.outcome()).isEqualTo(Outcome.ERROR);
        assertThat(d.reason()).isEqualTo("could not create the scenario's namespace: Forbidden");
        assertThat(o.record().ending()).as("the problem is stored as the ending").isEqualTo("INFRA_ERROR");
        assertThat(VerdictRules.decide(Observation.of(o.record(), Timeline.empty())).outcome())
                .as("decided again from what is stored").isEqualTo(Outcome.ERROR);
    }
}
