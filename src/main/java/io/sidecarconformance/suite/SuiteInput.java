package io.sidecarconformance.suite;

import io.sidecarconformance.input.FeatureCheck;
import io.sidecarconformance.input.FeatureRow;
import io.sidecarconformance.input.ReportDirCheck;
import io.sidecarconformance.input.ScenarioCount;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The checks of a run's input before any cluster work: the report folder, the feature files, the selection. */
final class SuiteInput {

    private SuiteInput() {
    }

    /**
     * @param planned the scenarios Cucumber selected ("file:line"), if known
     * @return how many of the feature files' rows this run will run, and out of how many
     * @throws IllegalArgumentException one line, what to do
     */
    static Counted check(SuiteConfig config, Optional<Set<String>> planned) {
        ReportDirCheck.check(config.reportDir());
        List<FeatureRow> rows = FeatureCheck.rows(config.featuresDir());
        // A row of the own-pod feature runs once per pod named by -Dworkload: count it as many times.
        int pods = Math.max(1, config.workloads().pods().size());
        List<FeatureRow> runs = rows.stream()
                .flatMap(r -> java.util.Collections.nCopies(r.pattern().equals(FeatureRow.OWN_POD) ? pods : 1, r).stream())
                .toList();
        return new Counted(ScenarioCount.of(runs, planned, config.names(), config::selects, config.tags()), rows.size());
    }

    record Counted(ScenarioCount selected, int rows) {
    }
}
