package io.sidecarconformance.report;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The runs of one grid cell (-Drepeat=N gives N records per cell, in repeat order) and what they add up to. Rules:
 * <ul>
 *   <li>the cell shows the outcome most of its runs had, ERROR runs left out (an infrastructure failure says nothing of
 *   the pattern); a tie goes to the worse outcome ({@link #WORST_FIRST}); a cell whose runs all ended in ERROR shows
 *   ERROR;</li>
 *   <li>a cell is <b>unstable</b> when its runs, ERROR left out, had more than one outcome.</li>
 * </ul>
 *
 * @param indices each run's index into the run's results, in repeat order
 * @param runs    each run's record, in the same order
 */
record CellRuns(List<Integer> indices, List<ScenarioResult> runs) {

    /** Tie-break between equally frequent outcomes: the one a reader must not miss comes first. */
    static final List<Outcome> WORST_FIRST = List.of(Outcome.STUCK, Outcome.FAILED, Outcome.FAILED_BY_FAULT,
            Outcome.DROPPED, Outcome.REJECTED, Outcome.NOT_APPLICABLE, Outcome.SUCCEEDED, Outcome.ERROR);

    /** The rule behind "unstable", as the legend states it. */
    static final String UNSTABLE_RULE = "more than one outcome among the cell's runs (runs that ended in ERROR are"
            + " not counted: an infrastructure failure says nothing of the pattern)";

    CellRuns {
        if (indices.isEmpty() || indices.size() != runs.size()) {
            throw new IllegalArgumentException("a cell needs one index per run and at least one run");
        }
        indices = List.copyOf(indices);
        runs = List.copyOf(runs);
    }

    /**
     * Every cell of a run's results, in the order of their first record, each with its runs in repeat order. Of two
     * records with the same run number the later wins, as in a merge.
     */
    static Map<ScenarioKey, CellRuns> byKey(List<ScenarioResult> results) {
        Map<ScenarioKey, TreeMap<Integer, Integer>> indexByRun = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            ScenarioResult result = results.get(i);
            indexByRun.computeIfAbsent(result.key(), k -> new TreeMap<>()).put(result.repeat(), i);
        }
        Map<ScenarioKey, CellRuns> cells = new LinkedHashMap<>();
        indexByRun.forEach((key, byRepeat) -> {
            List<Integer> indices = List.copyOf(byRepeat.values());
            cells.put(key, new CellRuns(indices, indices.stream().map(results::get).toList()));
        });
        return cells;
    }

    int count() {
        return runs.size();
    }

    /** How many runs ended in each outcome: most frequent first, ties worst first. */
    Map<Outcome, Integer> outcomeCounts() {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        runs.forEach(r -> counts.merge(r.outcome(), 1, Integer::sum));
        Map<Outcome, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Outcome, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparingInt(e -> WORST_FIRST.indexOf(e.getKey())))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The outcome the cell shows: the most frequent among runs that did not end in ERROR (see the class rules). */
    Outcome shown() {
        return outcomeCounts().keySet().stream().filter(Outcome::isPatternOutcome).findFirst().orElse(Outcome.ERROR);
    }

    /** How many runs ended in the outcome the cell shows. */
    int shownCount() {
        return outcomeCounts().get(shown());
    }

    boolean unstable() {
        return runs.stream().map(ScenarioResult::outcome).filter(Outcome::isPatternOutcome).distinct().count() > 1;
    }

    /** The first run that ended in the shown outcome: whose key figure and finding texts the grid cell shows. */
    ScenarioResult representative() {
        Outcome shown = shown();
        return runs.stream().filter(r -> r.outcome() == shown).findFirst().orElse(runs.get(0));
    }

    int representativeIndex() {
        return indices.get(runs.indexOf(representative()));
    }

    /** In how many runs each finding kind was seen, in the order the runs' findings first name them. */
    Map<FindingKind, Integer> findingCounts() {
        Map<FindingKind, Integer> counts = new LinkedHashMap<>();
        for (ScenarioResult r : runs) {
            r.findings().stream().map(Finding::kind).distinct().forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        return counts;
    }

    /** "FAILED" for one run; "FAILED 2/3, SUCCEEDED 1/3" for several: the short form changes.txt uses. */
    String shortDistribution() {
        if (count() == 1) {
            return runs.get(0).outcome().name();
        }
        return outcomeCounts().entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue() + "/" + count())
                .collect(Collectors.joining(", "));
    }

    /** "FAILED" for one run; "2 of 3: FAILED, 1 of 3: SUCCEEDED" for several. */
    String distribution() {
        if (count() == 1) {
            return runs.get(0).outcome().name();
        }
        return outcomeCounts().entrySet().stream()
                .map(e -> e.getValue() + " of " + count() + ": " + e.getKey().name())
                .collect(Collectors.joining(", "));
    }

    /**
     * What two cells must share to count as the same in a diff: the set of outcomes their runs had and the set of
     * finding kinds any run saw. Counts are left out: 2 of 3 against 1 of 3 is the same instability, not a change.
     */
    String signature() {
        Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        runs.forEach(r -> outcomes.add(r.outcome()));
        String findings = findingKinds().stream().map(Enum::name).collect(Collectors.joining(","));
        return outcomes.stream().map(Enum::name).collect(Collectors.joining(",")) + "|" + findings;
    }

    /** The finding kinds any run saw, in the enum's order. */
    Set<FindingKind> findingKinds() {
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        kinds.addAll(findingCounts().keySet());
        return kinds;
    }

    /** The note of the cell's runs, each distinct note once. */
    String note() {
        List<String> notes = new ArrayList<>();
        runs.stream().map(ScenarioResult::note).filter(n -> !n.isBlank()).distinct().forEach(notes::add);
        return String.join(" ", notes);
    }
}
