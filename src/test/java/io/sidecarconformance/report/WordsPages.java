package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.LinkedHashMap;
import java.util.Map;

/** The pages of cells in words of a run, as jsoup parses them: cells.html and each column's. */
record WordsPages(Map<String, Document> byFile) {

    static WordsPages of(SuiteResults run) {
        Map<String, Document> pages = new LinkedHashMap<>();
        CellsInWords.pages(run, Reproduction.of(run.results())).forEach((file, html) -> pages.put(file, Jsoup.parse(html)));
        return new WordsPages(pages);
    }

    /** The element a link "file#id" points at, or null. */
    Element target(String href) {
        int hash = href.indexOf('#');
        Document page = byFile.get(hash < 0 ? href : href.substring(0, hash));
        return page == null || hash < 0 ? null : page.getElementById(href.substring(hash + 1));
    }

    /** Every column's page in one document, to count and find entries across them. */
    Document columns() {
        StringBuilder body = new StringBuilder();
        byFile.forEach((file, page) -> {
            if (!file.equals(CellsInWords.FILE)) {
                body.append(page.body().html());
            }
        });
        return Jsoup.parse(body.toString());
    }
}
