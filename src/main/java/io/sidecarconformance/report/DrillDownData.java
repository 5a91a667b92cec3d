package io.sidecarconformance.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
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
 * <p>The page does not carry it: a merged page of 16 versions run 3 times has some 8,800 records, 2.7 MB even packed,
 * more than the rest of the page, and most readers open a few cells. Each column's records are a script file beside
 * the page ({@link #files}: {@code drill/<column>.js}, as the repro/ files are), which the page's script loads when a
 * cell of that column is first opened. In a file the records are laid out to pack small ({@link Packed}): gzip finds
 * far more to share when the same cell's runs sit side by side and when the events' times (numbers that rarely
 * repeat) are kept apart from their texts (which repeat from run to run). The script puts each record back at its
 * results index.
 */
final class DrillDownData {

    /**
     * A cell's record; {@code outcomeLabel} and {@code outcomeClass} are what its grid cell shows (the outcome in its
     * {@link OutcomeForm}), so the drill-down names and colours it the same way; {@code expected} is its
     * {@link Expectation} in words ("✓ expected under sigterm"), or "" when it makes no claim.
     */
    record Cell(String title, ScenarioKey key, int repeat, Outcome outcome, String outcomeLabel, String outcomeClass,
                String expected, String reason, List<Finding> findings, String note, Instant startedAt, Double runnerLoad, Figures figures,
                Instant firstEvent, @JsonIgnore List<Event> timeline, List<Applied> applied, Repro repro) {

        Cell withApplied(List<Applied> objects) {
            return new Cell(title, key, repeat, outcome, outcomeLabel, outcomeClass, expected, reason, findings, note,
                    startedAt, runnerLoad, figures, firstEvent, timeline, objects, repro);
        }
    }

    /** The whole of the page's data: every distinct manifest text, and one cell per record. */
    record Data(List<String> manifests, List<Cell> cells) {
    }

    /**
     * The data as a column's file carries it: its records in {@link #PACKING_ORDER} ({@code order[k]} is the results
     * index of {@code cells[k]}), each written without its timeline, their objects' texts in {@code manifests}, whose events are in {@code offsets[k]} (milliseconds, each
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

    /**
     * A column's drill-down file: {@code path} relative to the page, {@code script} its text, which puts the column's
     * packed records (gzip, base64) at {@code window.scDrill[cluster]}.
     */
    record ColumnFile(String cluster, String path, String script) {
    }

    /** Where the columns' files sit, beside the page. */
    static final String FOLDER = "drill";

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

    /**
     * Every record of the run as the drill-down shows it, the objects' texts numbered once.
     *
     * @param repros each record's reproduction, as {@link Reproduction#of} gives them for {@code run}'s records
     */
    static Data of(SuiteResults run, List<Optional<Reproduction>> repros) {
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

    /** Each column's file, relative to the page, by column, in the order of the columns' first records. */
    static Map<String, String> paths(SuiteResults run) {
        Map<String, String> paths = new LinkedHashMap<>();
        ClusterNames.fileStems(run.results().stream().map(r -> r.key().cluster()).distinct().toList())
                .forEach((cluster, stem) -> paths.put(cluster, FOLDER + "/" + stem + ".js"));
        return paths;
    }

    /** Each column's records in its own file ({@link #paths}), from the records' reproductions ({@link #of}). */
    static List<ColumnFile> files(SuiteResults run, List<Optional<Reproduction>> repros) {
        Data all = of(run, repros);
        Map<String, List<Integer>> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < all.cells().size(); i++) {
            byColumn.computeIfAbsent(all.cells().get(i).key().cluster(), c -> new ArrayList<>()).add(i);
        }
        Map<String, String> paths = paths(run);
        List<ColumnFile> files = new ArrayList<>();
        byColumn.forEach((cluster, indices) -> files.add(new ColumnFile(cluster, paths.get(cluster),
                "(window.scDrill = window.scDrill || {})[" + quoted(cluster) + "] = \""
                        + PackedText.gzipBase64(json(column(all, indices))) + "\";\n")));
        return files;
    }

    /** The records at {@code indices}, their objects' texts numbered anew among themselves. */
    static Packed column(Data all, List<Integer> indices) {
        Map<Integer, Integer> local = new LinkedHashMap<>();
        Map<Integer, Cell> cells = new LinkedHashMap<>();
        for (int i : indices) {
            Cell cell = all.cells().get(i);
            cells.put(i, cell.withApplied(cell.applied().stream()
                    .map(a -> new Applied(a.kind(), a.name(), local.computeIfAbsent(a.manifest(), m -> local.size())))
                    .toList()));
        }
        return packed(local.keySet().stream().map(all.manifests()::get).toList(), cells);
    }

    /** The data laid out as the page's script reads it. */
    static Packed packed(Data data) {
        Map<Integer, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < data.cells().size(); i++) {
            cells.put(i, data.cells().get(i));
        }
        return packed(data.manifests(), cells);
    }

    /** {@code byIndex}: records by their results index. */
    private static Packed packed(List<String> manifests, Map<Integer, Cell> byIndex) {
        List<Integer> order = new ArrayList<>(byIndex.keySet());
        order.sort(Comparator.comparing(byIndex::get, PACKING_ORDER));
        List<Cell> cells = new ArrayList<>();
        List<List<Long>> offsets = new ArrayList<>();
        List<List<List<Object>>> events = new ArrayList<>();
        for (int i : order) {
            Cell cell = byIndex.get(i);
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
        return new Packed(manifests, order, cells, offsets, events);
    }

    /** Packed data as JSON, on one line. */
    static String json(Packed packed) {
        return Html.compactJson(packed, "drill-down data");
    }

    private static String quoted(String text) {
        try {
            return Html.jsonInScript(ResultsJson.mapper().writeValueAsString(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot quote " + text, e);
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
                OutcomeLook.label(form), OutcomeLook.cssClass(form), expected, result.reason(), result.findings(), result.note(), millis(result.startedAt()),
                result.runnerLoad(), result.figures(), millis(first), events, applied, repro);
    }

    /** To the millisecond, as the page shows times: the nanoseconds of some 8,800 records' two times do not pack. */
    private static Instant millis(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MILLIS);
    }

    private static double offsetSeconds(Instant first, Instant time) {
        return Math.round(Duration.between(first, time).toNanos() / 1_000_000.0) / 1000.0;
    }
}
