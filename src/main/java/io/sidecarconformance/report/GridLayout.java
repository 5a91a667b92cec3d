package io.sidecarconformance.report;

import io.sidecarconformance.result.RunResults;

import io.sidecarconformance.result.ScenarioKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each record sits in the compatibility grid: rows are pattern / sidecar / variant, columns fault x cluster.
 * Columns are every fault seen times every cluster, so a cell nobody ran shows as a gap rather than vanishing.
 */
final class GridLayout {

    /** Faults in the order a reader compares them: baseline first, then faults on the sidecar, on main, on the pod. */
    static final List<String> FAULT_ORDER =
            List.of("none", "sidecar-oom", "sidecar-early-crash", "sidecar-crashloop", "main-oom", "delayed-sidecar", "sigterm", "sigterm-slow-main",
                    "sigkill-main", "delete-during-init", "kubelet-restart", "burstable-oom-scores");

    record Row(String pattern, String sidecar, String variant) {
        String name() {
            return pattern + " / " + sidecar + " / " + variant;
        }
    }

    record Column(String fault, String cluster) {
    }

    private final List<Row> rows;
    private final List<String> faults;
    private final List<String> clusters;
    private final Map<ScenarioKey, Integer> indexByKey;

    private GridLayout(List<Row> rows, List<String> faults, List<String> clusters, Map<ScenarioKey, Integer> indexByKey) {
        this.rows = rows;
        this.faults = faults;
        this.clusters = clusters;
        this.indexByKey = indexByKey;
    }

    static GridLayout of(RunResults run) {
        Set<Row> rows = new TreeSet<>(Comparator.comparing(Row::pattern)
                .thenComparing(Row::sidecar).thenComparing(Row::variant));
        Set<String> faultsSeen = new TreeSet<>();
        Set<String> clustersSeen = new TreeSet<>();
        // Later records win, as in a merge; a run should not hold two records for one cell anyway.
        Map<ScenarioKey, Integer> indexByKey = new HashMap<>();
        for (int i = 0; i < run.results().size(); i++) {
            ScenarioKey key = run.results().get(i).key();
            rows.add(new Row(key.pattern(), key.sidecar(), key.variant()));
            faultsSeen.add(key.fault());
            clustersSeen.add(key.cluster());
            indexByKey.put(key, i);
        }
        return new GridLayout(List.copyOf(rows), orderFaults(faultsSeen), orderClusters(run, clustersSeen), indexByKey);
    }

    /** Known faults in {@link #FAULT_ORDER}, then the others alphabetically. */
    static List<String> orderFaults(Set<String> faultsSeen) {
        List<String> ordered = new ArrayList<>();
        FAULT_ORDER.stream().filter(faultsSeen::contains).forEach(ordered::add);
        new TreeSet<>(faultsSeen).stream().filter(f -> !FAULT_ORDER.contains(f)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** The run's clusters in the order it lists them, then clusters only its records name, alphabetically. */
    private static List<String> orderClusters(RunResults run, Set<String> clustersSeen) {
        Set<String> ordered = new LinkedHashSet<>();
        run.clusters().forEach(c -> ordered.add(c.id()));
        ordered.addAll(new TreeSet<>(clustersSeen));
        return List.copyOf(ordered);
    }

    List<Row> rows() {
        return rows;
    }

    List<String> faults() {
        return faults;
    }

    List<String> clusters() {
        return clusters;
    }

    List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        for (String fault : faults) {
            for (String cluster : clusters) {
                columns.add(new Column(fault, cluster));
            }
        }
        return columns;
    }

    /** Index into {@link RunResults#results()} of the record in this cell, if any. */
    Optional<Integer> recordAt(Row row, Column column) {
        return Optional.ofNullable(indexByKey.get(
                new ScenarioKey(column.cluster(), row.pattern(), row.sidecar(), row.variant(), column.fault())));
    }

    int filledCells() {
        return indexByKey.size();
    }
}
