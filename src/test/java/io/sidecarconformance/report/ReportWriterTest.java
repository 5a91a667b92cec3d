package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ResultsJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {

    @Test
    void writesResultsJsonAndThePageRenderedFromItIntoANewDirectory(@TempDir Path tmp) throws Exception {
        SuiteResults run = SampleRuns.realistic();
        Path dir = tmp.resolve("reports/nightly-2025-06-01");

        ReportWriter.Written written = ReportWriter.write(run, dir);

        assertThat(written.resultsJson()).as("results.json").isEqualTo(dir.resolve("results.json")).isRegularFile();
        assertThat(written.compatibilityHtml()).as("page").isEqualTo(dir.resolve("compatibility.html")).isRegularFile();
        assertThat(ResultsJson.read(written.resultsJson())).as("results.json content").isEqualTo(run);
        assertThat(Files.readString(written.compatibilityHtml())).as("page content")
                .isEqualTo(HtmlReport.render(ResultsJson.read(written.resultsJson())));
    }

    @Test
    void replacesAnEarlierReport(@TempDir Path dir) throws Exception {
        ReportWriter.write(SampleRuns.run("run-to-be-replaced", List.of(), List.of()), dir);

        ReportWriter.write(SampleRuns.realistic(), dir);

        assertThat(ResultsJson.read(dir.resolve("results.json")).runId()).as("run in results.json").isEqualTo("nightly-2025-06-01");
        assertThat(Files.readString(dir.resolve("compatibility.html"))).as("page").contains("nightly-2025-06-01").doesNotContain("run-to-be-replaced");
    }

    @Test
    void writesEachColumnsDrillDownFileBesideThePageAndRemovesAnEarlierPagesFiles(@TempDir Path dir) throws Exception {
        Path stale = dir.resolve("drill/local-1.29.js");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "an earlier page's column");
        SuiteResults run = SampleRuns.realistic();

        ReportWriter.write(run, dir);

        assertThat(stale).as("an earlier page's file").doesNotExist();
        SuiteResults read = ResultsJson.read(dir.resolve("results.json"));
        for (DrillDownData.ColumnFile file : DrillDownData.files(read, Reproduction.of(read.results()))) {
            assertThat(dir.resolve(file.path())).as(file.path()).content().isEqualTo(file.script());
        }
        try (var written = Files.list(dir.resolve("drill"))) {
            assertThat(written.map(f -> "drill/" + f.getFileName()).toList()).as("one file per column")
                    .containsExactlyInAnyOrderElementsOf(DrillDownData.paths(run).values());
        }
    }
}
