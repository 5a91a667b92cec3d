package io.sidecarconformance.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The whole of results.json.
 *
 * @param schema     format version of this file
 * @param runId      name of the run (also its folder under reports/)
 * @param startedAt  run start
 * @param finishedAt run end
 * @param clusters   clusters used (grid columns)
 * @param parameters every setting that shapes an outcome (windows, delays, budgets), name -> value with unit
 * @param measurements run-level figures (wall time, leftovers, ...), name -> value text
 * @param catalog    the faults, patterns and sidecar kinds the suite knew, with what the report says of them; empty
 *                   in a file written before it existed
 * @param results    one record per cell
 * @param settings   every -D property of the suite, name -> the value the run used ("" when not given and it has no
 *                   default of its own); empty in files written before it was recorded, and then not written
 */
public record SuiteResults(
        int schema,
        String runId,
        Instant startedAt,
        Instant finishedAt,
        List<ClusterInfo> clusters,
        Map<String, String> parameters,
        Map<String, String> measurements,
        Catalog catalog,
        List<ScenarioResult> results,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> settings) {

    /**
     * 2: outcome and findings instead of one verdict; observedAt on events; parameters. 3: each distinct manifest once,
     * in "manifests", an applied entry naming it by "manifestRef" (a schema 2 reader would read those entries empty, so
     * the number went up).
     */
    public static final int SCHEMA = 3;
    /** Schema 2 files (every manifest inline in its applied entry) read as they always did. */
    public static final int OLDEST_READABLE = 2;

    public SuiteResults {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
        catalog = catalog == null ? Catalog.EMPTY : catalog;
        results = results == null ? List.of() : List.copyOf(results);
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** The same run with other clusters, measurements and records (a run decided again, or annotated for a page). */
    public SuiteResults with(List<ClusterInfo> clusters, Map<String, String> measurements, List<ScenarioResult> results) {
        return new SuiteResults(schema, runId, startedAt, finishedAt, clusters, parameters, measurements, catalog, results,
                settings);
    }

    /** A run without recorded settings (a merge of runs, or a file written before they were recorded). */
    public SuiteResults(int schema, String runId, Instant startedAt, Instant finishedAt, List<ClusterInfo> clusters,
                      Map<String, String> parameters, Map<String, String> measurements, Catalog catalog,
                      List<ScenarioResult> results) {
        this(schema, runId, startedAt, finishedAt, clusters, parameters, measurements, catalog, results, Map.of());
    }

    /** A run without a catalog or recorded settings (test samples, files written before either existed). */
    public SuiteResults(int schema, String runId, Instant startedAt, Instant finishedAt, List<ClusterInfo> clusters,
                      Map<String, String> parameters, Map<String, String> measurements, List<ScenarioResult> results) {
        this(schema, runId, startedAt, finishedAt, clusters, parameters, measurements, Catalog.EMPTY, results, Map.of());
    }
}
