package io.sidecarconformance.result;

import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record of results.json: a grid cell with the evidence that decided it.
 *
 * @param key       which cell
 * @param outcome   what the Job ended as
 * @param reason    one line, in words: what happened (quotes the deciding observation)
 * @param findings  what was observed on the way, each with its figures
 * @param figures   measured figures
 * @param timeline  the snapshot of the timeline the rules decided on, time-sorted
 * @param startedAt when the scenario began
 * @param note      optional human note attached afterwards (e.g. the Kubernetes change behind an outcome)
 * @param repeat    which run of the cell this is, from 1 (-Drepeat=N runs each cell N times; a file written before
 *                  repeats existed reads as 1)
 * @param applied   the objects the scenario sent to the API server, in order, as sent
 * @param runnerLoad the runner machine's 1-minute load average when the scenario started, or null if unknown
 * @param observation what besides the timeline the cell was decided from (null for a merge's missing cell, or a record
 *                  written before these were stored)
 */
public record ScenarioResult(
        ScenarioKey key,
        Outcome outcome,
        String reason,
        List<Finding> findings,
        Figures figures,
        List<TimelineEvent> timeline,
        Instant startedAt,
        String note,
        int repeat,
        List<AppliedObject> applied,
        Double runnerLoad,
        ObservationRecord observation) {

    public ScenarioResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        findings = findings == null ? List.of() : List.copyOf(findings);
        figures = figures == null ? Figures.none() : figures;
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
        note = note == null ? "" : note;
        repeat = Math.max(1, repeat);
        applied = applied == null ? List.of() : List.copyOf(applied);
    }

    /** A result without the observation it was decided from. */
    public ScenarioResult(ScenarioKey key, Outcome outcome, String reason, List<Finding> findings, Figures figures,
                          List<TimelineEvent> timeline, Instant startedAt, String note, int repeat,
                          List<AppliedObject> applied, Double runnerLoad) {
        this(key, outcome, reason, findings, figures, timeline, startedAt, note, repeat, applied, runnerLoad, null);
    }

    /** A first (or only) run without recorded objects or load: for results built by hand. */
    public ScenarioResult(ScenarioKey key, Outcome outcome, String reason, List<Finding> findings, Figures figures,
                          List<TimelineEvent> timeline, Instant startedAt, String note) {
        this(key, outcome, reason, findings, figures, timeline, startedAt, note, 1, List.of(), null);
    }

    /**
     * An ERROR for a cell that no run produced (a merge's column whose run is missing): nothing was observed, so there is
     * nothing for the rules to decide on. A run's result, ERROR included, is built by the scenario's verdict step alone.
     */
    public static ScenarioResult error(ScenarioKey key, String message, Instant startedAt) {
        return new ScenarioResult(key, Outcome.ERROR, message, List.of(), Figures.none(), List.of(), startedAt, "");
    }

    public boolean has(FindingKind kind) {
        return findings.stream().anyMatch(f -> f.kind() == kind);
    }

    public ScenarioResult withNote(String newNote) {
        return new ScenarioResult(key, outcome, reason, findings, figures, timeline, startedAt, newNote, repeat, applied,
                runnerLoad, observation);
    }

    /** The same result as run number {@code n} of its cell, with what it applied and the runner's load. */
    public ScenarioResult asRun(int n, List<AppliedObject> objects, Double load) {
        return new ScenarioResult(key, outcome, reason, findings, figures, timeline, startedAt, note, n, objects, load,
                observation);
    }
}
