package io.sidecarconformance.report;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.RunResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the page's script needs to draw a cell's drill-down: the record as results.json holds it, with each timeline
 * event's offset in seconds from the first, so the script does no date arithmetic. One entry per record, in
 * results order: a cell's {@code data-i} indexes this array.
 */
final class DrillDownData {

    /** A cell's record; {@code outcomeLabel} is what its grid cell shows, so the drill-down names it the same way. */
    record Cell(String title, ScenarioKey key, int repeat, Outcome outcome, String outcomeLabel, String reason,
                List<Finding> findings, String note, Instant startedAt, Double runnerLoad, Figures figures,
                Instant firstEvent, List<Event> timeline, List<AppliedObject> applied, Repro repro) {
    }

    /** How to run the record again: the command, the images it needs, its steps; null when nothing was recorded. */
    record Repro(String command, List<String> images, List<String> steps, List<String> files) {
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

    static List<Cell> cells(RunResults run) {
        List<Optional<Reproduction>> repros = Reproduction.of(run.results());
        return IntStream.range(0, repros.size()).mapToObj(i -> cell(run.results().get(i), repros.get(i))).toList();
    }

    /** The array as JSON, safe to place inside a script element. */
    static String json(RunResults run) {
        try {
            return Html.jsonInScript(ResultsJson.mapper().writer()
                    .without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(cells(run)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise drill-down data of run " + run.runId(), e);
        }
    }

    private static Cell cell(ScenarioResult result, Optional<Reproduction> reproduction) {
        Instant first = result.timeline().stream().map(TimelineEvent::time).min(Comparator.naturalOrder()).orElse(null);
        List<Event> events = result.timeline().stream()
                .map(e -> new Event(offsetSeconds(first, e.time()), e.container(), e.kind(), e.detail(), e.source()))
                .sorted(Comparator.comparingDouble(Event::offset))
                .toList();
        Repro repro = reproduction
                .map(r -> new Repro(r.command(), r.images(), r.steps(), List.copyOf(r.files().keySet()))).orElse(null);
        return new Cell(result.key().toString(), result.key(), result.repeat(), result.outcome(),
                OutcomeLook.label(result.outcome()), result.reason(), result.findings(), result.note(), result.startedAt(),
                result.runnerLoad(), result.figures(), first, events, result.applied(), repro);
    }

    private static double offsetSeconds(Instant first, Instant time) {
        return Math.round(Duration.between(first, time).toNanos() / 1_000_000.0) / 1000.0;
    }
}
