package io.sidecarconformance.verdict;

import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a verdict may be decided from: the timeline and the API's answers. Nothing about the pattern.
 *
 * @param timeline           the merged timeline
 * @param rejection          the API's refusal message, or null if the spec was accepted
 * @param droppedFields      fields we sent that the API did not keep
 * @param faultTargetsMain   the fault aims at main, so main failing is expected of it
 * @param createdAt          when the Job was submitted
 * @param endedAt            when observation stopped
 * @param endReason          why observation stopped (pod terminal, pod gone, stuck window elapsed, deadline)
 * @param deleteRequestedAt  when the suite deleted the pod (sigterm), or null
 * @param gracePeriodSeconds the grace period of that deletion, or null
 * @param restarts           last restart count per container (API)
 * @param exitCodes          last exit code per container (API)
 * @param reasons            last termination reason per container (API)
 */
public record Observation(
        List<TimelineEvent> timeline,
        String rejection,
        List<String> droppedFields,
        boolean faultTargetsMain,
        Instant createdAt,
        Instant endedAt,
        String endReason,
        Instant deleteRequestedAt,
        Long gracePeriodSeconds,
        Map<String, Integer> restarts,
        Map<String, Integer> exitCodes,
        Map<String, String> reasons) {

    public Observation {
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        droppedFields = droppedFields == null ? List.of() : List.copyOf(droppedFields);
        restarts = restarts == null ? Map.of() : Map.copyOf(restarts);
        exitCodes = exitCodes == null ? Map.of() : Map.copyOf(exitCodes);
        reasons = reasons == null ? Map.of() : Map.copyOf(reasons);
    }
}
