package io.sidecarconformance.report;

import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.RunResults;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.ResultsFileException;

import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsJsonTest {

    private static final Instant T0 = Instant.parse("2025-06-01T02:17:00.123456789Z");

    private static RunResults sample() {
        ScenarioKey stuckKey = new ScenarioKey("kind:1.31", "classic", "dind", "shell", "none");
        List<TimelineEvent> timeline = List.of(
                TimelineEvent.of(T0, "suite", EventKind.ACTION, "created Job", EventSource.SUITE),
                TimelineEvent.of(T0.plusMillis(300), "pod", EventKind.PHASE, "Pending", EventSource.STATUS),
                TimelineEvent.of(T0.plusMillis(900), "pod", EventKind.EVENT, "Scheduled: <node-1> \"quoted\"", EventSource.EVENT),
                TimelineEvent.of(T0.plusSeconds(2), "dind", EventKind.STARTING, "", EventSource.LOG),
                TimelineEvent.of(T0.plusSeconds(6), "dind", EventKind.READY, "docker info ok", EventSource.LOG),
                TimelineEvent.of(T0.plusSeconds(7), "main", EventKind.RUNNING, "", EventSource.STATUS),
                TimelineEvent.of(T0.plusSeconds(8), "main", EventKind.STATUS, "ready=true", EventSource.STATUS),
                TimelineEvent.of(T0.plusSeconds(15), "main", EventKind.EXITING, "0", EventSource.LOG),
                TimelineEvent.of(T0.plusSeconds(16), "main", EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS),
                TimelineEvent.of(T0.plusSeconds(17), "job", EventKind.JOB, "Complete", EventSource.JOB),
                TimelineEvent.of(T0.plusSeconds(90), "pod", EventKind.DELETED, "", EventSource.STATUS));
        Figures someNull = new Figures(null, 60.5, null, 30L, null, "Running", null,
                Map.of("main", 0, "dind", 2), Map.of("main", 0), Map.of("main", "Completed"));
        ScenarioResult stuck = new ScenarioResult(stuckKey, Verdict.STUCK, Verdict.COMPLETED,
                "dind still running 60 s after main", someNull, timeline, T0, "KEP-753 note");
        ScenarioResult error = ScenarioResult.error(
                new ScenarioKey("k3s:1.28", "classic", "dind", "shell", "none"), "cluster did not start", null);
        ScenarioResult allNone = new ScenarioResult(
                new ScenarioKey("k3s:1.28", "pidfile", "light", "exec", "sigterm"), Verdict.SLOW_TERMINATION,
                null, null, null, null, T0, null);
        return new RunResults(RunResults.SCHEMA, "run-1", T0, T0.plusSeconds(3600),
                List.of(new ClusterInfo("kind:1.31", "kind", "1.31", "v1.31.4"),
                        new ClusterInfo("k3s:1.28", "k3s", "1.28", null)),
                Map.of("wallSeconds", "3600", "leftoverNamespaces", "0", "b-middle", "x"),
                List.of(stuck, error, allNone));
    }

    @Test
    void roundTripKeepsEveryFieldIncludingTimelineAndNullFigures() throws Exception {
        RunResults run = sample();

        RunResults back = ResultsJson.fromJson(ResultsJson.toJson(run), "sample");

        assertThat(back).as("the whole run after write and read").isEqualTo(run);
        assertThat(back.results().get(0).timeline()).as("timeline events").hasSize(11)
                .extracting(TimelineEvent::kind).contains(EventKind.EVENT, EventKind.DELETED, EventKind.READY);
        assertThat(back.results().get(0).figures().completionSeconds()).as("a figure never observed").isNull();
        assertThat(back.results().get(0).startedAt()).as("nanosecond instant").isEqualTo(T0);
        assertThat(back.results().get(1).startedAt()).as("null startedAt of an ERROR cell").isNull();
    }

    @Test
    void roundTripThroughAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results.json");

        ResultsJson.write(sample(), file);

        assertThat(ResultsJson.read(file)).as("read back from disk").isEqualTo(sample());
    }

    @Test
    void writesIsoInstantsEnumNamesNullsAndRecordFieldOrderPrettyPrinted() {
        String json = ResultsJson.toJson(sample());

        assertThat(json).as("instant as ISO-8601 text")
                .contains("\"startedAt\" : \"2025-06-01T02:17:00.123456789Z\"")
                .as("enum by name").contains("\"verdict\" : \"STUCK\"").contains("\"kind\" : \"TERMINATED\"")
                .as("unobserved figure kept as null, so every record has the same shape")
                .contains("\"completionSeconds\" : null")
                .as("pretty-printed").contains("\n  \"runId\" : \"run-1\"");
        assertThat(indexesOf(json, "\"schema\"", "\"runId\"", "\"startedAt\"", "\"finishedAt\"", "\"clusters\"",
                "\"measurements\"", "\"results\"")).as("top-level fields in record order").doesNotContain(-1).isSorted();
        assertThat(indexesOf(json, "\"b-middle\"", "\"leftoverNamespaces\"", "\"wallSeconds\""))
                .as("map entries sorted by key, so two runs diff cleanly").doesNotContain(-1).isSorted();
        assertThat(indexesOf(json, "\"cluster\"", "\"pattern\"", "\"sidecar\"", "\"variant\"", "\"fault\""))
                .as("key fields in record order").doesNotContain(-1).isSorted();
    }

    @Test
    void readingIgnoresUnknownFields() throws Exception {
        String json = ResultsJson.toJson(sample())
                .replaceFirst("\\{", "{ \"addedLater\" : {\"x\": [1, 2]},")
                .replace("\"verdict\" : \"STUCK\"", "\"verdict\" : \"STUCK\", \"confidence\" : 0.9");

        RunResults back = ResultsJson.fromJson(json, "newer.json");

        assertThat(back).as("same run despite fields this reader does not know").isEqualTo(sample());
    }

    @Test
    void rejectsWhatIsNotAResultsJsonWithAOneLineMessage() {
        assertThatThrownBy(() -> ResultsJson.fromJson("{ not json", "a.json"))
                .as("not JSON").isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith("a.json is not valid JSON").hasMessageContaining("line 1");
        assertThatThrownBy(() -> ResultsJson.fromJson("[{\"verdict\":\"STUCK\"}]", "cucumber.json"))
                .as("a JSON array").hasMessageContaining("cucumber.json is not a results.json");
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"name\":\"x\"}", "package.json"))
                .as("an object without schema").hasMessageContaining("package.json is not a results.json (no \"schema\"");
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":2,\"runId\":\"r\",\"results\":[]}", "future.json"))
                .as("a newer schema").hasMessageContaining("future.json has schema 2 but this reader knows schema 1");
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":1,\"runId\":\"r\",\"results\":[{\"verdict\":\"STUCK\"}]}", "r.json"))
                .as("a record without its key").hasMessageContaining("r.json is not a valid results.json")
                .hasMessageContaining("results[0]").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":1,\"runId\":\"r\",\"results\":[{\"verdict\":\"MAYBE\","
                + "\"key\":{\"cluster\":\"c\",\"pattern\":\"p\",\"sidecar\":\"s\",\"variant\":\"v\",\"fault\":\"f\"}}]}", "r.json"))
                .as("an unknown verdict").hasMessageContaining("results[0].verdict").hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope/results.json");

        assertThatThrownBy(() -> ResultsJson.read(missing)).as("missing file")
                .isInstanceOf(ResultsFileException.class).hasMessage(missing + " does not exist");
        assertThat(Files.exists(missing.getParent())).as("reading creates nothing").isFalse();
    }

    private static List<Integer> indexesOf(String text, String... needles) {
        return Arrays.stream(needles).map(text::indexOf).toList();
    }
}
