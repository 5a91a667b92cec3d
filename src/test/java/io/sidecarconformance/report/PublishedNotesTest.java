package io.sidecarconformance.report;

import io.sidecarconformance.result.ResultsJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The shipped notes hold on every run of the published report they annotate (files only, no cluster). */
class PublishedNotesTest {

    private static final Path NOTES = Path.of("clusters/local/report-notes.tsv");
    private static final Path PUBLISHED = Path.of("reports/2026-12-02-local");

    /** A published report whose runs differ from the shared notes' (a later scenario design) carries its own notes. */
    private static final Path REPORTS = Path.of("reports");
    private static final String OWN_NOTES = "report-notes.tsv";

    @Test
    void aReportWithItsOwnNotesHoldsToThemOnEveryRun() throws Exception {
        List<Path> reports;
        try (Stream<Path> folders = Files.list(REPORTS)) {
            reports = folders.filter(f -> Files.isRegularFile(f.resolve(OWN_NOTES))).sorted().toList();
        }
        for (Path report : reports) {
            assertThat(notedRuns(CellNotes.read(report.resolve(OWN_NOTES)), report)).as("%s: runs that carry a note", report)
                    .isPositive();
        }
    }

    /** Applies the notes to every version of a report (failing the test on a note that does not hold): runs noted. */
    private static long notedRuns(CellNotes notes, Path report) throws Exception {
        List<Path> versions;
        try (Stream<Path> folders = Files.list(report)) {
            versions = folders.flatMap(PublishedNotesTest::resultsOf).sorted().toList();
        }
        assertThat(versions).as("%s has runs", report).isNotEmpty();
        long noted = 0;
        for (Path version : versions) {
            try {
                noted += notes.apply(ResultsJson.read(version).results()).stream().filter(r -> !r.note().isEmpty()).count();
            } catch (InvalidInputException e) {
                fail(version + ": " + e.getMessage());
            }
        }
        return noted;
    }

    /** A version's results.json, or its parts (part-1/results.json, ...: a column too big for one file). */
    private static Stream<Path> resultsOf(Path folder) {
        if (Files.isRegularFile(folder.resolve("results.json"))) {
            return Stream.of(folder.resolve("results.json"));
        }
        try (Stream<Path> parts = Files.list(folder)) {
            return parts.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .map(p -> p.resolve("results.json")).filter(Files::isRegularFile).toList().stream();
        } catch (java.io.IOException e) {
            return Stream.empty();
        }
    }

    @Test
    void everyNoteHoldsOnEveryVersionOfThePublishedReport() throws Exception {
        try (Stream<Path> folders = Files.list(PUBLISHED)) {
            assertThat(folders.filter(f -> Files.isRegularFile(f.resolve("results.json"))).count())
                    .as("a results.json per local version").isEqualTo(13);
        }
        assertThat(notedRuns(CellNotes.read(NOTES), PUBLISHED)).as("runs that carry a note").isPositive();
    }
}
