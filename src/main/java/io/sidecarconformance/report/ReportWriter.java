package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ResultsJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a run's report folder: results.json first, then each run's objects under repro/ (for the drill-down's
 * command; see {@link Reproduction} for which files runs share), each column's drill-down records under drill/
 * ({@link DrillDownData#files}), then compatibility.html rendered from that file's content.
 */
public final class ReportWriter {

    public static final String RESULTS_JSON = "results.json";
    public static final String COMPATIBILITY_HTML = "compatibility.html";

    /** The files written. */
    public record Written(Path resultsJson, Path compatibilityHtml) {
    }

    private ReportWriter() {
    }

    /** Creates {@code dir} if needed and writes both files into it, replacing earlier ones. */
    public static Written write(SuiteResults run, Path dir) throws IOException {
        return write(run, dir, null);
    }

    /** As {@link #write(SuiteResults, Path)}, the page listing the changes since {@code previous} (null: none). */
    public static Written write(SuiteResults run, Path dir, PreviousResults previous) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(RESULTS_JSON);
        ResultsJson.write(run, json);
        // Rendered from what was just written, so the page can never show anything results.json does not hold.
        SuiteResults written = ResultsJson.read(json);
        // built once: the repro/ files, the drill-down's commands and the cells' pages all read them
        List<Optional<Reproduction>> repros = Reproduction.of(written.results());
        writeReproductions(repros, dir);
        Path html = dir.resolve(COMPATIBILITY_HTML);
        writeDrillDownFiles(written, repros, dir);
        Files.writeString(html, HtmlReport.render(written, previous), StandardCharsets.UTF_8);
        writeCellsInWords(written, repros, dir);
        return new Written(json, html);
    }

    /** The pages of cells in words, cells.html and one per column; an earlier page's column pages are removed. */
    static void writeCellsInWords(SuiteResults run, List<Optional<Reproduction>> repros, Path dir) throws IOException {
        try (var old = Files.list(dir)) {
            for (Path file : old.filter(f -> f.getFileName().toString().matches("cells-.*\\.html")).toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, String> page : CellsInWords.pages(run, repros).entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** Each column's drill-down records under drill/, beside the page; the files of an earlier page there are removed. */
    static void writeDrillDownFiles(SuiteResults run, List<Optional<Reproduction>> repros, Path dir) throws IOException {
        Path folder = dir.resolve(DrillDownData.FOLDER);
        if (Files.isDirectory(folder)) {
            try (var old = Files.list(folder)) {
                for (Path file : old.filter(f -> f.getFileName().toString().endsWith(".js")).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(folder);
        for (DrillDownData.ColumnFile file : DrillDownData.files(run, repros)) {
            Files.writeString(dir.resolve(file.path()), file.script(), StandardCharsets.UTF_8);
        }
    }

    /** Each run's objects under repro/, beside the page, where its drill-down's command expects them; a shared file once. */
    static void writeReproductions(List<Optional<Reproduction>> repros, Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        repros.forEach(repro -> repro.ifPresent(r -> files.putAll(r.files())));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
