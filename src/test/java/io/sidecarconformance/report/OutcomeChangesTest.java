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

/** changes.txt on hand-written results.json files: src/test/resources/diff/{old,new}.json -> expected-changes.txt. */
class OutcomeChangesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/diff");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int merge(String... args) {
        return MergeReports.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
    }

    @Test
    void theGoldenFilesGiveTheExpectedLines() throws Exception {
        SuiteResults old = ResultsJson.read(GOLDEN.resolve("old.json"));
        SuiteResults now = ResultsJson.read(GOLDEN.resolve("new.json"));

        assertThat(OutcomeChanges.text(old, now)).as("changes.txt")
                .isEqualTo(Files.readString(GOLDEN.resolve("expected-changes.txt")));
        assertThat(OutcomeChanges.between(old, now)).as("a finding whose text changed but not its kind is no change")
                .noneMatch(line -> line.startsWith("kind:1.29 | native | light | exec | none:"));
    }

    @Test
    void nothingChangedSaysSinceWhichRun() throws Exception {
        SuiteResults old = ResultsJson.read(GOLDEN.resolve("old.json"));

        assertThat(OutcomeChanges.between(old, old)).as("a run against itself").isEmpty();
        assertThat(OutcomeChanges.text(old, old)).as("changes.txt")
                .isEqualTo("No outcome changed since merged-20261130T030000Z.\n");
    }

    @Test
    void mergeReportsWritesChangesBesideTheMergedResults() throws Exception {
        Path outDir = dir.resolve("merged");

        int code = merge("--out", outDir.toString(), "--previous", GOLDEN.resolve("old.json").toString(),
                GOLDEN.resolve("new.json").toString());

        assertThat(code).as("exit code; stderr: %s", err).isZero();
        assertThat(outDir.resolve("changes.txt")).as("changes.txt beside results.json")
                .hasSameTextualContentAs(GOLDEN.resolve("expected-changes.txt"));
        assertThat(out.toString(StandardCharsets.UTF_8)).as("stdout")
                .contains("changes since merged-20261130T030000Z: " + outDir.resolve("changes.txt"));
    }

    @Test
    void withoutPreviousNoChangesFileIsWritten() {
        Path outDir = dir.resolve("merged");

        assertThat(merge("--out", outDir.toString(), GOLDEN.resolve("new.json").toString())).as("exit code").isZero();
        assertThat(outDir.resolve("changes.txt")).as("changes.txt").doesNotExist();
    }

    @Test
    void aBadPreviousFileStopsTheMergeBeforeAnythingIsWritten() {
        Path outDir = dir.resolve("merged");

        int code = merge("--out", outDir.toString(), "--previous", dir.resolve("nope.json").toString(),
                GOLDEN.resolve("new.json").toString());

        assertThat(code).as("exit code").isEqualTo(MergeReports.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("one line naming the file")
                .startsWith("MergeReports: " + dir.resolve("nope.json") + " does not exist").hasLineCount(1);
        assertThat(outDir).as("nothing written").doesNotExist();
        assertThat(merge("--out", outDir.toString(), "--previous")).as("--previous without a file")
                .isEqualTo(MergeReports.BAD_INPUT);
    }
}
