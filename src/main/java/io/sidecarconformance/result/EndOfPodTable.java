package io.sidecarconformance.result;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the pods of the normal ends ended, per column: for each pattern x sidecar x variant under the faults in
 * {@link #FAULTS} (the pod left to end on its own, and the pod deleted), what each run's {@link EndOfPod} was and
 * whether all runs agree. results.json carries it as "endOfPod", derived from the records' timelines when the file is
 * written (never read back into a run); verdict's RecomputeCheck reads it from the file and compares it with the
 * records' timelines read again. Runs that ended in ERROR are left out, as the grid leaves them out: the suite could
 * not observe them.
 *
 * @param faults  the faults it covers
 * @param columns one per cluster, in the order the records first name them
 */
public record EndOfPodTable(List<String> faults, List<Column> columns) {

    /**
     * The two normal ends of a pod that tools read (issue 27): nothing goes wrong, so the pod ends when main does; and
     * the pod is deleted while main works. Named here once: the other faults end the pod by a failure.
     */
    public static final List<String> FAULTS = List.of("none", "sigterm");

    /** @param cluster the column; @param rows its rows, by pattern, sidecar, variant, then fault in {@link #FAULTS}' order */
    public record Column(String cluster, List<Row> rows) {
        public Column {
            rows = List.copyOf(rows);
        }
    }

    /**
     * One cell.
     *
     * @param runs     how many of its runs are counted (ERROR left out)
     * @param agree    every counted run ended alike (one entry in observed)
     * @param observed each distinct ending, with the runs (repeat numbers) that ended so, in order of the first run
     */
    public record Row(String pattern, String sidecar, String variant, String fault, int runs, boolean agree,
                      List<Observed> observed) {
        public Row {
            observed = List.copyOf(observed);
        }

        public ScenarioKey key(String cluster) {
            return new ScenarioKey(cluster, pattern, sidecar, variant, fault);
        }
    }

    /** @param repeats the runs that ended so; @param endOfPod how */
    public record Observed(List<Integer> repeats, EndOfPod endOfPod) {
        public Observed {
            repeats = List.copyOf(repeats);
        }
    }

    public EndOfPodTable {
        faults = List.copyOf(faults);
        columns = List.copyOf(columns);
    }

    public static EndOfPodTable of(List<ScenarioResult> results) {
        Map<String, Map<ScenarioKey, List<ScenarioResult>>> byColumn = new LinkedHashMap<>();
        Comparator<ScenarioKey> rowOrder = Comparator.comparing(ScenarioKey::pattern).thenComparing(ScenarioKey::sidecar)
                .thenComparing(ScenarioKey::variant).thenComparing(k -> FAULTS.indexOf(k.fault()));
        for (ScenarioResult r : results) {
            if (!FAULTS.contains(r.key().fault()) || r.outcome() == Outcome.ERROR) {
                continue;
            }
            byColumn.computeIfAbsent(r.key().cluster(), c -> new TreeMap<>(rowOrder))
                    .computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
        List<Column> columns = new ArrayList<>();
        byColumn.forEach((cluster, cells) -> {
            List<Row> rows = new ArrayList<>();
            cells.forEach((key, runs) -> rows.add(row(key, runs)));
            columns.add(new Column(cluster, rows));
        });
        return new EndOfPodTable(FAULTS, columns);
    }

    private static Row row(ScenarioKey key, List<ScenarioResult> runs) {
        Map<EndOfPod, List<Integer>> seen = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparingInt(ScenarioResult::repeat))
                .forEach(r -> seen.computeIfAbsent(EndOfPod.of(r.timeline()), e -> new ArrayList<>()).add(r.repeat()));
        List<Observed> observed = new ArrayList<>();
        seen.forEach((end, repeats) -> observed.add(new Observed(repeats, end)));
        return new Row(key.pattern(), key.sidecar(), key.variant(), key.fault(), runs.size(), observed.size() == 1, observed);
    }

    /** Each counted run's ending, by cell and repeat number: what a check compares. */
    public Map<ScenarioKey, Map<Integer, EndOfPod>> byRun() {
        Map<ScenarioKey, Map<Integer, EndOfPod>> out = new LinkedHashMap<>();
        for (Column column : columns) {
            for (Row row : column.rows()) {
                Map<Integer, EndOfPod> runs = out.computeIfAbsent(row.key(column.cluster()), k -> new TreeMap<>());
                row.observed().forEach(o -> o.repeats().forEach(n -> runs.put(n, o.endOfPod())));
            }
        }
        return out;
    }
}
