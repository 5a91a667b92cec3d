package io.sidecarconformance.report;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ResultsJson;

import io.sidecarconformance.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

class MergeReportsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T04:05:06Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MergeReports.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }

    private List<String> errLines() {
        String text = err.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private Path cellResults(String name, String clusterId, Outcome outcome) throws Exception {
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, name, SampleRuns.START, SampleRuns.START.plusSeconds(60),
                List.of(cluster(clusterId, "v1")), SampleRuns.parameters(), Map.of(), SampleRuns.CATALOG, List.of(
                result(key(clusterId, "classic", "light", "exec", "none"), outcome),
                result(key(clusterId, "classic", "light", "exec", "sigterm"), outcome)));
        Path file = dir.resolve(name).resolve("results.json");
        Files.createDirectories(file.getParent());
        ResultsJson.write(run, file);
        return file;
    }

    @Test
    void mergesWritesBothFilesAndFillsExpectedColumns() throws Exception {
        Path kind = cellResults("kind-1.31", "kind:1.31", Outcome.SUCCEEDED);
        Path k3s = cellResults("k3s-1.31", "k3s:1.31", Outcome.STUCK);
        Path outDir = dir.resolve("merged");

        int code = run("--out", outDir.toString(), "--expect", "kind:1.31", "--expect", "kind:1.29",
                kind.toString(), k3s.toString());

        assertThat(code).as("exit code").isZero();
        SuiteResults merged = ResultsJson.read(outDir.resolve("results.json"));
        assertThat(merged.runId()).as("run id").isEqualTo("merged-20250601T040506Z");
        assertThat(merged.results()).as("2 + 2 records + 2 ERROR cells for kind:1.29").hasSize(6)
                .filteredOn(r -> r.key().cluster().equals("kind:1.29")).extracting(ScenarioResult::outcome)
                .containsOnly(Outcome.ERROR).hasSize(2);
        assertThat(merged.parameters()).as("the inputs' parameters, kept by the merge")
                .containsExactlyInAnyOrderEntriesOf(SampleRuns.parameters());
        assertThat(outDir.resolve("compatibility.html")).as("page").isRegularFile()
                .content().contains("no results uploaded for kind:1.29")
                .as("parameters table").contains("<th>stuck window after main ended (stuck.windowSeconds)</th><td>30s</td>");
        assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout").startsWith("merged 2 results.json into 6 cells");
        assertThat(errLines()).as("stderr").containsExactly(
                "warning: no results uploaded for kind:1.29; its column has 2 ERROR cells");
    }

    @Test
    void anUpstreamE2eFolderIsAttachedToItsClusterAndShownInTheNodeFacts() throws Exception {
        Path kind = cellResults("kind-1.31", "kind:1.31", Outcome.SUCCEEDED);
        Path e2e = Files.createDirectories(dir.resolve("e2e"));
        Files.writeString(e2e.resolve("junit_e2e.xml"), """
                <testsuites><testsuite name="Kubernetes e2e suite">
                <testcase name="[sig-node] PreStop should call prestop when killing a pod" status="passed"></testcase>
                <testcase name="[sig-node] Pods Extended Delete Grace Period should be submitted and removed" status="failed">
                <failure type="failed">[FAILED] address not allowed</failure></testcase>
                </testsuite></testsuites>""");
        Files.writeString(e2e.resolve("selection"), "quick");
        Path outDir = dir.resolve("merged");

        assertThat(run("--out", outDir.toString(), "--e2e", "kind:1.29=" + e2e, kind.toString()))
                .as("a cluster no input has").isEqualTo(2);
        assertThat(errLines()).singleElement(STRING).contains("--e2e names kind:1.29, which no input has");
        assertThat(outDir).as("nothing written").doesNotExist();

        assertThat(run("--out", outDir.toString(), "--e2e", "kind:1.31=" + e2e, kind.toString())).isZero();
        SuiteResults merged = ResultsJson.read(outDir.resolve("results.json"));
        assertThat(merged.clusters()).singleElement().satisfies(c ->
                assertThat(c.upstreamE2e().summary()).isEqualTo("upstream e2e (quick): 1 of 2 passed"));
        assertThat(outDir.resolve("compatibility.html")).content().as("node facts")
                .contains("upstream e2e (quick): 1 of 2 passed")
                .contains("[sig-node] Pods Extended Delete Grace Period should be submitted and removed: <i>[FAILED] address not allowed</i>");
    }

    @Test
    void aSchemaTwoFileWithManifestsInlineMergesWithACurrentOne() throws Exception {
        Path current = dir.resolve("current.json");
        ResultsJson.write(SampleRuns.repeated(), current);
        String configMap = ResultsJson.mapper().writeValueAsString(SampleRuns.APPLIED.get(0).manifest());
        Path old = Files.writeString(dir.resolve("old.json"), """
                {"schema": 2, "runId": "before-sharing", "clusters": [{"id": "k3s:1.31"}], "results": [{
                  "key": {"cluster": "k3s:1.31", "pattern": "native", "sidecar": "light", "variant": "exec", "fault": "none"},
                  "outcome": "SUCCEEDED", "repeat": 1,
                  "applied": [{"kind": "ConfigMap", "name": "sc-images", "manifest": %s},
                              {"kind": "Job", "name": "sc-job", "manifest": "kind: Job\\n"}]}]}
                """.formatted(configMap));
        Path outDir = dir.resolve("merged");

        assertThat(run("--out", outDir.toString(), old.toString(), current.toString())).as("exit code").isZero();

        SuiteResults merged = ResultsJson.read(outDir.resolve("results.json"));
        assertThat(merged.results()).filteredOn(r -> r.key().cluster().equals("k3s:1.31")).singleElement()
                .satisfies(r -> assertThat(r.applied()).as("the old file's objects, texts in place").containsExactly(
                        SampleRuns.APPLIED.get(0), new AppliedObject("Job", "sc-job", "kind: Job\n")));
        assertThat(merged.results()).filteredOn(r -> r.key().equals(SampleRuns.DRILL_DOWN)).hasSize(3)
                .allSatisfy(r -> assertThat(r.applied()).as("the current file's objects").isEqualTo(SampleRuns.APPLIED));
        assertThat(ResultsJson.mapper().readTree(outDir.resolve("results.json").toFile()).path("manifests").size())
                .as("the ConfigMap both files applied, held once").isEqualTo(SampleRuns.APPLIED.size() + 1);
    }

    @Test
    void aRepeatedCellIsReportedAndTheLaterFileWins() throws Exception {
        Path first = cellResults("nightly", "kind:1.31", Outcome.STUCK);
        Path rerun = cellResults("rerun", "kind:1.31", Outcome.SUCCEEDED);
        Path outDir = dir.resolve("merged");

        int code = run("--out", outDir.toString(), first.toString(), rerun.toString());

        assertThat(code).as("exit code").isZero();
        assertThat(ResultsJson.read(outDir.resolve("results.json")).results()).extracting(ScenarioResult::outcome)
                .as("outcomes of the later file").containsExactly(Outcome.SUCCEEDED, Outcome.SUCCEEDED);
        assertThat(errLines()).as("one warning per repeated cell").hasSize(2)
                .allSatisfy(line -> assertThat(line).startsWith("warning: ").contains("in both nightly and rerun"));
    }

    @Test
    void badInputIsOneLineOnStderrExitCodeTwoAndNothingWritten() throws Exception {
        Path good = cellResults("good", "kind:1.31", Outcome.SUCCEEDED);
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{\"schema\": 1, \"runId\": ");
        Path cucumber = Files.writeString(dir.resolve("cucumber.json"), "[{\"elements\": []}]");
        Path otherJson = Files.writeString(dir.resolve("package.json"), "{\"name\": \"sidecar\"}");
        Path newer = Files.writeString(dir.resolve("newer.json"), "{\"schema\": 9, \"runId\": \"r\", \"results\": []}");
        Path older = Files.writeString(dir.resolve("older.json"), "{\"schema\": 1, \"runId\": \"r\", \"results\": []}");
        Path missing = dir.resolve("absent/results.json");
        String out = dir.resolve("merged").toString();

        List<BadCall> calls = List.of(
                new BadCall("no arguments", List.of(), "nothing to merge; usage: MergeReports --out <dir>"),
                new BadCall("unknown flag", List.of("--out", out, "--verbose", good.toString()), "unknown option --verbose; usage:"),
                new BadCall("no --out", List.of(good.toString()), "--out <dir> is missing; usage:"),
                new BadCall("--out without a value", List.of(good.toString(), "--out"), "--out needs a directory; usage:"),
                new BadCall("--expect not provider:version", List.of("--out", out, "--expect", "kind129", good.toString()),
                        "--expect kind129 is not <provider>:<version>; write it as the suite's -Dcluster, e.g. --expect kind:1.29"),
                new BadCall("no inputs", List.of("--out", out, "--expect", "kind:1.29"), "no results.json given; usage:"),
                new BadCall("missing file", List.of("--out", out, good.toString(), missing.toString()),
                        missing + " does not exist; pass results.json files written by suite runs"),
                new BadCall("a directory", List.of("--out", out, dir.resolve("good").toString()),
                        dir.resolve("good") + " is a directory; pass the results.json inside it"),
                new BadCall("invalid JSON", List.of("--out", out, notJson.toString()), notJson + " is not valid JSON ("),
                new BadCall("a JSON array", List.of("--out", out, cucumber.toString()), cucumber + " is not a results.json"),
                new BadCall("another JSON object", List.of("--out", out, otherJson.toString()),
                        otherJson + " is not a results.json (no \"schema\" number); pass results.json files written by suite runs"),
                new BadCall("a newer schema", List.of("--out", out, newer.toString()),
                        newer + " has schema 9 but this reader knows schema 3; use the suite version that wrote it"),
                new BadCall("a schema 1 file (one verdict per cell)", List.of("--out", out, older.toString()),
                        older + " has schema 1 but this reader knows schema 3 (one verdict per cell, before outcome and findings);"
                                + " re-run the suite to get schema 3"));

        for (BadCall call : calls) {
            this.out.reset();
            err.reset();

            int code = run(call.args().toArray(String[]::new));

            assertThat(code).as("%s: exit code", call.what()).isEqualTo(2);
            assertThat(errLines()).as("%s: stderr", call.what()).singleElement(STRING)
                    .startsWith("MergeReports: ").contains(call.message());
            assertThat(this.out.toString(StandardCharsets.UTF_8)).as("%s: stdout", call.what()).isEmpty();
            assertThat(dir.resolve("merged")).as("%s: no output directory", call.what()).doesNotExist();
        }
    }

    @Test
    void aNoteThatDoesNotHoldStopsTheMergeWithOneLineAndExitCodeTwo() throws Exception {
        Path kind = cellResults("kind-1.31", "kind:1.31", Outcome.SUCCEEDED);
        Path notes = Files.writeString(dir.resolve("notes.tsv"), "# cells of kind\n"
                + "kind:1.29,kind:1.31\tclassic\tlight\texec\t*\toutcome=SUCCEEDED\tCompletes.\n"
                + "kind:1.31\tclassic\t*\t*\tsigterm\toutcome in FAILED_BY_FAULT,STUCK\tThe deletion fails the Job.\n");
        Path outDir = dir.resolve("merged");

        int code = run("--out", outDir.toString(), "--expect", "kind:1.29", "--notes", notes.toString(), kind.toString());

        assertThat(code).as("exit code").isEqualTo(2);
        assertThat(errLines()).as("stderr: the note's line, the cell, the run, the clause; no warnings before it")
                .containsExactly("MergeReports: " + notes + ":3: note does not hold for kind:1.31 | classic | light | exec"
                        + " | sigterm run 1: outcome in FAILED_BY_FAULT,STUCK, but the outcome was SUCCEEDED");
        assertThat(outDir).as("nothing written").doesNotExist();

        err.reset();
        Files.writeString(notes, "kind:1.29,kind:1.31\tclassic\tlight\texec\t*\toutcome=SUCCEEDED\tCompletes.\n");
        assertThat(run("--out", outDir.toString(), "--expect", "kind:1.29", "--notes", notes.toString(), kind.toString()))
                .as("holding notes, and the ERROR cells of an expected column unchecked").isZero();
        assertThat(ResultsJson.read(outDir.resolve("results.json")).results())
                .filteredOn(r -> r.key().cluster().equals("kind:1.31")).extracting(ScenarioResult::note)
                .containsOnly("Completes.");
    }

    @Test
    void anOutputThatCannotBeWrittenIsExitCodeOne() throws Exception {
        Path good = cellResults("good", "kind:1.31", Outcome.SUCCEEDED);
        Path aFile = Files.writeString(dir.resolve("taken"), "not a directory");

        int code = run("--out", aFile.toString(), good.toString());

        assertThat(code).as("exit code").isEqualTo(1);
        assertThat(errLines()).as("stderr").singleElement(STRING)
                .startsWith("MergeReports: cannot write " + aFile);
    }

    private record BadCall(String what, List<String> args, String message) {
    }
}
