package io.sidecarconformance.report;

import io.sidecarconformance.scenario.ScenarioKey;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.verdict.Verdict;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record of results.json: a grid cell with the evidence that decided it.
 *
 * @param key        which cell
 * @param verdict    the pod verdict
 * @param jobVerdict the Job verdict (COMPLETED when the Job reached Complete or Failed, else as the pod)
 * @param reason     one line: why this verdict (quotes the deciding observation)
 * @param figures    measured figures
 * @param timeline   the merged, time-sorted timeline
 * @param startedAt  when the scenario began
 * @param note       optional human note attached afterwards (e.g. the Kubernetes change behind a verdict)
 */
public record ScenarioResult(
        ScenarioKey key,
        Verdict verdict,
        Verdict jobVerdict,
        String reason,
        Figures figures,
        List<TimelineEvent> timeline,
        Instant startedAt,
        String note) {

    public ScenarioResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
        jobVerdict = jobVerdict == null ? verdict : jobVerdict;
        reason = reason == null ? "" : reason;
        figures = figures == null ? Figures.none() : figures;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        note = note == null ? "" : note;
    }

    /** An infrastructure failure for a cell: never a pattern verdict. */
    public static ScenarioResult error(ScenarioKey key, String message, Instant startedAt) {
        return new ScenarioResult(key, Verdict.ERROR, Verdict.ERROR, message, Figures.none(), List.of(), startedAt, "");
    }

    public ScenarioResult withNote(String newNote) {
        return new ScenarioResult(key, verdict, jobVerdict, reason, figures, timeline, startedAt, newNote);
    }
}
