package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;

import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where each record sits in the compatibility grid: rows are pattern / sidecar / variant, columns fault x cluster.
 * The page draws it a fault at a time ({@link #rowsUnder}): one column per cluster, the rows run under that fault. A cell
 * holds every run of it ({@link CellRuns}).
 */
final class GridLayout {

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
    private final Map<ScenarioKey, CellRuns> cells;

    private GridLayout(List<Row> rows, List<String> faults, List<String> clusters, Map<ScenarioKey, CellRuns> cells) {
        this.rows = rows;
        this.faults = faults;
        this.clusters = clusters;
        this.cells = cells;
    }

    static GridLayout of(SuiteResults run) {
        Set<Row> rows = new TreeSet<>(Comparator.comparing(Row::pattern)
                .thenComparing(Row::sidecar).thenComparing(Row::variant));
        Set<String> faultsSeen = new TreeSet<>();
        Set<String> clustersSeen = new TreeSet<>();
        for (ScenarioResult result : run.results()) {
            ScenarioKey key = result.key();
            rows.add(new Row(key.pattern(), key.sidecar(), key.variant()));
            faultsSeen.add(key.fault());
            clustersSeen.add(key.cluster());
        }
        Map<ScenarioKey, CellRuns> cells = CellRuns.byKey(run.results());
        return new GridLayout(List.copyOf(rows), orderFaults(run.catalog().faultIds(), faultsSeen), orderClusters(run, clustersSeen), cells);
    }

    /**
     * Faults in the order a reader compares them, as the run's catalog lists them (baseline first, then faults on the
     * sidecar, on main, on the pod), then faults it does not list alphabetically.
     */
    static List<String> orderFaults(List<String> readingOrder, Set<String> faultsSeen) {
        List<String> ordered = new ArrayList<>();
        readingOrder.stream().filter(faultsSeen::contains).forEach(ordered::add);
        new TreeSet<>(faultsSeen).stream().filter(f -> !readingOrder.contains(f)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** The run's clusters in the order it lists them, then clusters only its records name, alphabetically. */
    private static List<String> orderClusters(SuiteResults run, Set<String> clustersSeen) {
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

    /** The rows run under the fault on at least one cluster, in row order. */
    List<Row> rowsUnder(String fault) {
        return rows.stream().filter(row -> clusters.stream().anyMatch(c -> cellAt(row, new Column(fault, c)).isPresent())).toList();
    }

    /** The runs of this cell, if any. */
    Optional<CellRuns> cellAt(Row row, Column column) {
        return Optional.ofNullable(cells.get(
                new ScenarioKey(column.cluster(), row.pattern(), row.sidecar(), row.variant(), column.fault())));
    }

    /** Index into {@link SuiteResults#results()} of the first run's record in this cell, if any. */
    Optional<Integer> recordAt(Row row, Column column) {
        return cellAt(row, column).map(c -> c.indices().get(0));
    }

    int filledCells() {
        return cells.size();
    }
}
