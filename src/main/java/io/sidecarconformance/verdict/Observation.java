package io.sidecarconformance.verdict;

import io.sidecarconformance.result.ObservationRecord;
import io.sidecarconformance.timeline.Timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an outcome may be decided from: one timeline snapshot and the API's answers. Nothing about the pattern.
 *
 * @param timeline              the snapshot the rules decide on (and results.json stores)
 * @param ending                why observation stopped
 * @param rejection             the API's refusal message, or null if the spec was accepted
 * @param acceptedWithoutFault  after a refusal: the same spec without the fault's fields was accepted (dry run)
 * @param droppedFields         fields we sent that the API did not keep
 * @param faultTargetsMain      the fault aims at main (OOM, SIGKILL, deletion), so a failed Job is expected of it
 * @param createdAt             when the Job was submitted (runner clock)
 * @param endedAt               when observation stopped (runner clock)
 * @param deleteRequestedAt     when the suite deleted the pod, or null
 * @param gracePeriodSeconds    the grace period of that deletion, or null
 * @param restarts              last restart count per container (the kubelet's, as the timeline's status events carry it)
 * @param exitCodes             last exit code per container (idem)
 * @param reasons               last termination reason per container (idem)
 */
public record Observation(
        Timeline timeline,
        Ending ending,
        String rejection,
        boolean acceptedWithoutFault,
        List<String> droppedFields,
        boolean faultTargetsMain,
        Instant createdAt,
        Instant endedAt,
        Instant deleteRequestedAt,
        Long gracePeriodSeconds,
        Map<String, Integer> restarts,
        Map<String, Integer> exitCodes,
        Map<String, String> reasons) {

    public Observation {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(ending, "ending");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        droppedFields = droppedFields == null ? List.of() : List.copyOf(droppedFields);
        restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
        exitCodes = exitCodes == null ? Map.of() : Map.copyOf(exitCodes);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }

    /**
     * What a run observed: the containers' last restart counts, exit codes and reasons read from the snapshot's status
     * events, so that the stored snapshot carries everything the rules decide from.
     */
    public static Observation observed(Timeline snapshot, Ending ending, String rejection, boolean acceptedWithoutFault,
                                       List<String> droppedFields, boolean faultTargetsMain, Instant createdAt,
                                       Instant endedAt, Instant deleteRequestedAt, Long gracePeriodSeconds) {
        LastStatuses last = LastStatuses.of(snapshot);
        return new Observation(snapshot, ending, rejection, acceptedWithoutFault, droppedFields, faultTargetsMain, createdAt,
                endedAt, deleteRequestedAt, gracePeriodSeconds, last.restarts(), last.exitCodes(), last.reasons());
    }

    /**
     * A run that never reached the cluster (it was unavailable, or the scenario's namespace could not be made): nothing
     * observed, the problem is why observation ended.
     */
    public static Observation unobserved(String problem, boolean faultTargetsMain, Instant at) {
        return observed(Timeline.empty(), new Ending(Ending.Kind.INFRA_ERROR, problem, at), null, false, List.of(),
                faultTargetsMain, at, at, null, null);
    }

    /** What besides the timeline this observation holds, for results.json. */
    public ObservationRecord record() {
        return new ObservationRecord(ending.kind().name(), ending.reason(), ending.decidedAt(), rejection,
                acceptedWithoutFault, droppedFields, faultTargetsMain, createdAt, endedAt, deleteRequestedAt,
                gracePeriodSeconds, restarts, exitCodes, reasons);
    }

    /** The observation a stored record and its timeline describe: the inverse of {@link #record()}. */
    public static Observation of(ObservationRecord r, Timeline timeline) {
        return new Observation(timeline, new Ending(Ending.Kind.valueOf(r.ending()), r.endingReason(), r.endingDecidedAt()),
                r.rejection(), r.acceptedWithoutFault(), r.droppedFields(), r.faultTargetsMain(), r.createdAt(),
                r.endedAt(), r.deleteRequestedAt(), r.gracePeriodSeconds(), r.restarts(), r.exitCodes(), r.reasons());
    }
}
