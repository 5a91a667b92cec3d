package io.sidecarconformance.suite;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sidecarconformance.cluster.ClusterUnavailableException;
import io.sidecarconformance.cpu.CpuMonitor;
import io.sidecarconformance.hygiene.ScenarioNamespaces;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.scenario.ScenarioRunner;
import io.sidecarconformance.scenario.ScenarioSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A run of the suite, started once by Cucumber's {@code @BeforeAll} hook and finished by its {@code @AfterAll}: checks
 * the input, brings one cluster up ({@link SuiteCluster}), runs each selected cell -Drepeat times (at once or one
 * after another: {@link #runCell}), each run in its own namespace, and at the end writes results.json (one record per run) and
 * compatibility.html ({@link SuiteReport}). Ctrl-C or a crash cleans up through {@link CleanupOnExit}.
 */
public final class ConformanceSuite {

    private final SuiteConfig config;
    private final ResultRecorder recorder = new ResultRecorder();
    private final PrintStream log;
    private final Supplier<Double> runnerLoad;
    private final SuiteProgress progress;
    private final SuiteCluster cluster;
    private final String clusterError;
    private final ScenarioRunner runner;
    private final ScenarioNamespaces namespaces;
    private final SuiteReport report;
    private final RunSlots slots;
    private CpuMonitor cpu;
    private CleanupOnExit cleanupOnExit;

    private ConformanceSuite(SuiteConfig config, Instant startedAt, PrintStream log, SuiteProgress progress,
                             SuiteCluster cluster) {
        this.config = config;
        this.log = log;
        this.runnerLoad = new LoadAverage(LoadAverage.PROC_LOADAVG);
        this.progress = progress;
        this.cluster = cluster;
        this.clusterError = cluster.error();
        this.runner = cluster.runner();
        this.namespaces = cluster.namespaces();
        this.report = new SuiteReport(config, startedAt, log);
        this.slots = new RunSlots(config.parallel());
    }

    /**
     * Checks the input, then brings the cluster up; from here on Ctrl-C cleans up.
     *
     * @param planned the scenarios Cucumber selected ("file:line"), if known
     * @throws IllegalArgumentException    bad input, one line, before any cluster work
     * @throws io.sidecarconformance.cluster.ClusterUnavailableException one line: what this machine lacks for the cluster
     */
    public static ConformanceSuite start(SuiteConfig config, Optional<Set<String>> planned, PrintStream log) {
        Instant startedAt = Instant.now();
        SuiteInput.Counted count = SuiteInput.check(config, planned);
        SuiteProgress progress = new SuiteProgress(count.selected(), config.repeat(), config.repeatTogether(),
                config.parallel(), Clock.systemUTC());
        log.println("sidecar-conformance: run " + config.runId() + ", " + count.selected().describe() + " of " + count.rows()
                + " scenario rows in " + config.featuresDir() + " selected"
                + (config.repeat() > 1 ? ", each run " + config.repeat() + " times"
                + (config.repeatTogether() ? " at once" : " in turn") : "") + ", " + config.parallel() + " runs at once");
        ConformanceSuite suite = new ConformanceSuite(config, startedAt, log, progress,
                SuiteCluster.start(config, log));
        suite.cleanupOnExit = CleanupOnExit.register(suite::interrupted);
        suite.cpu = suite.startCpuMonitor();
        return suite;
    }

    /** The run's CPU from here on: the machine's, and its cluster's by component where it runs on this machine. */
    private CpuMonitor startCpuMonitor() {
        try {
            return CpuMonitor.start(clusterAvailable() ? cluster.nodeProcesses() : Optional.empty(), null);
        } catch (ClusterUnavailableException e) {
            log.println("sidecar-conformance: CPU by component not measured: " + e.getMessage());
            return CpuMonitor.start(Optional.empty(), e.getMessage());
        }
    }

    public SuiteConfig config() {
        return config;
    }

    public String clusterId() {
        return cluster.id();
    }

    public boolean clusterAvailable() {
        return clusterError == null;
    }

    public String clusterError() {
        return clusterError;
    }

    /**
     * Runs one cell -Drepeat times, each in a namespace of its own that is deleted after it, also when the run fails:
     * at once with -Drepeat.together=true, else one after another; other cells run beside them, at most -Dparallel runs
     * at once in all ({@link RunSlots}). A cell whose fault acts on the node runs its runs one after another, alone.
     *
     * @return one result per run, {@code repeat} 1 to N, each with what it applied and the runner's load at its start
     */
    public List<ScenarioResult> runCell(ScenarioSpec spec) {
        if (runner == null) {
            return inTurn(n -> runOnce(spec, n));
        }
        if (runner.exclusive(spec)) {
            return runner.forCell(spec, () -> inTurn(n -> runOnce(spec, n)));
        }
        return config.repeatTogether() && config.repeat() > 1
                ? slots.together(config.repeat(), n -> runOnce(spec, n))
                : inTurn(n -> slots.inSlot(() -> runOnce(spec, n)));
    }

    private List<ScenarioResult> inTurn(java.util.function.IntFunction<ScenarioResult> run) {
        List<ScenarioResult> results = new ArrayList<>();
        for (int n = 1; n <= config.repeat(); n++) {
            results.add(run.apply(n));
        }
        return results;
    }

    private ScenarioResult runOnce(ScenarioSpec spec, int n) {
        Instant start = progress.started();
        Double load = runnerLoad.get();
        ScenarioResult result = clusterAvailable() ? inOwnNamespace(spec)
                : io.sidecarconformance.scenario.ScenarioVerdict.unobserved(spec, clusterError, Clock.systemUTC());
        result = result.asRun(n, result.applied(), load);
        recorder.record(result);
        String cell = spec.key().row() + " | " + spec.key().fault() + (config.repeat() > 1 ? " #" + n : "");
        log.printf(Locale.ROOT, "sidecar-conformance: %-50s %-16s %s (%s)%n", cell,
                result.outcome(), result.reason()
                        + (result.findings().isEmpty() ? "" : " [" + result.findings().stream()
                        .map(f -> f.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).collect(java.util.stream.Collectors.joining(", ")) + "]"),
                progress.finished(start, spec.key()));
        return result;
    }

    /** One run in a fresh namespace, deleted afterwards whatever happened; a namespace that cannot be made is an ERROR. */
    private ScenarioResult inOwnNamespace(ScenarioSpec spec) {
        String namespace;
        try {
            namespace = namespaces.create(spec.key().slug());
        } catch (KubernetesClientException e) {
            return io.sidecarconformance.scenario.ScenarioVerdict.unobserved(spec, "could not create the scenario's namespace: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip(), Clock.systemUTC());
        }
        try {
            return runner.run(spec, namespace);
        } finally {
            namespaces.delete(namespace);
        }
    }

    /** Waits for the run's namespaces to go, writes the report, stops the cluster. */
    public synchronized Path finish() throws IOException {
        List<ScenarioResult> results = recorder.results();
        if (results.isEmpty()) {
            cluster.close();
            cleanupOnExit.unregister();
            throw new IllegalArgumentException("no scenario was selected: check -Dcucumber.filter.tags and"
                    + " -Dpatterns/-Dfaults/-Dsidecars/-Dvariants against features/ (tags: @fault-<id>, @light, @dind,"
                    + " @proxy, @shell-form, @smoke)");
        }
        Map<String, String> measurements = new LinkedHashMap<>();
        measurements.putAll(cpu.finish(results.size()));
        cluster.cleanUp(measurements);
        Path html = report.write(results, cluster.info(config.upstreamE2e()), measurements);
        slots.close();
        cluster.close();
        cleanupOnExit.unregister();
        return html;
    }

    /** On Ctrl-C or a crash: delete what this run created, keep the outcomes reached so far, stop the cluster. */
    private void interrupted() {
        if (cpu != null) {
            cpu.close();
        }
        cluster.deleteNamespaces();
        List<ScenarioResult> results = recorder.results();
        if (!results.isEmpty()) {
            try {
                Map<String, String> measurements = new LinkedHashMap<>();
                measurements.put("interrupted", "yes: the run was stopped before every scenario ran");
                report.write(results, cluster.info(config.upstreamE2e()), measurements);
            } catch (IOException | RuntimeException e) {
                log.println("sidecar-conformance: could not write the partial report: " + e.getMessage());
            }
        }
        cluster.close();
    }
}
