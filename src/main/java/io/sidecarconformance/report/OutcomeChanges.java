package io.sidecarconformance.report;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed between two runs, one line per cell: {@code cluster | pattern | sidecar | variant | fault: OLD -> NEW},
 * {@code -} for a cell that is new or gone, and the findings that came {@code (+...)} or went {@code (-...)}.
 * A cell whose outcome and finding kinds are the same is not listed: finding texts carry figures that move every night.
 * A cell run several times (-Drepeat) shows its distribution ({@code FAILED 2/3, SUCCEEDED 1/3}) and is listed when the
 * set of outcomes its runs had, or of finding kinds any run saw, changed ({@link CellRuns#signature()}, the rule the
 * compare view of two columns applies too): a count moving within the same set is noise.
 */
public final class OutcomeChanges {

    static final String FILE_NAME = "changes.txt";
    private static final String ABSENT = "-";

    private OutcomeChanges() {
    }

    /** A changed cell and its line. */
    record Change(ScenarioKey key, String line) {
    }

    /** The changed cells, sorted; empty when nothing changed. */
    public static List<String> between(SuiteResults previous, SuiteResults current) {
        return changes(previous, current).stream().map(Change::line).toList();
    }

    /** As {@link #between}, each line with its cell (the page marks each line with its version and fault). */
    static List<Change> changes(SuiteResults previous, SuiteResults current) {
        Map<ScenarioKey, CellRuns> before = CellRuns.byKey(previous.results());
        Map<ScenarioKey, CellRuns> after = CellRuns.byKey(current.results());
        Set<ScenarioKey> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (ScenarioKey key : keys) {
            CellRuns old = before.get(key);
            CellRuns now = after.get(key);
            if (old == null || now == null || !old.signature().equals(now.signature())) {
                String findings = old == null || now == null ? "" : findingChanges(old.findingKinds(), now.findingKinds());
                changes.add(new Change(key, cell(key) + ": " + name(old) + " -> " + name(now) + findings));
            }
        }
        changes.sort(Comparator.comparing(Change::line));
        return changes;
    }

    /** The text of changes.txt: the lines, or one line saying that nothing changed since the previous run. */
    public static String text(SuiteResults previous, SuiteResults current) {
        List<String> lines = between(previous, current);
        return lines.isEmpty()
                ? "No outcome changed since " + previous.runId() + ".\n"
                : String.join("\n", lines) + "\n";
    }

    private static String cell(ScenarioKey key) {
        return String.join(" | ", key.cluster(), key.pattern(), key.sidecar(), key.variant(), key.fault());
    }

    private static String name(CellRuns cell) {
        return cell == null ? ABSENT : cell.shortDistribution();
    }

    private static String findingChanges(Set<FindingKind> old, Set<FindingKind> now) {
        List<String> changes = new ArrayList<>();
        now.stream().filter(k -> !old.contains(k)).forEach(k -> changes.add("+" + words(k)));
        old.stream().filter(k -> !now.contains(k)).forEach(k -> changes.add("-" + words(k)));
        return changes.isEmpty() ? "" : changes.stream().collect(Collectors.joining(", ", " (", ")"));
    }

    /** RACE_AT_START -> "race at start", as the suite's result lines name findings. */
    static String words(FindingKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
