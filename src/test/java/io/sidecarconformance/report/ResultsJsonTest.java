package io.sidecarconformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.ResultsFileException;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsJsonTest {

    private static final Instant T0 = Instant.parse("2025-06-01T02:17:00.123456789Z");
    /** When the runner read main's Exiting line: later than the container's clock says it was written. */
    private static final Instant OBSERVED = T0.plusSeconds(19);

    private static SuiteResults sample() {
        ScenarioKey stuckKey = new ScenarioKey("kind:1.31", "classic", "dind", "shell", "none");
        List<TimelineEvent> timeline = List.of(
                TimelineEvent.of(T0, "suite", EventKind.ACTION, "created Job", EventSource.SUITE),
                TimelineEvent.of(T0.plusMillis(300), "pod", EventKind.PHASE, "Pending", EventSource.STATUS),
                TimelineEvent.of(T0.plusMillis(900), "pod", EventKind.EVENT, "Scheduled: <node-1> \"quoted\"", EventSource.EVENT),
                TimelineEvent.of(T0.plusSeconds(2), "dind", EventKind.STARTING, "", EventSource.LOG),
                TimelineEvent.of(T0.plusSeconds(6), "dind", EventKind.READY, "docker info ok", EventSource.LOG),
                TimelineEvent.of(T0.plusSeconds(7), "main", EventKind.RUNNING, "", EventSource.STATUS),
                TimelineEvent.of(T0.plusSeconds(8), "main", EventKind.STATUS, "ready=true", EventSource.STATUS),
                TimelineEvent.of(T0.plusSeconds(15), "main", EventKind.EXITING, "0", EventSource.LOG).observed(OBSERVED),
                TimelineEvent.of(T0.plusSeconds(16), "main", EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS),
                TimelineEvent.of(T0.plusSeconds(17), "job", EventKind.JOB, "Complete", EventSource.JOB),
                TimelineEvent.of(T0.plusSeconds(90), "pod", EventKind.DELETED, "", EventSource.STATUS));
        Figures someNull = new Figures(null, 60.5, null, 30L, null, "Running", "Failed: BackoffLimitExceeded", -2.4, 1,
                1.4, 3.2, Map.of("main", 0.3), Map.of("main", 0, "dind", 2), Map.of("main", 0), Map.of("main", "Completed"));
        ScenarioResult stuck = new ScenarioResult(stuckKey, Outcome.STUCK, "dind still running 60 s after main",
                List.of(new Finding(FindingKind.SIDECAR_RESTARTED, "sidecar restarted 1 time; down 1.4s until Ready again"),
                        new Finding(FindingKind.JOB_BEFORE_POD, "the Job was Failed 2.4s before the pod was terminal")),
                someNull, timeline, T0, "KEP-753 note");
        ScenarioResult error = ScenarioResult.error(
                new ScenarioKey("k3s:1.28", "classic", "dind", "shell", "none"), "cluster did not start", null);
        ScenarioResult allNone = new ScenarioResult(
                new ScenarioKey("k3s:1.28", "pidfile", "light", "exec", "sigterm"), Outcome.FAILED_BY_FAULT,
                null, null, null, null, T0, null);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("stuck window (stuck.windowSeconds)", "30s");
        parameters.put("Job window (job.windowSeconds)", "20s");
        return new SuiteResults(SuiteResults.SCHEMA, "run-1", T0, T0.plusSeconds(3600),
                List.of(new ClusterInfo("kind:1.31", "kind", "1.31", "v1.31.4"),
                        new ClusterInfo("k3s:1.28", "k3s", "1.28", null)),
                parameters, Map.of("wallSeconds", "3600", "leftoverNamespaces", "0", "b-middle", "x"), SampleRuns.CATALOG,
                List.of(stuck, error, allNone));
    }

    @Test
    void roundTripKeepsEveryFieldIncludingTimelineAndNullFigures() throws Exception {
        SuiteResults run = sample();

        SuiteResults back = ResultsJson.fromJson(ResultsJson.toJson(run), "sample");

        assertThat(back).as("the whole run after write and read").isEqualTo(run);
        assertThat(back.results().get(0).timeline()).as("timeline events").hasSize(11)
                .extracting(TimelineEvent::kind).contains(EventKind.EVENT, EventKind.DELETED, EventKind.READY);
        assertThat(back.results().get(0).figures().completionSeconds()).as("a figure never observed").isNull();
        assertThat(back.schema()).as("schema").isEqualTo(3);
        assertThat(back.results()).extracting(ScenarioResult::outcome).as("outcomes")
                .containsExactly(Outcome.STUCK, Outcome.ERROR, Outcome.FAILED_BY_FAULT);
        assertThat(back.results().get(0).findings()).extracting(Finding::kind).as("findings in order")
                .containsExactly(FindingKind.SIDECAR_RESTARTED, FindingKind.JOB_BEFORE_POD);
        assertThat(back.parameters()).as("parameters, sorted by name like every map in results.json")
                .containsExactlyEntriesOf(new TreeMap<>(run.parameters()));
        assertThat(back.results().get(0).timeline()).filteredOn(e -> e.kind() == EventKind.EXITING)
                .extracting(TimelineEvent::observedAt).as("observedAt, which equality ignores").containsExactly(OBSERVED);
        assertThat(back.results().get(0).startedAt()).as("nanosecond instant").isEqualTo(T0);
        assertThat(back.results().get(1).startedAt()).as("null startedAt of an ERROR cell").isNull();
    }

    @Test
    void aColumnsSettingsAndItsNodesMemoryOomGroupAreKeptAndLeftOutWhenAbsent() throws Exception {
        ClusterInfo single = new ClusterInfo("local-v2:1.35-single-oom", "local-v2", "1.35-single-oom", "v1.35.8",
                "v1.35.8", "containerd://2.2.9", "1.3.6", "v2", "6.1.176", "bridge+host-local+portmap", "0", "",
                "singleProcessOOMKill=true", null);
        ClusterInfo plain = new ClusterInfo("local:1.31", "local", "1.31", "v1.31.4", "v1.31.4", "containerd://2.1.9",
                "1.3.6", "v1", "6.1.0", "bridge", null, "", "", null);
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "run-1", T0, T0.plusSeconds(60), List.of(single, plain),
                Map.of(), Map.of(), SampleRuns.CATALOG, List.of());

        String json = ResultsJson.toJson(run);
        JsonNode clusters = ResultsJson.mapper().readTree(json).get("clusters");
        SuiteResults back = ResultsJson.fromJson(json, "sample");

        assertThat(clusters.get(0).get("kubeletConfig").asText()).isEqualTo("singleProcessOOMKill=true");
        assertThat(clusters.get(0).get("memoryOomGroup").asText()).as("observed on the node").isEqualTo("0");
        assertThat(clusters.get(0).has("featureGates")).as("no gates: left out").isFalse();
        assertThat(clusters.get(1).has("memoryOomGroup") || clusters.get(1).has("kubeletConfig"))
                .as("a column without them is written as before").isFalse();
        assertThat(back.clusters().get(0)).isEqualTo(single);
        assertThat(back.clusters().get(1).kubeletConfig()).as("absent reads as null").isNull();
        assertThat(back.clusters().get(0).columnSettings()).isEqualTo("kubelet singleProcessOOMKill=true");
        assertThat(back.clusters().get(0).nodeSummary()).contains("cgroup v2, memory.oom.group=0, kernel 6.1.176");
    }

    @Test
    void eachCellsRunsAreCountedByOutcomeAndFindingKind() throws Exception {
        io.sidecarconformance.result.ScenarioKey key = new io.sidecarconformance.result.ScenarioKey("local:1.31", "native",
                "light", "exec", "none");
        java.util.function.BiFunction<Outcome, List<Finding>, ScenarioResult> run = (outcome, found) ->
                new ScenarioResult(key, outcome, "r", found, Figures.none(), List.of(), T0, "");
        Finding race = new Finding(FindingKind.RACE_AT_START, "race");
        Finding order = new Finding(FindingKind.TERM_ORDER, "order");
        SuiteResults three = new SuiteResults(SuiteResults.SCHEMA, "run-1", T0, T0.plusSeconds(60), List.of(), Map.of(), Map.of(), SampleRuns.CATALOG,
                List.of(run.apply(Outcome.SUCCEEDED, List.of(race, race)), run.apply(Outcome.SUCCEEDED, List.of(order)),
                        run.apply(Outcome.STUCK, List.of(race))));

        com.fasterxml.jackson.databind.JsonNode cell = ResultsJson.mapper().readTree(ResultsJson.toJson(three)).get("cells").get(0);

        assertThat(cell.get("key").get("pattern").asText()).isEqualTo("native");
        assertThat(cell.get("runs").asInt()).isEqualTo(3);
        assertThat(cell.get("outcomes").get("SUCCEEDED").asInt()).isEqualTo(2);
        assertThat(cell.get("outcomes").get("STUCK").asInt()).isEqualTo(1);
        assertThat(cell.get("findings").get("RACE_AT_START").asInt()).as("in 2 of 3 runs, counted once per run").isEqualTo(2);
        assertThat(cell.get("findings").get("TERM_ORDER").asInt()).isEqualTo(1);
        assertThat(ResultsJson.fromJson(ResultsJson.toJson(three), "r")).as("derived: not read back").isEqualTo(three);
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
                .as("enum by name").contains("\"outcome\" : \"STUCK\"").contains("\"kind\" : \"SIDECAR_RESTARTED\"").contains("\"kind\" : \"TERMINATED\"")
                .as("unobserved figure kept as null, so every record has the same shape")
                .contains("\"completionSeconds\" : null")
                .as("pretty-printed").contains("\n  \"runId\" : \"run-1\"");
        assertThat(json).as("schema 3").startsWith("{\n  \"schema\" : 3,");
        assertThat(indexesOf(json, "\"schema\"", "\"runId\"", "\"startedAt\"", "\"finishedAt\"", "\"clusters\"",
                "\"parameters\"", "\"measurements\"", "\"results\"")).as("top-level fields in record order").doesNotContain(-1).isSorted();
        assertThat(indexesOf(json, "\"b-middle\"", "\"leftoverNamespaces\"", "\"wallSeconds\""))
                .as("map entries sorted by key, so two runs diff cleanly").doesNotContain(-1).isSorted();
        assertThat(indexesOf(json, "\"cluster\"", "\"pattern\"", "\"sidecar\"", "\"variant\"", "\"fault\""))
                .as("key fields in record order").doesNotContain(-1).isSorted();
    }

    @Test
    void repeatsThatAppliedTheSameObjectsShareEachManifestTextInTheFile() throws Exception {
        SuiteResults run = SampleRuns.repeated();
        long entries = run.results().stream().mapToLong(r -> r.applied().size()).sum();

        String json = ResultsJson.toJson(run);

        JsonNode tree = ResultsJson.mapper().readTree(json);
        assertThat(tree.path("manifests").size()).as("one text per distinct manifest, %s entries", entries)
                .isEqualTo(SampleRuns.APPLIED.size());
        assertThat(tree.findValuesAsText("manifestRef")).as("every applied entry names its text").hasSize((int) entries)
                .allSatisfy(ref -> assertThat(tree.path("manifests").has(ref)).as("%s in manifests", ref).isTrue());
        assertThat(tree.findValues("manifest")).as("no text inline").isEmpty();
        assertThat(count(json, "sc-native-dind\\nspec")).as("the Job's text, once").isEqualTo(1);
        assertThat(ResultsJson.fromJson(json, "repeated")).as("read back: the same runs, texts in place").isEqualTo(run);
    }

    @Test
    void aSchemaTwoFileWithEveryManifestInlineReads() throws Exception {
        String schemaTwo = """
                {"schema": 2, "runId": "nightly-7", "results": [{
                  "key": {"cluster": "kind:1.31", "pattern": "native", "sidecar": "light", "variant": "exec", "fault": "none"},
                  "outcome": "SUCCEEDED", "repeat": 1,
                  "applied": [{"kind": "ConfigMap", "name": "sc-scripts", "manifest": "kind: ConfigMap\\n"},
                              {"kind": "Job", "name": "sc-job", "manifest": "kind: Job\\n"}]}]}
                """;

        SuiteResults back = ResultsJson.fromJson(schemaTwo, "old/results.json");

        assertThat(back.schema()).as("schema as the file says").isEqualTo(2);
        assertThat(back.results().get(0).applied()).as("texts inline, as written").containsExactly(
                new AppliedObject("ConfigMap", "sc-scripts", "kind: ConfigMap\n"), new AppliedObject("Job", "sc-job", "kind: Job\n"));
        assertThat(ResultsJson.toJson(back)).as("written again: the current schema").startsWith("{\n  \"schema\" : 3,")
                .contains("\"manifestRef\"");
    }

    @Test
    void anEntryNamingAManifestTheFileLacksIsOneLineNamingFileAndEntry() {
        String json = ResultsJson.toJson(SampleRuns.repeated());
        String ref = json.substring(json.indexOf("\"manifestRef\" : \"") + 17, json.indexOf("\"manifestRef\" : \"") + 33);
        String dangling = json.replace("\"" + ref + "\" : ", "\"gone\" : ");

        assertThatThrownBy(() -> ResultsJson.fromJson(dangling, "cut/results.json")).as("dangling reference")
                .isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith("cut/results.json is not a valid results.json (results[")
                .hasMessageContaining("].applied[").hasMessageContaining("names manifest \"" + ref + "\"")
                .hasMessageNotContaining("\n");
    }

    @Test
    void readingIgnoresUnknownFields() throws Exception {
        String json = ResultsJson.toJson(sample())
                .replaceFirst("\\{", "{ \"addedLater\" : {\"x\": [1, 2]},")
                .replace("\"outcome\" : \"STUCK\"", "\"outcome\" : \"STUCK\", \"confidence\" : 0.9");

        SuiteResults back = ResultsJson.fromJson(json, "newer.json");

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
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":4,\"runId\":\"r\",\"results\":[]}", "future.json"))
                .as("a newer schema").hasMessage("future.json has schema 4 but this reader knows schema 3;"
                        + " use the suite version that wrote it");
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":2,\"runId\":\"r\",\"results\":[{\"outcome\":\"STUCK\"}]}", "r.json"))
                .as("a record without its key").hasMessageContaining("r.json is not a valid results.json")
                .hasMessageContaining("results[0]").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> ResultsJson.fromJson("{\"schema\":2,\"runId\":\"r\",\"results\":[{\"outcome\":\"COMPLETED\","
                + "\"key\":{\"cluster\":\"c\",\"pattern\":\"p\",\"sidecar\":\"s\",\"variant\":\"v\",\"fault\":\"f\"}}]}", "r.json"))
                .as("an old verdict name as outcome").hasMessageContaining("results[0].outcome").hasMessageNotContaining("\n");
    }

    @Test
    void refusesASchemaOneFileWithOneLineThatSaysWhatToDo() {
        String schemaOne = "{\"schema\":1,\"runId\":\"nightly-1\",\"results\":[{\"verdict\":\"COMPLETED\",\"jobVerdict\":null,"
                + "\"key\":{\"cluster\":\"c\",\"pattern\":\"p\",\"sidecar\":\"s\",\"variant\":\"v\",\"fault\":\"f\"}}]}";

        assertThatThrownBy(() -> ResultsJson.fromJson(schemaOne, "old/results.json")).as("a results.json of schema 1")
                .isInstanceOf(ResultsFileException.class)
                .hasMessage("old/results.json has schema 1 but this reader knows schema 3 (one verdict per cell, before outcome"
                        + " and findings); re-run the suite to get schema 3");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope/results.json");

        assertThatThrownBy(() -> ResultsJson.read(missing)).as("missing file")
                .isInstanceOf(ResultsFileException.class).hasMessage(missing + " does not exist");
        assertThat(Files.exists(missing.getParent())).as("reading creates nothing").isFalse();
    }

    private static int count(String text, String literal) {
        return text.split(java.util.regex.Pattern.quote(literal), -1).length - 1;
    }

    private static List<Integer> indexesOf(String text, String... needles) {
        return Arrays.stream(needles).map(text::indexOf).toList();
    }
}
