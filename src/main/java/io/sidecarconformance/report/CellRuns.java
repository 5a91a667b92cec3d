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
 * The runs of one grid cell (-Drepeat=N gives N records per cell, in repeat order) and what they add up to. A run counts
 * with the outcome in the form its cell would show ({@link OutcomeForm}: a DROPPED run by what the Job did after the
 * drop). Rules:
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
    static final List<OutcomeForm> WORST_FIRST = List.of(OutcomeForm.STUCK, OutcomeForm.TIMEOUT, OutcomeForm.FAILED,
            OutcomeForm.FAILED_BY_FAULT, OutcomeForm.DROPPED_HANGS, OutcomeForm.DROPPED_FAILS,
            OutcomeForm.DROPPED_COMPLETES, OutcomeForm.DROPPED, OutcomeForm.REJECTED, OutcomeForm.NOT_APPLICABLE,
            OutcomeForm.SUCCEEDED, OutcomeForm.ERROR);

    /** The rule behind "unstable", as the legend states it. */
    static final String UNSTABLE_RULE = "more than one outcome among the cell's runs (a DROPPED run counted by what"
            + " the Job did then: STUCK, FAILED or SUCCEEDED; runs that ended in ERROR are not counted: an infrastructure"
            + " failure says nothing of the pattern)";

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

    /** How many runs ended in each outcome, in the form a cell shows it: most frequent first, ties worst first. */
    Map<OutcomeForm, Integer> formCounts() {
        Map<OutcomeForm, Integer> counts = new EnumMap<>(OutcomeForm.class);
        runs.forEach(r -> counts.merge(OutcomeForm.of(r), 1, Integer::sum));
        Map<OutcomeForm, Integer> ordered = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<OutcomeForm, Integer>>comparingInt(e -> -e.getValue())
                        .thenComparingInt(e -> WORST_FIRST.indexOf(e.getKey())))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** The outcome the cell shows, in its form: the most frequent among runs that did not end in ERROR (class rules). */
    OutcomeForm shownForm() {
        return formCounts().keySet().stream().filter(OutcomeForm::isPatternForm).findFirst().orElse(OutcomeForm.ERROR);
    }

    /** The outcome the cell shows. */
    Outcome shown() {
        return shownForm().outcome();
    }

    /** How many runs ended in the outcome, in the form, the cell shows. */
    int shownCount() {
        return formCounts().get(shownForm());
    }

    boolean unstable() {
        return runs.stream().map(OutcomeForm::of).filter(OutcomeForm::isPatternForm).distinct().count() > 1;
    }

    /** The first run that ended in the shown outcome and form: whose key figure and finding texts the grid cell shows. */
    ScenarioResult representative() {
        OutcomeForm shown = shownForm();
        return runs.stream().filter(r -> OutcomeForm.of(r) == shown).findFirst().orElse(runs.get(0));
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

    /**
     * "FAILED" for one run; "FAILED 2/3, SUCCEEDED 1/3" for several: the short form changes.txt uses. A DROPPED form
     * that knows what followed is named by its label ("DROPPED then STUCK").
     */
    String shortDistribution() {
        if (count() == 1) {
            return OutcomeLook.label(OutcomeForm.of(runs.get(0)));
        }
        return formCounts().entrySet().stream().map(e -> OutcomeLook.label(e.getKey()) + " " + e.getValue() + "/" + count())
                .collect(Collectors.joining(", "));
    }

    /** "FAILED" for one run; "2 of 3: FAILED, 1 of 3: SUCCEEDED" for several. */
    String distribution() {
        if (count() == 1) {
            return OutcomeLook.label(OutcomeForm.of(runs.get(0)));
        }
        return formCounts().entrySet().stream()
                .map(e -> e.getValue() + " of " + count() + ": " + OutcomeLook.label(e.getKey()))
                .collect(Collectors.joining(", "));
    }

    /**
     * What two cells must share to count as the same in a diff: the set of outcomes (in their forms) their runs had and
     * the set of finding kinds any run saw. Counts are left out: 2 of 3 against 1 of 3 is the same instability, not a
     * change.
     */
    String signature() {
        Set<OutcomeForm> forms = EnumSet.noneOf(OutcomeForm.class);
        runs.forEach(r -> forms.add(OutcomeForm.of(r)));
        String findings = findingKinds().stream().map(Enum::name).collect(Collectors.joining(","));
        return forms.stream().map(Enum::name).collect(Collectors.joining(",")) + "|" + findings;
    }

    /** The finding kinds any run saw, in the enum's order. */
    Set<FindingKind> findingKinds() {
        Set<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        kinds.addAll(findingCounts().keySet());
        return kinds;
    }

    /** The note of the cell's runs, each distinct note once. */
    String note() {
        return String.join(CellNotes.SEPARATOR, notes());
    }

    /** Each note of the cell's runs once, in the order they first carry them (a run's are {@link CellNotes#SEPARATOR} apart). */
    List<String> notes() {
        List<String> notes = new ArrayList<>();
        runs.stream().flatMap(r -> java.util.Arrays.stream(r.note().split(CellNotes.SEPARATOR))).map(String::strip)
                .filter(n -> !n.isEmpty()).distinct().forEach(notes::add);
        return notes;
    }
}
