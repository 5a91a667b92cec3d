package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The grid folded for the question "which pattern, for my sidecar, on my version, under the faults I fear": one row
 * per sidecar kind and pattern, one column per fault, and in each of those one spot per cluster. A spot gathers the
 * pattern's variants: each variant counts once, with the outcome its cell shows, in its form ({@link CellRuns#shownForm()},
 * so a DROPPED variant says what the Job did then); the spot
 * is unstable when any variant's cell is. Computed from the verdicts only.
 */
final class Summary {

    /** One row: a sidecar kind and a pattern. */
    record Row(String sidecar, String pattern) {
    }

    /**
     * What one pattern did under one fault on one cluster, over its variants.
     *
     * @param byVariant each variant that has a cell there, with the outcome (form) its cell shows, in variant order
     * @param unstable  the variants whose cell is unstable
     */
    record Spot(Map<String, OutcomeForm> byVariant, List<String> unstable) {

        /** How many variants had each outcome (form), most first (ties: worse first). */
        Map<OutcomeForm, Integer> counts() {
            Map<OutcomeForm, Integer> counts = new EnumMap<>(OutcomeForm.class);
            byVariant.values().forEach(o -> counts.merge(o, 1, Integer::sum));
            Map<OutcomeForm, Integer> ordered = new LinkedHashMap<>();
            counts.entrySet().stream()
                    .sorted(java.util.Comparator.<Map.Entry<OutcomeForm, Integer>>comparingInt(e -> -e.getValue())
                            .thenComparingInt(e -> CellRuns.WORST_FIRST.indexOf(e.getKey())))
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            return ordered;
        }

        /** "SUCCEEDED" when every variant did; "SUCCEEDED 2, FAILED 1" otherwise. */
        String words() {
            Map<OutcomeForm, Integer> counts = counts();
            if (counts.size() == 1) {
                return OutcomeLook.label(counts.keySet().iterator().next());
            }
            return counts.entrySet().stream().map(e -> OutcomeLook.label(e.getKey()) + " " + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        /** Each outcome with the variants that had it: "SUCCEEDED: exec, shell; FAILED: exec+probe". */
        String detail() {
            StringBuilder text = new StringBuilder();
            for (OutcomeForm form : counts().keySet()) {
                List<String> variants = byVariant.entrySet().stream().filter(e -> e.getValue() == form)
                        .map(Map.Entry::getKey).toList();
                text.append(text.length() == 0 ? "" : "; ").append(OutcomeLook.label(form)).append(": ")
                        .append(String.join(", ", variants));
            }
            if (!unstable.isEmpty()) {
                text.append("; unstable: ").append(String.join(", ", unstable));
            }
            return text.toString();
        }
    }

    private final List<Row> rows;
    private final List<String> faults;
    private final List<String> clusters;
    private final Map<Row, Map<String, Map<String, Spot>>> spots;

    private Summary(List<Row> rows, List<String> faults, List<String> clusters, Map<Row, Map<String, Map<String, Spot>>> spots) {
        this.rows = rows;
        this.faults = faults;
        this.clusters = clusters;
        this.spots = spots;
    }

    static Summary of(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        Map<Row, Map<String, Map<String, Map<String, OutcomeForm>>>> outcomes = new LinkedHashMap<>();
        Map<Row, Map<String, Map<String, List<String>>>> unstable = new LinkedHashMap<>();
        TreeSet<Row> rows = new TreeSet<>(java.util.Comparator.comparing(Row::sidecar).thenComparing(Row::pattern));
        for (GridLayout.Row gridRow : grid.rows()) {
            Row row = new Row(gridRow.sidecar(), gridRow.pattern());
            rows.add(row);
            for (GridLayout.Column column : grid.columns()) {
                grid.cellAt(gridRow, column).ifPresent(cell -> {
                    outcomes.computeIfAbsent(row, r -> new LinkedHashMap<>())
                            .computeIfAbsent(column.fault(), f -> new LinkedHashMap<>())
                            .computeIfAbsent(column.cluster(), c -> new LinkedHashMap<>())
                            .put(gridRow.variant(), cell.shownForm());
                    List<String> shaky = unstable.computeIfAbsent(row, r -> new LinkedHashMap<>())
                            .computeIfAbsent(column.fault(), f -> new LinkedHashMap<>())
                            .computeIfAbsent(column.cluster(), c -> new ArrayList<>());
                    if (cell.unstable()) {
                        shaky.add(gridRow.variant());
                    }
                });
            }
        }
        Map<Row, Map<String, Map<String, Spot>>> spots = new LinkedHashMap<>();
        outcomes.forEach((row, byFault) -> byFault.forEach((fault, byCluster) -> byCluster.forEach((cluster, variants) ->
                spots.computeIfAbsent(row, r -> new LinkedHashMap<>()).computeIfAbsent(fault, f -> new LinkedHashMap<>())
                        .put(cluster, new Spot(variants, unstable.get(row).get(fault).get(cluster))))));
        return new Summary(List.copyOf(rows), grid.faults(), grid.clusters(), spots);
    }

    /** Sidecar kind first (the question starts from the sidecar one has), then pattern. */
    List<Row> rows() {
        return rows;
    }

    List<String> faults() {
        return faults;
    }

    List<String> clusters() {
        return clusters;
    }

    /** What the row's pattern did under the fault on the cluster, or null when none of its variants ran there. */
    Spot at(Row row, String fault, String cluster) {
        return spots.getOrDefault(row, Map.of()).getOrDefault(fault, Map.of()).get(cluster);
    }

    /** Whether any variant of the row ran under the fault on any cluster. */
    boolean ran(Row row, String fault) {
        return spots.getOrDefault(row, Map.of()).containsKey(fault);
    }
}
