package io.sidecarconformance.verdict;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A fluent hand-made observation; times are seconds after the Job was created (T0). */
final class Obs {

    static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    final List<TimelineEvent> events = new ArrayList<>();
    String rejection;
    boolean acceptedWithoutFault;
    List<String> dropped = List.of();
    boolean faultTargetsMain;
    double endedAt = 60;
    Ending.Kind ending = Ending.Kind.POD_AND_JOB_ENDED;
    String endReason = "pod and Job ended";
    Double deleteAt;
    Long grace;
    final Map<String, Integer> exitCodes = new HashMap<>();
    final Map<String, String> reasons = new HashMap<>();
    final Map<String, Integer> restarts = new HashMap<>();

    static Instant time(double s) {
        return T0.plusMillis(Math.round(s * 1000));
    }

    Obs at(double s, String container, EventKind kind, String detail) {
        return seen(s, s, container, kind, detail);
    }

    /** An event that happened at {@code s} (its own clock) and that the runner saw at {@code observed}. */
    Obs seen(double s, double observed, String container, EventKind kind, String detail) {
        EventSource source = switch (kind) {
            case STARTING, READY, EXITING, STEP, OUTPUT -> EventSource.LOG;
            case JOB -> EventSource.JOB;
            case ACTION -> EventSource.SUITE;
            default -> EventSource.STATUS;
        };
        events.add(new TimelineEvent(time(s), container, kind, detail, source, time(observed)));
        return this;
    }

    Obs exit(String container, int code, String reason) {
        exitCodes.put(container, code);
        reasons.put(container, reason);
        return this;
    }

    Obs ending(Ending.Kind kind, String reason, double endedAtSeconds) {
        this.ending = kind;
        this.endReason = reason;
        this.endedAt = endedAtSeconds;
        return this;
    }

    Observation build() {
        return new Observation(Timeline.of(events), new Ending(ending, endReason, time(endedAt)), rejection, acceptedWithoutFault,
                dropped, faultTargetsMain, T0, time(endedAt), deleteAt == null ? null : time(deleteAt), grace, restarts,
                exitCodes, reasons);
    }

