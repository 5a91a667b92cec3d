package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ClusterInfo;

import io.sidecarconformance.result.ScenarioKey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the results.json of several runs (one per nightly cell) into one grid. Clusters are the union in input
 * order; catalogs the union (each entry in its place, the first input's data standing, with a warning when a later
 * input says otherwise); measurements are prefixed with their run's id; every run (repeat) of a cell is kept, and when
 * two inputs hold the same run of the same cell the later wins, with a warning. An expected cluster that has no record
 * at all gets a column of ERROR cells, so a cell job that uploaded nothing shows up as a gap in the infrastructure
 * rather than disappearing from the grid.
 */
public final class ResultsMerger {

    /** One run of a cell: a merge keeps every run (repeat) of a cell, and one record per run. */
    private record CellRun(ScenarioKey key, int repeat) {
    }

    /** A cell without its cluster: what the other clusters ran, so a missing cluster's column mirrors it. */
    private record RowUnderFault(String pattern, String sidecar, String variant, String fault) {
    }

    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The merged run and the warnings to show the person running the merge. */
    public record Merged(SuiteResults results, List<String> warnings) {
        public Merged {
            warnings = List.copyOf(warnings);
        }
    }

    /** What a cell of an expected cluster holds when that cluster uploaded nothing. */
    public static String missingMessage(String clusterId) {
        return "no results uploaded for " + clusterId;
    }

    private ResultsMerger() {
    }

    /**
     * @param inputs           runs in the order given; later ones win on a shared cell
     * @param expectedClusters "provider:version" ids that must have a column
     * @param mergedAt         names the merged run: "merged-20250101T021700Z"
     */
    public static Merged merge(List<SuiteResults> inputs, List<String> expectedClusters, Instant mergedAt) {
        List<String> warnings = new ArrayList<>();
        Map<String, ClusterInfo> clusters = new LinkedHashMap<>();
        Map<String, String> measurements = new LinkedHashMap<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        Map<CellRun, ScenarioResult> results = new LinkedHashMap<>();
        Map<CellRun, String> cameFrom = new LinkedHashMap<>();
        Catalog catalog = Catalog.EMPTY;
        for (SuiteResults input : inputs) {
            for (String differs : catalog.disagreements(input.catalog())) {
                warnings.add("warning: " + differs + " is described differently in " + input.runId() + "; keeping the earlier input's");
            }
            catalog = catalog.union(input.catalog());
            // the first input's facts stand; an upstream e2e result of a later input is kept
            input.clusters().forEach(c -> clusters.merge(c.id(), c, (first, later) ->
                    first.upstreamE2e() == null && later.upstreamE2e() != null ? first.withUpstreamE2e(later.upstreamE2e()) : first));
            // Runs made with other settings keep their own values, named after the run, so no cell loses its parameters.
            input.parameters().forEach((name, value) -> {
                String before = parameters.putIfAbsent(name, value);
                if (before != null && !before.equals(value)) {
                    parameters.put(name + " [" + input.runId() + "]", value);
                }
            });
            new TreeMap<>(input.measurements()).forEach((name, value) -> {
                String prefixed = input.runId() + "/" + name;
                String before = measurements.put(prefixed, value);
                if (before != null && !before.equals(value)) { // the same run's parts carry the same measurements
                    warnings.add("warning: measurement " + prefixed + " differs between inputs; keeping the later");
                }
            });
            for (ScenarioResult result : input.results()) {
                CellRun run = new CellRun(result.key(), result.repeat());
                String earlier = cameFrom.put(run, input.runId());
                if (earlier != null) {
                    warnings.add("warning: " + result.key() + (result.repeat() > 1 ? " run " + result.repeat() : "")
                            + (earlier.equals(input.runId())
                            ? " is twice in " + earlier + "; keeping the later record"
                            : " is in both " + earlier + " and " + input.runId() + "; keeping the one from " + input.runId()));
                }
                results.put(run, result);
            }
        }
        fillMissingClusters(expectedClusters, clusters, results, warnings);
        SuiteResults merged = new SuiteResults(SuiteResults.SCHEMA, "merged-" + RUN_ID_TIME.format(mergedAt),
                earliest(inputs), latest(inputs), clusters.values().stream().sorted(BY_KUBERNETES_VERSION).toList(),
                parameters, measurements,
                catalog, List.copyOf(results.values()));
        return new Merged(merged, warnings);
    }

    /**
     * The merged page's columns, oldest Kubernetes first: by the version the API server reported (v1.33.5 before
     * v1.33.13, so a local column pinned to an older patch comes before its minor's newest), else the id's version; then
     * by id (a column with a feature gate after its base, kind:1.31 beside local:1.31). Whatever order the inputs came in.
     */
    static final Comparator<ClusterInfo> BY_KUBERNETES_VERSION = Comparator
            .comparing((ClusterInfo c) -> versionNumbers(c.serverVersion() != null ? c.serverVersion() : c.version()),
                    ResultsMerger::compareNumbers)
            .thenComparing(ClusterInfo::id);

    private static final Pattern VERSION_NUMBERS = Pattern.compile("^v?(\\d+(?:\\.\\d+)*)");

    /** "v1.33.13+k3s1" -> [1, 33, 13]; "1.28-sidecars" -> [1, 28]; no digits -> []. */
    static List<Integer> versionNumbers(String version) {
        List<Integer> out = new ArrayList<>();
        if (version == null) {
            return out;
        }
        Matcher m = VERSION_NUMBERS.matcher(version);
        if (m.find()) {
            for (String part : m.group(1).split("\\.")) {
                out.add(Integer.parseInt(part));
            }
        }
        return out;
    }

    private static int compareNumbers(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static void fillMissingClusters(List<String> expectedClusters, Map<String, ClusterInfo> clusters,
                                            Map<CellRun, ScenarioResult> results, List<String> warnings) {
        Set<String> clustersWithRecords = new LinkedHashSet<>();
        Set<RowUnderFault> cellsRun = new LinkedHashSet<>();
        for (ScenarioKey key : results.keySet().stream().map(CellRun::key).toList()) {
            clustersWithRecords.add(key.cluster());
            cellsRun.add(new RowUnderFault(key.pattern(), key.sidecar(), key.variant(), key.fault()));
        }
        for (String expected : new LinkedHashSet<>(expectedClusters)) {
            if (clustersWithRecords.contains(expected)) {
                continue;
            }
            int colon = expected.indexOf(':');
            clusters.putIfAbsent(expected, new ClusterInfo(expected,
                    colon < 0 ? expected : expected.substring(0, colon),
                    colon < 0 ? "" : expected.substring(colon + 1), null));
            for (RowUnderFault cell : cellsRun) {
                ScenarioKey key = new ScenarioKey(expected, cell.pattern(), cell.sidecar(), cell.variant(), cell.fault());
                results.put(new CellRun(key, 1), ScenarioResult.error(key, missingMessage(expected), null));
            }
            warnings.add("warning: " + missingMessage(expected) + "; its column has " + cellsRun.size() + " ERROR cells");
        }
    }

    private static Instant earliest(List<SuiteResults> inputs) {
        return inputs.stream().map(SuiteResults::startedAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static Instant latest(List<SuiteResults> inputs) {
        return inputs.stream().map(SuiteResults::finishedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }
}
