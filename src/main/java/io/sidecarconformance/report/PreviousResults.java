package io.sidecarconformance.report;

import io.sidecarconformance.result.SuiteResults;

import java.util.Objects;

/**
 * An earlier run that a report lists its changes since (MergeReports --previous), and what to call it
 * (--previous-name). The page's heading and changes.txt's first line both say {@link #label()}.
 *
 * @param results the earlier run's results
 * @param name    e.g. "nightly run 41", or null: the run is known by its id alone
 */
public record PreviousResults(SuiteResults results, String name) {

    public PreviousResults {
        Objects.requireNonNull(results, "results");
    }

    /** "NAME (run id)", or the run id when the run has no name. */
    public String label() {
        return name == null ? results.runId() : name + " (" + results.runId() + ")";
    }
}
