package io.sidecarconformance.result;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** results.json carries the run's settings; files written before they were recorded read and write as they were. */
class SuiteResultsSettingsTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void settingsRoundTripInTheirOrder() throws ResultsFileException {
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "r", T, T, List.of(), Map.of(), Map.of(), Catalog.EMPTY, List.of(),
                Map.of("parallel", "4", "cluster", "local:1.31"));

        SuiteResults back = ResultsJson.fromJson(ResultsJson.toJson(run), "test");

        assertThat(back.settings()).as("settings read back").isEqualTo(Map.of("parallel", "4", "cluster", "local:1.31"));
        assertThat(ResultsJson.toJson(run)).contains("\"settings\" : {");
    }

    @Test
    void thePublishedReportsKeepWhatTheyRecorded() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("reports"))) {
            files = walk.filter(f -> f.getFileName().toString().equals("results.json")).toList();
        }
        assertThat(files).as("published results.json").isNotEmpty();
        int withSettings = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            SuiteResults run = ResultsJson.fromJson(text, f.toString());
            if (text.contains("\"settings\" : {")) {
                withSettings++;
                assertThat(run.settings()).as("%s: its settings read back", f).containsKey("parallel").containsKey("cluster");
                assertThat(ResultsJson.fromJson(ResultsJson.toJson(run), f.toString()).settings()).as("%s written again", f)
                        .isEqualTo(run.settings());
            } else {
                assertThat(run.settings()).as("%s: no settings recorded then", f).isEmpty();
                assertThat(ResultsJson.toJson(run)).as("%s written again", f).doesNotContain("\"settings\"");
            }
        }
        assertThat(files.size() - withSettings).as("files written before settings were recorded").isPositive();
    }
}
