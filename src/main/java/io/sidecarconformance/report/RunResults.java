package io.sidecarconformance.report;

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
 * @param measurements run-level figures (wall time, leftovers, ...), name -> value text
 * @param results    one record per cell
 */
public record RunResults(
        int schema,
        String runId,
        Instant startedAt,
        Instant finishedAt,
        List<ClusterInfo> clusters,
        Map<String, String> measurements,
        List<ScenarioResult> results) {

    public static final int SCHEMA = 1;

    public RunResults {
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        measurements = measurements == null ? Map.of() : Map.copyOf(measurements);
        results = results == null ? List.of() : List.copyOf(results);
    }
}
