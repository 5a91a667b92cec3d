package io.sidecarconformance.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything besides the timeline that a cell's outcome, findings and figures were decided from, as stored in
 * results.json, so that a check can decide the cell again from what the file holds (verdict's RecomputeCheck). Null
 * in a record written before these were stored.
 *
 * @param ending              which end-of-observation rule held (verdict's Ending.Kind, by name)
 * @param endingReason        that rule in words
 * @param endingDecidedAt     when it held (runner clock)
 * @param rejection           the API's refusal message, or null
 * @param acceptedWithoutFault after a refusal: the same spec without the fault's fields was accepted (dry run)
 * @param droppedFields       fields we sent that the API did not keep
 * @param faultTargetsMain    the fault aims at main
 * @param createdAt           when the Job was submitted (runner clock)
 * @param endedAt             when observation stopped (runner clock)
 * @param deleteRequestedAt   when the suite deleted the pod, or null
 * @param gracePeriodSeconds  the grace period of that deletion, or null
 * @param restarts            last restart count per container (API)
 * @param exitCodes           last exit code per container (API)
 * @param reasons             last termination reason per container (API)
 */
public record ObservationRecord(
        String ending,
        String endingReason,
        Instant endingDecidedAt,
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

    public ObservationRecord {
        droppedFields = droppedFields == null ? List.of() : List.copyOf(droppedFields);
        restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
        exitCodes = exitCodes == null ? Map.of() : Map.copyOf(exitCodes);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }
}
