package io.sidecarconformance.report;

import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.EndOfPod;
import io.sidecarconformance.result.EndOfPodTable;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * "How the pod ended": for the normal ends ({@link EndOfPodTable#FAULTS}), one row per pattern / sidecar kind and one
 * column per version, each cell the sidecars' last state and the pod's last phase as the kubelet reported them, each
 * linking to its cell in {@link CellsInWords}. Above it one sentence, computed from the same records, on what a tool
 * should read at the end of a pod. Markup only: it reads without JavaScript.
 */
final class EndOfPodSection {

    private EndOfPodSection() {
    }

    /** One way a table cell's runs ended, with the variants and runs that ended so. */
    private record Ending(String text, Map<String, Integer> runsByVariant, Set<String> others, ScenarioKey first) {
    }

    static String render(SuiteResults run) {
        EndOfPodTable table = EndOfPodTable.of(run.results());
        Set<String> withRows = table.columns().stream().filter(c -> !c.rows().isEmpty())
                .map(EndOfPodTable.Column::cluster).collect(Collectors.toSet());
        List<String> all = GridLayout.of(run).clusters();
        List<String> clusters = all.stream().filter(withRows::contains).toList();
        if (clusters.isEmpty()) {
            return "";
        }
        Map<ScenarioKey, CellRuns> cells = CellRuns.byKey(run.results());
        StringBuilder html = new StringBuilder("<section id=\"end-of-pod\"><h2>How the pod ended</h2><p>")
                .append(Html.escape(sentence(table, clusters, all))).append("</p><p class=\"small\">")
                .append("Each cell: the sidecars' last state (exit code, reason, and in parentheses the signal the")
                .append(" container's own last line said it exited on) and the pod's last phase, as the kubelet last")
                .append(" reported them; \"then gone\": deleted from the API. A cell gathers the pattern's variants and")
                .append(" runs, and names them when they ended differently; its title has the other containers and each")
                .append(" container's last ready flag. The suite does not record the pod's conditions (Ready, ContainersReady, Initialized),")
                .append(" so the page does not show what kubectl's STATUS column would say: for a native sidecar it turns")
                .append(" on the Initialized condition. Runs that ended in ERROR are left out.");
        List<String> missing = all.stream().filter(c -> !withRows.contains(c)).map(c -> ClusterNames.shortName(c, all)).toList();
        if (!missing.isEmpty()) {
            html.append(" No such runs on ").append(Html.escape(String.join(", ", missing))).append('.');
        }
        html.append("</p><table class=\"small eop\"><thead><tr><th>pattern / sidecar</th>");
        clusters.forEach(c -> html.append("<th data-c=\"").append(Html.escape(c)).append("\">")
                .append(Html.escape(ClusterNames.shortName(c, all))).append("</th>"));
        html.append("</tr></thead>\n");
        for (String fault : table.faults()) {
            Map<List<String>, Map<String, List<EndOfPodTable.Row>>> rows = rowsOf(table, fault);
            if (rows.isEmpty()) {
                continue;
            }
            html.append("<tbody data-f=\"").append(Html.escape(fault)).append("\"><tr class=\"eop-f\"><th colspan=\"")
                    .append(clusters.size() + 1).append("\">").append(Glossary.link(Glossary.Term.FAULT, fault, fault))
                    .append(run.catalog().fault(fault).map(CatalogFault::label).filter(l -> !l.isBlank())
                            .map(l -> ": " + Html.escape(l)).orElse("")).append("</th></tr>\n");
            rows.forEach((patternAndSidecar, byCluster) -> {
                html.append("<tr><th>").append(Glossary.link(Glossary.Term.PATTERN, patternAndSidecar.get(0), patternAndSidecar.get(0)))
                        .append(" / ").append(Glossary.link(Glossary.Term.SIDECAR, patternAndSidecar.get(1), patternAndSidecar.get(1)))
                        .append("</th>");
                for (String cluster : clusters) {
                    html.append(cell(cluster, byCluster.getOrDefault(cluster, List.of()), cells));
                }
                html.append("</tr>\n");
            });
            html.append("</tbody>\n");
        }
        return html.append("</table></section>\n").toString();
    }

    /** Under one fault: pattern and sidecar -> cluster -> its variant rows, patterns and sidecars in table order. */
    private static Map<List<String>, Map<String, List<EndOfPodTable.Row>>> rowsOf(EndOfPodTable table, String fault) {
        Map<List<String>, Map<String, List<EndOfPodTable.Row>>> rows = new java.util.TreeMap<>(
                java.util.Comparator.<List<String>, String>comparing(l -> l.get(0)).thenComparing(l -> l.get(1)));
        for (EndOfPodTable.Column column : table.columns()) {
            for (EndOfPodTable.Row row : column.rows()) {
                if (row.fault().equals(fault)) {
                    rows.computeIfAbsent(List.of(row.pattern(), row.sidecar()), k -> new LinkedHashMap<>())
                            .computeIfAbsent(column.cluster(), c -> new ArrayList<>()).add(row);
                }
            }
        }
        return rows;
    }

    private static String cell(String cluster, List<EndOfPodTable.Row> rows, Map<ScenarioKey, CellRuns> cells) {
        if (rows.isEmpty()) {
            return "<td data-c=\"" + Html.escape(cluster) + "\">&ndash;</td>";
        }
        Map<String, Ending> endings = new LinkedHashMap<>();
        int runs = 0;
        for (EndOfPodTable.Row row : rows) {
            runs += row.runs();
            for (EndOfPodTable.Observed o : row.observed()) {
                String text = shortWords(o.endOfPod());
                Ending e = endings.computeIfAbsent(text, t -> new Ending(t, new LinkedHashMap<>(), new LinkedHashSet<>(),
                        row.key(cluster)));
                e.runsByVariant().merge(row.variant(), o.repeats().size(), Integer::sum);
                e.others().add(otherWords(o.endOfPod()));
            }
        }
        StringBuilder title = new StringBuilder();
        StringBuilder html = new StringBuilder();
        int total = runs;
        for (Ending e : endings.values()) {
            int n = e.runsByVariant().values().stream().mapToInt(Integer::intValue).sum();
            String variants = e.runsByVariant().keySet().stream().map(v -> v + runsOf(v, e, rows))
                    .collect(Collectors.joining(", "));
            title.append(title.length() == 0 ? "" : "\n").append(variants).append(" (").append(n).append(" of ").append(total)
                    .append(" runs): ").append(String.join(", or ", e.others()));
            html.append(html.length() == 0 ? "" : "<br>").append("<a href=\"")
                    .append(Html.escape(CellsInWords.href(cells.get(e.first()).indices().get(0), cluster))).append("\">")
                    .append(Html.escape(e.text())).append("</a>");
            if (endings.size() > 1) {
                html.append(" <span class=\"eop-v\">").append(Html.escape(variants)).append("</span>");
            }
        }
        return "<td data-c=\"" + Html.escape(cluster) + "\" title=\"" + Html.escape(title.toString()) + "\">" + html + "</td>";
    }

    /** " 2/3": the runs of that variant that ended so, of its runs; "" when all of them did. */
    private static String runsOf(String variant, Ending e, List<EndOfPodTable.Row> rows) {
        int of = rows.stream().filter(r -> r.variant().equals(variant)).mapToInt(EndOfPodTable.Row::runs).sum();
        int so = e.runsByVariant().get(variant);
        return so == of ? "" : " " + so + "/" + of;
    }

    /** The sidecars (alike ones together), then the pod: "sidecar exit 143 Error (SIGTERM) · pod Succeeded". */
    static String shortWords(EndOfPod end) {
        Map<String, List<String>> sidecars = new LinkedHashMap<>();
        end.containers().forEach((name, c) -> {
            if (isSidecar(name)) {
                sidecars.computeIfAbsent(words(c), w -> new ArrayList<>()).add(name);
            }
        });
        List<String> parts = new ArrayList<>();
        sidecars.forEach((w, names) -> parts.add(String.join(", ", names) + " " + w));
        parts.add(pod(end));
        return String.join(" · ", parts);
    }

    /** What the cell's text leaves out: the other containers, and which containers were last reported ready. */
    static String otherWords(EndOfPod end) {
        List<String> parts = new ArrayList<>();
        Set<String> ready = new TreeSet<>();
        end.containers().forEach((name, c) -> {
            if (!isSidecar(name)) {
                parts.add(name + " " + words(c));
            }
            if (Boolean.TRUE.equals(c.ready())) {
                ready.add(name);
            }
        });
        if (end.containers().isEmpty()) {
            return "no container reported";
        }
        return String.join(" · ", parts) + (parts.isEmpty() ? "" : "; ") + "ready at the end: "
                + (ready.isEmpty() ? "none" : String.join(", ", ready));
    }

    /** The timeline names our sidecars, and the container playing the sidecar in a user's pod, after the role. */
    static boolean isSidecar(String container) {
        return container.equals("sidecar") || container.matches("sidecar-\\d+");
    }

    /** "exit 143 Error (SIGTERM)", "still running", "waiting (CrashLoopBackOff), last exit 1 Error". */
    static String words(EndOfPod.ContainerEnd c) {
        String exit = c.exitCode() == null ? "" : "exit " + c.exitCode() + (c.reason() == null ? "" : " " + c.reason())
                + (c.signal() == null ? "" : " (" + c.signal() + ")");
        if (c.state() == null) {
            return "no state reported";
        }
        String state = switch (c.state()) {
            case TERMINATED -> exit;
            case RUNNING -> "still running" + (exit.isEmpty() ? "" : ", last " + exit);
            case WAITING -> "waiting" + (c.waiting() == null ? "" : " (" + c.waiting() + ")") + (exit.isEmpty() ? "" : ", last " + exit);
        };
        return state + (c.restarts() > 0 ? ", " + c.restarts() + (c.restarts() == 1 ? " restart" : " restarts") : "");
    }

    static String pod(EndOfPod end) {
        if (end.podPhase() == null) {
            return end.podGone() ? "pod gone" : "no pod";
        }
        return "pod " + end.podPhase() + (end.podReason() == null ? "" : " (" + end.podReason() + ")")
                + (end.podGone() ? ", then gone" : "");
    }

    /**
     * What a tool should read, from the records alone: among the runs whose pod ended Succeeded, those in which a
     * sidecar's last exit was not 0, how they ended, and whether main exited 0 in all of them.
     */
    static String sentence(EndOfPodTable table, List<String> clusters, List<String> all) {
        int succeeded = 0;
        int nonZero = 0;
        boolean mainZero = true;
        Set<String> endings = new LinkedHashSet<>();
        Set<String> patterns = new LinkedHashSet<>();
        Set<String> versions = new LinkedHashSet<>();
        for (String cluster : clusters) {
            for (EndOfPodTable.Column column : table.columns()) {
                if (!column.cluster().equals(cluster)) {
                    continue;
                }
                for (EndOfPodTable.Row row : column.rows()) {
                    for (EndOfPodTable.Observed o : row.observed()) {
                        EndOfPod end = o.endOfPod();
                        if (!"Succeeded".equals(end.podPhase())) {
                            continue;
                        }
                        succeeded += o.repeats().size();
                        List<EndOfPod.ContainerEnd> failed = end.containers().entrySet().stream()
                                .filter(c -> isSidecar(c.getKey()) && c.getValue().state() == EndOfPod.State.TERMINATED
                                        && c.getValue().exitCode() != null && c.getValue().exitCode() != 0)
                                .map(Map.Entry::getValue).toList();
                        if (failed.isEmpty()) {
                            continue;
                        }
                        nonZero += o.repeats().size();
                        failed.forEach(c -> endings.add(words(c)));
                        patterns.add(row.pattern());
                        versions.add(ClusterNames.shortName(cluster, all));
                        EndOfPod.ContainerEnd main = end.containers().get("main");
                        mainZero &= main != null && main.state() == EndOfPod.State.TERMINATED
                                && Integer.valueOf(0).equals(main.exitCode());
                    }
                }
            }
        }
        if (succeeded == 0) {
            return "No run here ended with its pod Succeeded, so this table shows no normal end of a successful pod to read.";
        }
        if (nonZero == 0) {
            return "In all " + succeeded + " runs here whose pod ended Succeeded, every sidecar's last exit was 0: none"
                    + " of them shows a sidecar exit that a tool could misread as a failure.";
        }
        List<String> shown = clusters.stream().map(c -> ClusterNames.shortName(c, all)).toList();
        List<String> without = shown.stream().filter(v -> !versions.contains(v)).toList();
        String where = without.isEmpty() ? (shown.size() == 1 ? "on " + shown.get(0) : "seen on every version here")
                : versions.size() <= without.size() ? "on " + String.join(", ", versions)
                : "seen on every version here but " + String.join(", ", without);
        return "What a tool should read: in " + nonZero + " of the " + succeeded + " runs here whose pod ended Succeeded"
                + " (patterns " + String.join(", ", patterns) + "; " + where + "), a sidecar's last state was "
                + String.join(" or ", endings) + (mainZero ? " while main exited 0" : "") + ", so a sidecar's non-zero"
                + " exit is how such a successful pod normally ends: judge the pod by its phase"
                + (mainZero ? " and main's exit" : "") + ", not by a sidecar's exit code.";
    }
}
