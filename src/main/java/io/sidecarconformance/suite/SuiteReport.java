package io.sidecarconformance.suite;

import io.sidecarconformance.report.ReportWriter;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a run's results.json and compatibility.html into -Dreport.dir: at the end, or on the way out after Ctrl-C. */
final class SuiteReport {

    private final SuiteConfig config;
    private final Instant startedAt;
    private final PrintStream log;

    SuiteReport(SuiteConfig config, Instant startedAt, PrintStream log) {
        this.config = config;
        this.startedAt = startedAt;
        this.log = log;
    }

    /** @return compatibility.html */
    Path write(List<ScenarioResult> results, ClusterInfo cluster, Map<String, String> measurements) throws IOException {
        Instant finishedAt = Instant.now();
        measurements.putAll(SuiteFigures.of(results, startedAt, finishedAt));
        Map<String, String> parameters = new java.util.LinkedHashMap<>(config.settings().parameters());
        parameters.putAll(config.workloads().parameters());
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, config.runId(), startedAt, finishedAt, List.of(cluster),
                parameters, measurements, SuiteCatalog.of(config.workloads(), config.settings().faults()), new ArrayList<>(results), config.values());
        ReportWriter.write(run, config.reportDir());
        Path html = config.reportDir().resolve(ReportWriter.COMPATIBILITY_HTML);
        log.println("sidecar-conformance: report " + html.toAbsolutePath());
        return html;
    }
}
