package io.sidecarconformance.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>On the page ({@link #json}) the same data is laid out to pack small ({@link Packed}): a merged page of 16
 * versions run 3 times carries some 8,800 records, and gzip finds far more to share when the same cell's runs on
 * every version sit side by side and when the events' times (numbers that rarely repeat) are kept apart from their
 * texts (which repeat from run to run). The page's script puts each record back at its results index.
 */
final class DrillDownData {

    /**
     * A cell's record; {@code outcomeLabel} and {@code outcomeClass} are what its grid cell shows (the outcome in its
     * {@link OutcomeForm}), so the drill-down names and colours it the same way; {@code expected} is its
     * {@link Expectation} in words ("✓ expected under sigterm"), or "" when it makes no claim; {@code hover}: the grid
     * cell's whole title when this record is the run a cell of several runs shows ({@link GridTable#markupTitle}), else
     * null.
     */
    record Cell(String title, ScenarioKey key, int repeat, Outcome outcome, String outcomeLabel, String outcomeClass,
                String expected, String reason, List<Finding> findings, String note, Instant startedAt, Double runnerLoad, Figures figures,
                Instant firstEvent, @JsonIgnore List<Event> timeline, List<Applied> applied, Repro repro, String hover) {
    }

    /** The whole of the page's data: every distinct manifest text, and one cell per record. */
    record Data(List<String> manifests, List<Cell> cells) {
    }

    /**
     * The data as the page carries it: the records in {@link #PACKING_ORDER} ({@code order[k]} is the results index of
     * {@code cells[k]}), each written without its timeline, whose events are in {@code offsets[k]} (milliseconds, each
     * from the event before it, the first from the record's first event) and {@code events[k]} ([container, kind,
     * detail, source] each).
     */
    @JsonPropertyOrder({"manifests", "order", "cells", "offsets", "events"})
    record Packed(List<String> manifests, List<Integer> order, List<Cell> cells, List<List<Long>> offsets,
                  List<List<List<Object>>> events) {
    }

    /** The same cell's runs on every version together, then repeats in results order (the sort is stable). */
    static final Comparator<Cell> PACKING_ORDER = Comparator.<Cell, String>comparing(c -> c.key().pattern())
            .thenComparing(c -> c.key().sidecar()).thenComparing(c -> c.key().variant())
            .thenComparing(c -> c.key().fault()).thenComparing(c -> c.key().cluster());

    /** An object a run applied; its text is {@code manifests[manifest]}. */
    record Applied(String kind, String name, int manifest) {
    }

    /** How to run the record again: the command, the images it needs, its steps; null when nothing was recorded. */
    record Repro(String command, List<String> images, List<String> steps, List<String> files, List<String> privileged) {
    }

    /** One timeline event, its offset in seconds from the record's first event (on the page: {@link Packed}). */
    record Event(double offset, String container, EventKind kind, String detail, EventSource source) {
    }

    private DrillDownData() {
    }

    static Data of(SuiteResults run) {
        List<Optional<Reproduction>> repros = Reproduction.of(run.results());
        Map<String, Integer> manifests = new LinkedHashMap<>();
        List<Cell> cells = new ArrayList<>();
        Map<Integer, String> hovers = GridTable.hovers(run);
        for (int i = 0; i < repros.size(); i++) {
            ScenarioResult result = run.results().get(i);
            List<Applied> applied = new ArrayList<>();
            for (AppliedObject o : result.applied()) {
                int index = manifests.computeIfAbsent(o.manifest(), text -> manifests.size());
                applied.add(new Applied(o.kind(), o.name(), index));
            }
            cells.add(cell(result, applied, repros.get(i), run.catalog(), hovers.get(i)));
        }
        return new Data(List.copyOf(manifests.keySet()), cells);
    }

    /** The data laid out as the page carries it. */
    static Packed packed(Data data) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.cells().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(data.cells()::get, PACKING_ORDER));
        List<Cell> cells = new ArrayList<>();
        List<List<Long>> offsets = new ArrayList<>();
        List<List<List<Object>>> events = new ArrayList<>();
        for (int i : order) {
            Cell cell = data.cells().get(i);
            cells.add(cell);
            List<Long> times = new ArrayList<>();
            List<List<Object>> texts = new ArrayList<>();
            long previous = 0;
            for (Event e : cell.timeline()) {
                long millis = Math.round(e.offset() * 1000);
                times.add(millis - previous);
                previous = millis;
                texts.add(Arrays.asList(e.container(), e.kind(), e.detail(), e.source()));
            }
            offsets.add(times);
            events.add(texts);
        }
        return new Packed(data.manifests(), order, cells, offsets, events);
    }

    /** The data as JSON, laid out as the page carries it ({@link Packed}), safe to place inside a script element. */
    static String json(SuiteResults run) {
        try {
            return Html.jsonInScript(ResultsJson.mapper().writer()
                    .without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(packed(of(run))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise drill-down data of run " + run.runId(), e);
        }
    }

    private static Cell cell(ScenarioResult result, List<Applied> applied, Optional<Reproduction> reproduction, Catalog catalog,
                             String hover) {
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
                OutcomeLook.label(form), OutcomeLook.cssClass(form), expected, result.reason(), result.findings(), result.note(), millis(result.startedAt()),
                result.runnerLoad(), result.figures(), millis(first), events, applied, repro, hover);
    }

    /** To the millisecond, as the page shows times: the nanoseconds of some 8,800 records' two times do not pack. */
    private static Instant millis(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    private static double offsetSeconds(Instant first, Instant time) {
        return Math.round(Duration.between(first, time).toNanos() / 1_000_000.0) / 1000.0;
    }
}
