package io.sidecarconformance.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the page's script needs to draw a cell's drill-down: the record as results.json holds it, with each timeline
 * event's offset in seconds from the first, so the script does no date arithmetic. One entry per record, in
 * results order: a cell's {@code data-i} indexes {@link Data#cells()}. Like results.json, the data holds each distinct
 * manifest text once: repeats and cells apply the same ConfigMap and Job again and again.
 */
final class DrillDownData {

    /**
     * A cell's record; {@code outcomeLabel} and {@code outcomeClass} are what its grid cell shows (the outcome in its
     * {@link OutcomeForm}), so the drill-down names and colours it the same way; {@code expected} is its
     * {@link Expectation} in words ("✓ expected under sigterm"), or "" when it makes no claim.
     */
    record Cell(String title, ScenarioKey key, int repeat, Outcome outcome, String outcomeLabel, String outcomeClass,
                String expected, String reason, List<Finding> findings, String note, Instant startedAt, Double runnerLoad, Figures figures,
                Instant firstEvent, List<Event> timeline, List<Applied> applied, Repro repro) {
    }

    /** The whole of the page's data: every distinct manifest text, and one cell per record. */
    record Data(List<String> manifests, List<Cell> cells) {
    }

    /** An object a run applied; its text is {@code manifests[manifest]}. */
    record Applied(String kind, String name, int manifest) {
    }

    /** How to run the record again: the command, the images it needs, its steps; null when nothing was recorded. */
    record Repro(String command, List<String> images, List<String> steps, List<String> files, List<String> privileged) {
    }

    /**
     * One timeline event as a JSON array, {@code [offset, container, kind, detail, source]}: events are four fifths of
     * the page's data, and field names and absolute times (the cell's {@code firstEvent} plus the offset) doubled it.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"offset", "container", "kind", "detail", "source"})
    record Event(double offset, String container, EventKind kind, String detail, EventSource source) {
    }

    private DrillDownData() {
    }

    static Data of(SuiteResults run) {
        List<Optional<Reproduction>> repros = Reproduction.of(run.results());
        Map<String, Integer> manifests = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < repros.size(); i++) {
            ScenarioResult result = run.results().get(i);
            List<Applied> applied = new ArrayList<>();
            for (AppliedObject o : result.applied()) {
                int index = manifests.computeIfAbsent(o.manifest(), text -> manifests.size());
                applied.add(new Applied(o.kind(), o.name(), index));
            }
            cells.add(cell(result, applied, repros.get(i), run.catalog()));
        }
        return new Data(List.copyOf(manifests.keySet()), cells);
    }

    /** The data as JSON, safe to place inside a script element. */
    static String json(SuiteResults run) {
        try {
            return Html.jsonInScript(ResultsJson.mapper().writer()
                    .without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(of(run)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise drill-down data of run " + run.runId(), e);
        }
    }

    private static Cell cell(ScenarioResult result, List<Applied> applied, Optional<Reproduction> reproduction, Catalog catalog) {
        Instant first = result.timeline().stream().map(TimelineEvent::time).min(Comparator.naturalOrder()).orElse(null);
        List<Event> events = result.timeline().stream()
                .map(e -> new Event(offsetSeconds(first, e.time()), e.container(), e.kind(), e.detail(), e.source()))
                .sorted(Comparator.comparingDouble(Event::offset))
                .toList();
        Repro repro = reproduction
                .map(r -> new Repro(r.command(), r.images(), r.steps(), List.copyOf(r.files().keySet()), r.privileged()))
                .orElse(null);
        OutcomeForm form = OutcomeForm.of(result);
        String expected = Expectation.of(form, result.key().fault(), catalog).inWords(result.key().fault());
        return new Cell(result.key().toString(), result.key(), result.repeat(), result.outcome(),
                OutcomeLook.label(form), OutcomeLook.cssClass(form), expected, result.reason(), result.findings(), result.note(), result.startedAt(),
                result.runnerLoad(), result.figures(), first, events, applied, repro);
    }

    private static double offsetSeconds(Instant first, Instant time) {
        return Math.round(Duration.between(first, time).toNanos() / 1_000_000.0) / 1000.0;
    }
}
