package io.sidecarconformance.settings;

import java.util.List;
import java.util.Map;

/** The Markdown table of docs/settings.md, one sub-table per group, rendered from the properties' declarations. */
public final class SettingsTable {

    public static final String BEGIN = "<!-- settings table: generated from the declarations, do not edit by hand -->";
    public static final String END = "<!-- settings table: end -->";

    private SettingsTable() {
    }

    /** The table between its two markers, markers included. */
    public static String render(Map<String, List<Property>> groups) {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        groups.forEach((group, properties) -> {
            out.append("\n### ").append(group).append("\n\n");
            out.append("| property | default | accepts | what it does |\n| --- | --- | --- | --- |\n");
            for (Property p : properties) {
                out.append("| `").append(p.name()).append("` | ").append(cell(p.defaultText())).append(" | ")
                        .append(cell(p.accepts())).append(" | ").append(cell(p.meaning())).append(" |\n");
            }
        });
        return out.append('\n').append(END).toString();
    }

    /** The document with its table replaced by a fresh one. */
    public static String replaceIn(String document, Map<String, List<Property>> groups) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no settings table markers (" + BEGIN + " ... " + END + ") in the document");
        }
        return document.substring(0, begin) + render(groups) + document.substring(end + END.length());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
