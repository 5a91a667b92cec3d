package io.sidecarconformance.report;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words of the page, defined from results.json alone: each pattern, sidecar kind, variant part and fault with the
 * words its catalog entry carries, each column with what its cluster reported, and each outcome by a link to its rule
 * in the legend. Markup, so it reads without JavaScript; headers across the page link to its entries ({@link #link}).
 */
final class Glossary {

    /** What a glossary entry defines: the part of its anchor after "g-". */
    enum Term { PATTERN, SIDECAR, VARIANT, FAULT, OUTCOME, COLUMN }

    private Glossary() {
    }

    /** The anchor of an entry, e.g. "g-fault-sidecar-oom". */
    static String anchor(Term term, String id) {
        return "g-" + term.name().toLowerCase(java.util.Locale.ROOT) + "-" + id;
    }

    /** {@code text} (escaped) as a link to the entry of {@code id}. */
    static String link(Term term, String id, String text) {
        return "<a class=\"gl\" href=\"#" + Html.escape(anchor(term, id)) + "\">" + Html.escape(text) + "</a>";
    }

    /** A variant id ("exec+probe+tolerant") with each of its parts linked to its entry. */
    static String variantLinks(String variant) {
        StringBuilder html = new StringBuilder();
        for (String part : parts(variant)) {
            // A long variant may wrap before a part, so that the row names' column stays narrow.
            html.append(html.length() == 0 ? "" : "<wbr>").append(link(Term.VARIANT, part, part));
        }
        return html.toString();
    }

    /** "exec+probe" is made of "exec" and "+probe": the first part, then each "+" part. */
    static List<String> parts(String variant) {
        List<String> parts = new ArrayList<>();
        String[] split = variant.split("(?=\\+)");
        for (String part : split) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    static String render(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        StringBuilder html = new StringBuilder("<section id=\"glossary\"><h2>Words on this page</h2><p class=\"small\">")
                .append("From results.json: the catalog the suite wrote (patterns, sidecar kinds, variant parts, faults)")
                .append(" and what each cluster reported. Headers above and in the grid link here.</p><div class=\"gl-cols\">");
        Set<String> patterns = new LinkedHashSet<>();
        Set<String> sidecars = new LinkedHashSet<>();
        Set<String> variantParts = new LinkedHashSet<>();
        grid.rows().forEach(row -> {
            patterns.add(row.pattern());
            sidecars.add(row.sidecar());
            variantParts.addAll(parts(row.variant()));
        });
        html.append(entries("Patterns: how the sidecar runs beside main", Term.PATTERN, run.catalog().patterns(), patterns));
        html.append(entries("Sidecar kinds", Term.SIDECAR, run.catalog().sidecars(), sidecars));
        html.append(entries("Variant parts: a row's variant is made of them", Term.VARIANT, run.catalog().variants(), variantParts));
        html.append(faults(run, grid.faults()));
        html.append(outcomes());
        html.append(columns(run, grid.clusters()));
        return html.append("</div></section>\n").toString();
    }

    /** The catalog's entries the run used, in the catalog's order, then any it used without describing them. */
    private static String entries(String heading, Term term, List<CatalogEntry> catalog, Set<String> used) {
        StringBuilder html = new StringBuilder("<section><h3>").append(Html.escape(heading)).append("</h3><dl>");
        Set<String> left = new LinkedHashSet<>(used);
        for (CatalogEntry entry : catalog) {
            if (left.remove(entry.id())) {
                html.append(entry(term, entry.id(), entry.label()));
            }
        }
        // Not described: the grammar's order, first parts before "+" parts.
        left.stream().sorted(java.util.Comparator.comparing((String id) -> id.startsWith("+")).thenComparing(id -> id))
                .forEach(id -> html.append(entry(term, id, "")));
        return html.append("</dl></section>").toString();
    }

    private static String faults(SuiteResults run, List<String> used) {
        StringBuilder html = new StringBuilder("<section><h3>Faults: what goes wrong, and at what it is aimed</h3><dl>");
        for (String id : used) {
            Optional<CatalogFault> fault = run.catalog().fault(id);
            html.append(entry(Term.FAULT, id, fault.map(f -> f.label() + "; aimed at " + aim(f.aim())).orElse("")));
        }
        return html.append("</dl></section>").toString();
    }

    /** The legend defines each outcome (its rule as the code applies it): the glossary links there. */
    private static String outcomes() {
        StringBuilder html = new StringBuilder("<section><h3>Outcomes: what the Job ended as</h3><p class=\"small\">");
        for (Outcome outcome : Legend.RULE_ORDER) {
            html.append("<a href=\"#").append(anchor(Term.OUTCOME, outcome.name())).append("\">").append(outcome.name())
                    .append("</a> ");
        }
        return html.append("(each rule in the legend; ✓ ✗: <a href=\"#expected\">expected or not</a>)</p></section>").toString();
    }

    private static String columns(SuiteResults run, List<String> clusters) {
        StringBuilder html = new StringBuilder("<section><h3>Columns: one cluster each, as it reported itself</h3><dl>");
        for (String id : clusters) {
            Optional<ClusterInfo> cluster = run.clusters().stream().filter(c -> c.id().equals(id)).findFirst();
            html.append(entry(Term.COLUMN, id, cluster.map(c -> column(c, run.clusters(), clusters)).orElse(""),
                    ClusterNames.shortName(id, clusters)));
        }
        return html.append("</dl></section>").toString();
    }

    /** "local:1.28-sidecars: API server v1.28.15 (the same build as 1.28: ...); node: kubelet ..." */
    private static String column(ClusterInfo cluster, List<ClusterInfo> all, List<String> clusters) {
        StringBuilder text = new StringBuilder(cluster.id());
        if (cluster.serverVersion() == null) {
            return text.append(": the API server never answered").toString();
        }
        text.append(": API server ").append(cluster.serverVersion());
        List<String> twins = all.stream().filter(c -> !c.id().equals(cluster.id()))
                .filter(c -> cluster.serverVersion().equals(c.serverVersion()))
                .map(c -> ClusterNames.shortName(c.id(), clusters)).toList();
        if (!twins.isEmpty()) {
            text.append(" (the same build as ").append(String.join(", ", twins))
                    .append(": the columns differ in the cluster's settings, which the id names)");
        }
        if (!cluster.columnSettings().isEmpty()) {
            text.append("; started with ").append(cluster.columnSettings());
        }
        if (!cluster.nodeSummary().isEmpty()) {
            text.append("; node: ").append(cluster.nodeSummary());
        }
        return text.toString();
    }

    private static String aim(Aim aim) {
        return switch (aim) {
            case NONE -> "nothing (a baseline or a measure)";
            case SIDECAR -> "the sidecar";
            case MAIN -> "main";
            case POD -> "the whole pod, main included";
            case NODE -> "the node, every pod on it";
        };
    }

    private static String entry(Term term, String id, String words) {
        return entry(term, id, words, id);
    }

    private static String entry(Term term, String id, String words, String shown) {
        return "<dt id=\"" + Html.escape(anchor(term, id)) + "\"><code>" + Html.escape(shown) + "</code></dt><dd>"
                + (words.isBlank() ? "<i>not described in this results.json</i>" : Html.escape(words)) + "</dd>";
    }
}
