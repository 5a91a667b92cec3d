package io.sidecarconformance.input;

import io.sidecarconformance.result.ScenarioKey;

import java.nio.file.Path;

/**
 * One row of an Examples table: one scenario, where Cucumber says it is (file and line of the row).
 *
 * @param file the feature file, absolute and normalised
 * @param line 1-based line of the row
 * @param name the scenario's name as Cucumber gives it (its outline's title, placeholders filled from the row), which
 *             {@code -Dcucumber.filter.name} matches
 */
public record FeatureRow(Path file, int line, String pattern, String sidecar, String variant, String fault, String name) {

    /**
     * The pattern of a row of the own-pod feature (an Examples table with a fault column only): it runs every pod named
     * by -Dworkload under its fault, each cell keyed "workload:" and the file's name.
     */
    public static final String OWN_POD = "workload";

    public FeatureRow {
        file = file.toAbsolutePath().normalize();
    }

    /** "file:line", as a scenario's source names it. */
    public String location() {
        return file + ":" + line;
    }

    public ScenarioKey key(String cluster) {
        return new ScenarioKey(cluster, pattern, sidecar, variant, fault);
    }
}
