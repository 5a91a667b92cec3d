package io.sidecarconformance.verdict;

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
 * @param restarts              last restart count per container (API)
 * @param exitCodes             last exit code per container (API)
 * @param reasons               last termination reason per container (API)
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
}
