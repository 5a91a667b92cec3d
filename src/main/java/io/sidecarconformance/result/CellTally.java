package io.sidecarconformance.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One grid cell's runs counted: how many runs it had, how many ended in each outcome, and in how many of them each
 * finding kind was seen. results.json carries one per cell ("cells"), so that a reader can tell a finding every run
 * shows from one that comes and goes with timing, without grouping the runs itself. Derived from the records; never
 * read back.
 *
 * @param key      the cell
 * @param runs     how many runs (records) it has
 * @param outcomes outcome name -> runs that ended so
 * @param findings finding kind -> runs in which it was seen (a kind seen twice in one run counts once)
 */
public record CellTally(ScenarioKey key, int runs, Map<String, Integer> outcomes, Map<String, Integer> findings) {

    /** One tally per cell, in the order the cells first appear. */
    public static List<CellTally> of(List<ScenarioResult> results) {
        Map<ScenarioKey, List<ScenarioResult>> byCell = new LinkedHashMap<>();
        for (ScenarioResult r : results) {
            byCell.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
        List<CellTally> out = new ArrayList<>();
        byCell.forEach((key, runs) -> {
            Map<String, Integer> outcomes = new TreeMap<>();
            Map<String, Integer> findings = new TreeMap<>();
            for (ScenarioResult r : runs) {
                outcomes.merge(r.outcome().name(), 1, Integer::sum);
                r.findings().stream().map(f -> f.kind().name()).distinct().forEach(k -> findings.merge(k, 1, Integer::sum));
            }
            out.add(new CellTally(key, runs.size(), outcomes, findings));
        });
        return out;
    }
}
