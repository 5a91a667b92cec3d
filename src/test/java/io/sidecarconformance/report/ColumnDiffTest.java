package io.sidecarconformance.report;

import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Diffs on hand-written results.json files with repeats, src/test/resources/compare/: between two columns of one run
 * (merged.json, 1.31 -> 1.35: expected-compare.txt) and between two runs (merged.json -> next.json: expected-changes.txt).
 */
class ColumnDiffTest {

    private static final Path GOLDEN = Path.of("src/test/resources/compare");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int merge(String... args) {
        return MergeReports.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }

    @Test
    void theGoldenColumnsGiveTheExpectedLines() throws Exception {
        SuiteResults run = ResultsJson.read(GOLDEN.resolve("merged.json"));

        assertThat(ColumnDiff.text(run, "local:1.31", "local:1.35")).as("compare 1.31 -> 1.35")
                .isEqualTo(Files.readString(GOLDEN.resolve("expected-compare.txt")));
        assertThat(ColumnDiff.between(run, "local:1.31", "local:1.35")).as("same outcomes, other counts and finding texts")
                .noneMatch(line -> line.contains("native | light | exec | none:"))
                .as("same outcome on both").noneMatch(line -> line.contains("classic |"))
                .as("a cell whose runs disagree on one column and agree on the other: timing, not stable")
                .anyMatch(line -> line.startsWith("timing: native | light | exec | sidecar-oom:"))
                .noneMatch(line -> line.startsWith("stable: native | light | exec | sidecar-oom:"));
        assertThat(ColumnDiff.between(run, "local:1.35", "local:1.35")).as("a column against itself").isEmpty();
    }

    @Test
    void betweenRunsACellRunSeveralTimesIsListedOnlyWhenItsSetOfOutcomesChanged() throws Exception {
        SuiteResults before = ResultsJson.read(GOLDEN.resolve("merged.json"));
        SuiteResults after = ResultsJson.read(GOLDEN.resolve("next.json"));

        assertThat(OutcomeChanges.text(before, after)).as("changes.txt")
                .isEqualTo(Files.readString(GOLDEN.resolve("expected-changes.txt")));
    }

    @Test
    void mergeReportsWritesTheComparisonAndTheChangesWithTheNightsName() throws Exception {
        Path outDir = dir.resolve("merged");

        int code = merge("--out", outDir.toString(), "--compare", "local:1.31,local:1.35",
                "--previous", GOLDEN.resolve("merged.json").toString(), "--previous-name", "nightly run 41",
                GOLDEN.resolve("next.json").toString());

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(Files.readString(outDir.resolve("compare-local-1.31-local-1.35.txt"))).as("compare file")
                .startsWith("From local:1.31 to local:1.35: ");
        assertThat(Files.readString(outDir.resolve("changes.txt"))).as("changes.txt with its heading")
                .isEqualTo("Compared with nightly run 41 (merged-20261201T030000Z)\n"
                        + Files.readString(GOLDEN.resolve("expected-changes.txt")));
        assertThat(Files.readString(outDir.resolve("compatibility.html"))).as("the page lists the changes")
                .contains("<section id=\"changes\"><h2>Changes since nightly run 41 (merged-20261201T030000Z) (2 cells)</h2>")
                .as("each line marked with its version and fault, for the choice of versions and faults")
                .contains("<li data-c=\"local:1.35\" data-f=\"none\">local:1.35 | classic | light | exec | none: STUCK -&gt; SUCCEEDED</li>");
    }

    @Test
    void anUnusableOptionalPreviousCostsOnlyTheComparison() throws Exception {
        Path outDir = dir.resolve("merged");
        Path older = Files.writeString(dir.resolve("older.json"), "{\"schema\": 1, \"runId\": \"r\", \"results\": []}");

        int code = merge("--out", outDir.toString(), "--previous-optional", older.toString(), "--previous-name",
                "nightly run 40", GOLDEN.resolve("next.json").toString());

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(outDir.resolve("compatibility.html")).as("the grid is written").exists();
        assertThat(Files.readString(outDir.resolve("changes.txt"))).as("changes.txt says why there is no comparison")
                .startsWith("Compared with nightly run 40\nCould not compare: " + older + " has schema 1");
        assertThat(err.toString(StandardCharsets.UTF_8)).as("a warning")
                .startsWith("MergeReports: warning: not comparing with the previous run: " + older);
        assertThat(merge("--out", dir.resolve("strict").toString(), "--previous", older.toString(),
                GOLDEN.resolve("next.json").toString())).as("--previous stays strict").isEqualTo(MergeReports.BAD_INPUT);
    }

    @Test
    void aCompareOfAColumnNoInputHasIsBadInput() {
        int code = merge("--out", dir.resolve("merged").toString(), "--compare", "local:1.31,local:1.99",
                GOLDEN.resolve("merged.json").toString());

        assertThat(code).as("exit code").isEqualTo(MergeReports.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("stderr")
                .startsWith("MergeReports: --compare names local:1.99, which no input has");
        assertThat(dir.resolve("merged")).as("nothing written").doesNotExist();
        assertThat(merge("--out", dir.resolve("merged").toString(), "--compare", "local:1.31",
                GOLDEN.resolve("merged.json").toString())).as("not a pair").isEqualTo(MergeReports.BAD_INPUT);
    }
}
