package io.sidecarconformance.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's measurements (a merged report: every run's, each named "runId/name"), folded. A measurement that states a
 * target ("11.5 (target &lt;= 3)") and misses it in every run that measured it is a benchmark of the suite itself, not a
 * statement about the cells: those are listed apart, folded, as such, so that they do not read as failures.
 */
final class Measurements {

    private static final Pattern TARGET = Pattern.compile("^\\s*([0-9.]+).*\\((?:target|goal) <= ([0-9.]+)");
    /** A merged report's "runId/name": a run id has no spaces. */
    private static final Pattern MERGED = Pattern.compile("^(\\S+?)/(.+)$");

    private Measurements() {
    }

    static String render(Map<String, String> measurements) {
        if (measurements.isEmpty()) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>(measurements);
        List<String> benchmarks = missedEverywhere(sorted);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> missed = new LinkedHashMap<>();
        sorted.forEach((key, value) -> (benchmarks.contains(name(key)) ? missed : plain).put(key, value));
        StringBuilder html = new StringBuilder();
        html.append(section("measurements", "Measurements (" + plain.size() + ")", plain, ""));
        html.append(section("benchmarks", "The suite's own benchmarks (" + missed.size() + ")", missed,
                "<p class=\"small\">Targets for the suite's speed that every run misses: " + Html.escape(String.join(", ", benchmarks))
                        + ". About the machine and the suite, not about any cell.</p>"));
        return html.toString();
    }

    private static String section(String id, String heading, Map<String, String> rows, String intro) {
        if (rows.isEmpty()) {
            return "";
        }
        // Folded when long, so the grid stays near the top of the page.
        StringBuilder html = new StringBuilder("<section><details").append(rows.size() <= 8 && intro.isEmpty() ? " open" : "")
                .append("><summary><h2 style=\"display:inline\">").append(Html.escape(heading)).append("</h2></summary>")
                .append(intro).append("<table class=\"small\" id=\"").append(id).append("\">");
        rows.forEach((key, value) -> html.append("<tr><th>").append(Html.escape(key)).append("</th><td>")
                .append(Html.escape(value)).append("</td></tr>"));
        return html.append("</table></details></section>\n").toString();
    }

    /** The names of the measurements with a target that every run measuring them misses. */
    static List<String> missedEverywhere(Map<String, String> measurements) {
        Map<String, Boolean> allMissed = new LinkedHashMap<>();
        measurements.forEach((key, value) -> {
            Matcher m = TARGET.matcher(value);
            boolean missed = m.find() && Double.parseDouble(m.group(1)) > Double.parseDouble(m.group(2));
            allMissed.merge(name(key), missed, Boolean::logicalAnd);
        });
        List<String> names = new ArrayList<>();
        allMissed.forEach((name, missed) -> {
            if (missed) {
                names.add(name);
            }
        });
        return names;
    }

    private static String name(String key) {
        Matcher m = MERGED.matcher(key);
        return m.matches() ? m.group(2) : key;
    }
}
