package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogWorkload;

import java.util.Map;

/**
 * The page's account of the users' own pods that made rows (-Dworkload): for each row its file and that file's SHA-256,
 * what in it the pod came from, who plays main and the sidecar (the timeline's "main" and "sidecar"), and how each
 * fault acted on it or why it did not apply. Read from results.json's catalog only; nothing when there is none.
 */
final class OwnPodsSection {

    private OwnPodsSection() {
    }

    static String render(Catalog catalog) {
        if (catalog.workloads().isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<section id=\"own-pods\"><h2>Your own pods</h2>")
                .append("<p class=\"small\">Each row <code>workload:&lt;file&gt;</code> ran that file's pod as written; the faults")
                .append(" acted from outside its containers. On its timeline the container that plays main is <i>main</i>")
                .append(" and the one the sidecar faults aim at is <i>sidecar</i>.</p>");
        for (CatalogWorkload w : catalog.workloads()) {
            html.append("<details><summary><code>").append(Html.escape(w.id())).append("</code>: ")
                    .append(Html.escape(w.roles())).append("</summary><table class=\"small\">")
                    .append(row("file", w.file())).append(row("SHA-256", w.sha256())).append(row("pod from", w.source()));
            for (Map.Entry<String, String> f : w.faults().entrySet()) {
                html.append(row(f.getKey(), f.getValue()));
            }
            html.append("</table></details>");
        }
        return html.append("</section>\n").toString();
    }

    private static String row(String what, String value) {
        return "<tr><th>" + Html.escape(what) + "</th><td>" + Html.escape(value == null ? "" : value) + "</td></tr>";
    }
}
