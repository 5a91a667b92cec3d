package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What changes from one cluster's column to another's ("upgrade from 1.31 to 1.35"): every row and fault whose cells
 * differ, one line each, {@code pattern | sidecar | variant | fault: FROM -> TO}, {@code -} for a cell one of them did
 * not run. Two cells differ when their {@link CellRuns#signature()}s do (the set of outcomes of their runs, or of
 * finding kinds any run saw); the page's compare view applies the same rule to the same signatures.
 */
final class ColumnDiff {

    private static final String ABSENT = "-";

    private ColumnDiff() {
    }

    static List<String> between(SuiteResults run, String from, String to) {
        GridLayout grid = GridLayout.of(run);
        List<String> lines = new ArrayList<>();
        for (GridLayout.Row row : grid.rows()) {
            for (String fault : grid.faults()) {
                Optional<CellRuns> before = grid.cellAt(row, new GridLayout.Column(fault, from));
                Optional<CellRuns> after = grid.cellAt(row, new GridLayout.Column(fault, to));
                if (!signature(before).equals(signature(after))) {
                    lines.add(String.join(" | ", row.pattern(), row.sidecar(), row.variant(), fault) + ": "
                            + words(before) + " -> " + words(after));
                }
            }
        }
        return lines;
    }

    /** The text MergeReports --compare writes: a heading line, then the lines (or that nothing differs). */
    static String text(SuiteResults run, String from, String to) {
        List<String> lines = between(run, from, to);
        String heading = "From " + from + " to " + to + ": " + lines.size() + " cell" + (lines.size() == 1 ? "" : "s")
                + " differ\n";
        return heading + (lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
    }

    /** "compare-local-1.31-local-1.35.txt". */
    static String fileName(String from, String to) {
        return "compare-" + (from + "-" + to).replaceAll("[^A-Za-z0-9.-]+", "-") + ".txt";
    }

    private static String signature(Optional<CellRuns> cell) {
        return cell.map(CellRuns::signature).orElse("");
    }

    private static String words(Optional<CellRuns> cell) {
        return cell.map(c -> c.shortDistribution() + findings(c)).orElse(ABSENT);
    }

    private static String findings(CellRuns cell) {
        List<String> kinds = cell.findingCounts().keySet().stream().map(OutcomeChanges::words).sorted().toList();
        return kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")";
    }
}
