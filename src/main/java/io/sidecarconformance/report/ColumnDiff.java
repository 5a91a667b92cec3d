package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What changes from one cluster's column to another's ("upgrade from 1.31 to 1.35") as the text
 * {@code MergeReports --compare} writes: the cells that differ stably, then those that differ in some runs only, one line
 * each, {@code pattern | sidecar | variant | fault: what changed}, with the upstream causes notes name. The rule is
 * {@link Upgrade}'s, the page's upgrade view's.
 */
final class ColumnDiff {

    private ColumnDiff() {
    }

    /** The lines of the cells that differ stably, then of those that differ with timing (a cell may be in both). */
    static List<String> between(SuiteResults run, String from, String to) {
        Upgrade.Comparison comparison = Upgrade.between(run, from, to);
        return java.util.stream.Stream.concat(
                comparison.stable().stream().map(d -> "stable: " + line(d, d.stable())),
                comparison.timing().stream().map(d -> "timing: " + line(d, d.timing()))).toList();
    }

    /** The text MergeReports --compare writes: a heading line, then the stable lines, then the timing-dependent ones. */
    static String text(SuiteResults run, String from, String to) {
        Upgrade.Comparison c = Upgrade.between(run, from, to);
        StringBuilder text = new StringBuilder("From ").append(from).append(" to ").append(to).append(": ")
                .append(cells(c.stable().size())).append(c.stable().size() == 1 ? " differs" : " differ").append(" stably, ").append(c.timing().size())
                .append(" in some runs only, of ").append(c.compared()).append(" compared");
        if (!c.oneSided().isEmpty()) {
            text.append("; ").append(cells(c.oneSided().size())).append(" ran on only one of the two");
        }
        text.append("\n");
        if (!c.stable().isEmpty()) {
            text.append("Stable (seen in every run on one column, in none on the other):\n");
            c.stable().forEach(d -> text.append(line(d, d.stable())).append("\n"));
        }
        if (!c.timing().isEmpty()) {
            text.append("Timing-dependent (seen in some runs only):\n");
            c.timing().forEach(d -> text.append(line(d, d.timing())).append("\n"));
        }
        if (!c.oneSided().isEmpty()) {
            text.append("Ran on only one of the two (not compared):\n");
            c.oneSided().forEach(o -> text.append(String.join(" | ", o.row().pattern(), o.row().sidecar(), o.row().variant(),
                    o.fault())).append(": only on ").append(o.column()).append("\n"));
        }
        return text.toString();
    }

    /** "compare-local-1.31-local-1.35.txt". */
    static String fileName(String from, String to) {
        return "compare-" + (from + "-" + to).replaceAll("[^A-Za-z0-9.-]+", "-") + ".txt";
    }

    /** "native | light | exec+probe | burstable-oom-scores: oom_score_adj of sidecar: 998 -> 916 (cause: ...)". */
    static String line(Upgrade.Difference d, List<Upgrade.Change> changes) {
        String causes = d.causes(changes).stream().map(c -> String.join(", ", c.refs()) + ", in the note on " + c.column())
                .collect(Collectors.joining("; "));
        return String.join(" | ", d.row().pattern(), d.row().sidecar(), d.row().variant(), d.fault()) + ": "
                + changes.stream().map(change -> change.words("->")).collect(Collectors.joining("; "))
                + (causes.isEmpty() ? "" : " (cause: " + causes + ")");
    }

    private static String cells(int n) {
        return n + (n == 1 ? " cell" : " cells");
    }
}
