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
}
