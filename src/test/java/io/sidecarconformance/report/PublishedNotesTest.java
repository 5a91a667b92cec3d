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
            CellNotes notes = CellNotes.read(report.resolve(OWN_NOTES));
            List<Path> versions;
            try (Stream<Path> folders = Files.list(report)) {
                versions = folders.map(folder -> folder.resolve("results.json")).filter(Files::isRegularFile).sorted().toList();
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
            assertThat(noted).as("%s: runs that carry a note", report).isPositive();
        }
    }

    @Test
    void everyNoteHoldsOnEveryVersionOfThePublishedReport() throws Exception {
        CellNotes notes = CellNotes.read(NOTES);
        List<Path> versions;
        try (Stream<Path> folders = Files.list(PUBLISHED)) {
            versions = folders.map(folder -> folder.resolve("results.json")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(versions).as("a results.json per local version").hasSize(13);

        long noted = 0;
        for (Path version : versions) {
            try {
                noted += notes.apply(ResultsJson.read(version).results()).stream().filter(r -> !r.note().isEmpty()).count();
            } catch (InvalidInputException e) {
                fail(version + ": " + e.getMessage());
            }
        }
        assertThat(noted).as("runs that carry a note").isPositive();
    }
}
