package io.sidecarconformance.report;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every committed page that keeps its drill-down and its cells in words beside it (since 2026-12-07) has those files:
 * a page copied without them would open, and fail only when a reader clicks a cell.
 */
class PublishedPageFilesTest {

    @Test
    void everyFileAPublishedPageNamesIsBesideIt() throws IOException {
        List<Path> pages;
        try (Stream<Path> found = Files.walk(Path.of("reports"))) {
            pages = found.filter(p -> p.getFileName().toString().equals(ReportWriter.COMPATIBILITY_HTML)).sorted().toList();
        }
        int checked = 0;
        for (Path page : pages) {
            Document doc = Jsoup.parse(Files.readString(page));
            var list = doc.getElementById("drill-files");
            if (list == null) {
                continue; // rendered before the records left the page: they are inside it
            }
            checked++;
            @SuppressWarnings("unchecked")
            Map<String, String> drill = io.sidecarconformance.result.ResultsJson.mapper().readValue(list.data(), Map.class);
            assertThat(drill).as("%s lists its columns' files", page).isNotEmpty();
            drill.values().forEach(file -> assertThat(page.resolveSibling(file)).as("%s: %s", page, file).isRegularFile());
            TreeSet<String> linked = new TreeSet<>();
            doc.select("noscript a.why, #end-of-pod a[href]").eachAttr("href").stream().filter(href -> !href.startsWith("#"))
                    .forEach(href -> linked.add(href.replaceFirst("#.*", "")));
            assertThat(linked).as("%s: its cells' pages", page).anySatisfy(file -> assertThat(file).startsWith("cells-"));
            linked.add(CellsInWords.FILE);
            linked.forEach(file -> assertThat(page.resolveSibling(file)).as("%s: %s", page, file).isRegularFile());
        }
        assertThat(checked).as("pages with their files beside them").isGreaterThan(0);
    }
}