    Decision decide() {
        return VerdictRules.decide(build());
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
                .exit("main", 0, "Completed").exit("sidecar", 0, "Completed")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 7.6);
    }

    /** Main ended, the sidecar runs on, the pod stays Running past the stuck window. */
    static Obs sidecarKeepsPodAlive() {
        return new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(1.8, "pod", EventKind.PHASE, "Running")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(5.0, "main", EventKind.EXITING, "0")
                .at(5.4, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .exit("main", 0, "Completed")
                .ending(Ending.Kind.POD_NOT_ENDED, "the pod had not ended 30s after main ended", 35.4);
    }

    /** A native sidecar OOM-killed while main works, restarted; main's use at +6.2s hits the gap. */
    static Obs sidecarRestartedUnderMain() {
        return new Obs()
                .at(0.0, "suite", EventKind.ACTION, "create Job sc-job")
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.2, "main", EventKind.STEP, "Working")
                .at(5.5, "sidecar", EventKind.STEP, "Allocating 256MiB")
                .at(6.0, "sidecar", EventKind.TERMINATED, "exit=137 reason=OOMKilled")
                .at(6.3, "sidecar", EventKind.STARTING, "pid=1")
                .at(6.4, "sidecar", EventKind.STATUS, "restartCount=1")
                .at(7.4, "sidecar", EventKind.READY, "")
                .at(1.8, "pod", EventKind.PHASE, "Running");
    }
    /** The sidecar up, main working, the pod deleted at +3.0s with a 15 s grace period: a deletion aimed at the pod. */
    private static Obs deletedWhileMainWorks() {
        Obs o = new Obs()
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.1, "main", EventKind.STEP, "Working")
                .at(3.0, "suite", EventKind.ACTION, "delete pod sc-job-x with gracePeriodSeconds=15");
        o.deleteAt = 3.0;
        o.grace = 15L;
        o.faultTargetsMain = true;
        return o;
    }

    /**
     * sigterm-slow-main: the pod deleted at +3.0s, main drains 4 s using the sidecar every ~0.6 s. A sidecar that stays
     * up (a native one) answers every use and gets SIGTERM after main's end; one that goes at the deletion (a classic
     * one) answers the first use, then no more.
     */
    static Obs slowMainDrain(boolean sidecarStaysUp) {
        Obs o = deletedWhileMainWorks()
                .at(3.1, "main", EventKind.STEP, "Terminating on SIGTERM, exiting in 4s")
                .at(3.11, "main", EventKind.STEP, "Draining use 1")
                .at(3.3, "main", EventKind.STEP, "Draining use 1 ok")
                .at(3.8, "main", EventKind.STEP, "Draining use 2");
        if (sidecarStaysUp) {
            o.at(4.4, "main", EventKind.STEP, "Draining use 2 ok")
                    .at(4.9, "main", EventKind.STEP, "Draining use 3")
                    .at(6.5, "main", EventKind.STEP, "Draining use 3 ok")
                    .at(7.0, "main", EventKind.STEP, "Draining use 4")
                    .at(7.1, "main", EventKind.EXITING, "143 SIGTERM")
                    .at(7.3, "sidecar", EventKind.STEP, "Terminating on SIGTERM: stopping its service")
                    .at(7.4, "sidecar", EventKind.EXITING, "143 SIGTERM");
        } else {
            o.at(3.12, "sidecar", EventKind.STEP, "Terminating on SIGTERM: stopping its service")
                    .at(3.5, "sidecar", EventKind.EXITING, "143 SIGTERM")
                    .at(3.9, "main", EventKind.STEP, "Draining use 2 failed")
                    .at(4.4, "main", EventKind.STEP, "Draining use 3")
                    .at(4.5, "main", EventKind.STEP, "Draining use 3 failed")
                    .at(7.1, "main", EventKind.EXITING, "143 SIGTERM");
        }
        o.at(7.6, "main", EventKind.TERMINATED, "exit=143 reason=Error")
                .at(7.8, "pod", EventKind.DELETED, "gone")
                .at(8.0, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 143, "Error").exit("sidecar", 143, "Error")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 8.1);
        return o;
    }

    /** eviction-pdb: the API refused the eviction at +3.0s; the pod ran on and the Job completed. */
    /** The readinessProbe the +ready variants declare, as the timeline records it. */
    static final String READINESS_PROBE = "readinessProbe exec initialDelaySeconds=0 periodSeconds=1 timeoutSeconds=1"
            + " successThreshold=1 failureThreshold=1";

    /**
     * A +ready pod deleted while main works (sigterm-slow-main: main exits 4 s after its SIGTERM, the native sidecar then).
     * {@code probeRuns}: main's readiness probe ran after the deletion and failed, so main's Ready (and the pod's) went
     * false 1.1 s after it; otherwise the probe errored and both stayed true until main's end was reported.
     */
    static Obs readyThroughGrace(boolean probeRuns) {
        Obs o = new Obs()
                .at(0.4, "sidecar", EventKind.PROBE, READINESS_PROBE)
                .at(0.4, "main", EventKind.PROBE, READINESS_PROBE)
                .at(1.0, "sidecar", EventKind.STARTING, "pid=1")
                .at(1.5, "sidecar", EventKind.READY, "")
                .at(1.8, "sidecar", EventKind.STATUS, "ready=true")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .at(2.6, "main", EventKind.STATUS, "ready=true")
                .at(2.6, "pod", EventKind.STATUS, "ready=true")
                .at(2.7, "main", EventKind.STEP, "Probed the readiness probes of main and the sidecar have passed")
                .at(2.8, "main", EventKind.STEP, "Working")
                .at(3.0, "suite", EventKind.ACTION, "delete pod sc-job-x with gracePeriodSeconds=15")
                .at(3.1, "main", EventKind.STEP, "Terminating on SIGTERM, exiting in 4s");
        o.deleteAt = 3.0;
        o.grace = 15L;
        o.faultTargetsMain = true;
        if (probeRuns) {
            o.at(4.0, "main", EventKind.EVENT, "Unhealthy: Readiness probe failed: ")
                    .at(4.1, "main", EventKind.STATUS, "ready=false")
                    .at(4.1, "pod", EventKind.STATUS, "ready=false");
        } else {
            o.at(3.9, "main", EventKind.EVENT, "Unhealthy: Readiness probe errored and resulted in unknown state: rpc error:"
                    + " code = Canceled desc = context canceled");
        }
        o.at(7.1, "main", EventKind.EXITING, "143 SIGTERM")
                .at(7.5, "main", EventKind.TERMINATED, "exit=143 reason=Error finishedAt=2026-11-22T06:00:07Z");
        if (!probeRuns) {
            o.at(7.5, "main", EventKind.STATUS, "ready=false").at(7.5, "pod", EventKind.STATUS, "ready=false");
        }
        return o.at(7.6, "sidecar", EventKind.STEP, "Terminating on SIGTERM: stopping its service")
                .at(7.7, "sidecar", EventKind.EXITING, "143 SIGTERM")
                .at(8.0, "sidecar", EventKind.TERMINATED, "exit=143 reason=Error finishedAt=2026-11-22T06:00:07Z")
                .at(8.0, "sidecar", EventKind.STATUS, "ready=false")
                .at(8.3, "pod", EventKind.DELETED, "gone")
                .at(8.4, "job", EventKind.JOB, "Failed: BackoffLimitExceeded")
                .exit("main", 143, "Error").exit("sidecar", 143, "Error")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 8.5);
    }

    static Obs evictionRefused() {
        Obs o = clean();
        o.events.removeIf(e -> e.kind() != EventKind.ACTION && e.time().isAfter(time(2.1)));
        o.at(3.0, "suite", EventKind.ACTION, "evict pod sc-job-x with gracePeriodSeconds=15 (policy/v1 Eviction)")
                .at(3.1, "suite", EventKind.ACTION, "eviction refused by the API (429 Too Many Requests), the pod stays;"
                        + " PodDisruptionBudget sc-pdb then: disruptionsAllowed=0")
                .at(20.0, "main", EventKind.EXITING, "0")
                .at(20.4, "main", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(21.0, "sidecar", EventKind.EXITING, "0 done file seen")
                .at(21.4, "sidecar", EventKind.TERMINATED, "exit=0 reason=Completed")
                .at(22.0, "pod", EventKind.PHASE, "Succeeded")
                .at(22.5, "job", EventKind.JOB, "Complete")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 22.6);
        o.faultTargetsMain = true;
        return o;
    }

    /**
     * stop-signal: main's stop signal SIGUSR1, the pod deleted at +3.0s. An exec-form main gets it and says so; a
     * shell-form main's wrapping shell ignores it and main is killed at the end of the grace period. {@code reported}:
     * the kubelet's status names the stop signal (ContainerStopSignals on, a runtime that reports it).
     */
    static Obs stopSignal(boolean execForm, boolean reported) {
        Obs o = deletedWhileMainWorks()
                .at(3.05, "sidecar", EventKind.STEP, "Terminating on SIGTERM: stopping its service")
                .at(3.1, "sidecar", EventKind.EXITING, "143 SIGTERM");
        if (reported) {
            o.at(2.05, "main", EventKind.STATUS, "stopSignal=SIGUSR1").at(1.05, "sidecar", EventKind.STATUS, "stopSignal=SIGTERM");
        }
        if (execForm) {
            o.at(3.1, "main", EventKind.EXITING, "138 SIGUSR1").at(3.5, "main", EventKind.TERMINATED, "exit=138 reason=Error")
                    .at(4.0, "pod", EventKind.DELETED, "gone").exit("main", 138, "Error");
        } else {
            o.at(18.3, "main", EventKind.TERMINATED, "exit=137 reason=Error finishedAt=2026-11-22T06:00:18Z")
                    .at(19.0, "pod", EventKind.DELETED, "gone").exit("main", 137, "Error");
        }
        o.at(19.5, "job", EventKind.JOB, "Failed: BackoffLimitExceeded").exit("sidecar", 143, "Error")
                .ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended", 19.6);
        return o;
    }
}
