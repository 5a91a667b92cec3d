package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sidecarconformance.cluster.ClusterProvider;
import io.sidecarconformance.cluster.ClusterProviders;
import io.sidecarconformance.cluster.ClusterUnavailableException;
import io.sidecarconformance.cluster.NodeFacts;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.report.ReportWriter;
import io.sidecarconformance.result.RunResults;
import io.sidecarconformance.result.ScenarioResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A run: validates the configuration and the feature files, brings one cluster up (shared by all scenarios),
 * runs each selected cell -Drepeat times, one run after another, each run in its own namespace, and at the end
 * writes results.json (one record per run) and compatibility.html.
 * A cluster that cannot start turns every scenario into an ERROR cell, so the column still shows.
 */
public final class SuiteRun {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static SuiteRun current;

    private final SuiteConfig config;
    private final Staleness staleness;
    private final String runId;
    private final Instant startedAt = Instant.now();
    private final RunRecorder recorder = new RunRecorder();
    private final PrintStream log;
    private final Supplier<Double> runnerLoad;
    private ClusterProvider provider;
    private String clusterId;
    private String clusterError;
    private KubernetesClient client;
    private ScenarioRunner runner;
    private ScenarioNamespaces namespaces;
    private Heartbeat heartbeat;
    private LeftoverSweep.Result swept;
    private Thread cleanupOnExit;
    private RunProgress progress;
    private NodeFacts nodeFacts = NodeFacts.unknown("the cluster did not start");

    /** @param runnerLoad the runner machine's 1-minute load average now, or null when unknown */
    private SuiteRun(SuiteConfig config, Staleness staleness, String runId, PrintStream log, Supplier<Double> runnerLoad) {
        this.config = config;
        this.staleness = staleness;
        this.runId = runId;
        this.log = log;
        this.runnerLoad = runnerLoad;
    }

    /** The run of this JVM, started on first use. Bad input throws IllegalArgumentException (one line). */
    public static synchronized SuiteRun current() {
        if (current == null) {
            Properties p = System.getProperties();
            // A random part before the cluster's: two runs started in the same second on one cluster must not share
            // a run label (each deletes its own namespaces), and the label's 63-character cut falls on the cluster part.
            String runId = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(Instant.now())
                    + "-" + Integer.toString(RANDOM.nextInt(36 * 36 * 36 * 36), 36)
                    + "-" + p.getProperty("cluster", "default").replaceAll("[^A-Za-z0-9.]+", "-");
            SuiteRun run = new SuiteRun(SuiteConfig.from(p, runId), Staleness.from(p, Clock.systemUTC()), runId,
                    System.err, new LoadAverage(LoadAverage.PROC_LOADAVG));
            run.start(Path.of(p.getProperty("features.dir", "features")));
            current = run;
        }
        return current;
    }

    public static synchronized SuiteRun currentIfStarted() {
        return current;
    }

    public SuiteConfig config() {
        return config;
    }

    void start(Path features) {
        ReportDirCheck.check(config.reportDir());
        List<FeatureRow> rows = FeatureCheck.rows(features);
        ScenarioCount count = ScenarioCount.of(rows, SelectedScenarios.planned(), config.names(), config);
        progress = new RunProgress(count, config.repeat(), config.parallel(), Clock.systemUTC());
        log.println("sidecar-conformance: run " + runId + ", " + count.describe() + " of " + rows.size()
                + " scenario rows in " + features + " selected" + (config.repeat() > 1 ? ", each run " + config.repeat() + " times" : "")
                + ", " + config.parallel() + " at once");
        provider = ClusterProviders.select(config.cluster());
        provider.check();
        clusterId = provider.id();
        try {
            client = provider.start();
            runner = new ScenarioRunner(client, provider.images(), config.settings(), provider.nodeControl());
            namespaces = new ScenarioNamespaces(client, runId, staleness.clock());
            log.println("sidecar-conformance: cluster " + clusterId + " is up (" + provider.serverVersion() + ")");
            heartbeat = new Heartbeat(client, namespaces.runLabel(), staleness.clock(), log);
            heartbeat.start(staleness.renewEvery());
            sweepAbandonedRuns();
            readNodeFacts();
        } catch (ClusterUnavailableException | KubernetesClientException e) {
            clusterError = "cluster " + clusterId + " unavailable: " + e.getMessage();
            log.println("sidecar-conformance: " + clusterError);
        }
        cleanupOnExit = new Thread(this::cleanUp, "sc-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /** The node's facts for the report header; a probe in its own namespace of this run. */
    private void readNodeFacts() {
        String namespace = namespaces.create("node-facts");
        try {
            nodeFacts = NodeFacts.read(client, provider.images(), namespace, Duration.ofSeconds(60));
        } finally {
            namespaces.delete(namespace);
        }
        log.println("sidecar-conformance: node " + nodeFacts.node() + ": kubelet " + nodeFacts.kubeletVersion()
                + ", " + nodeFacts.containerRuntime() + ", runc " + nodeFacts.runcVersion() + ", cgroup "
                + nodeFacts.cgroupVersion() + ", kernel " + nodeFacts.kernelVersion() + ", CNI " + nodeFacts.cni()
                + (nodeFacts.problem() == null ? "" : " (" + nodeFacts.problem() + ")"));
    }

    /** Deletes what abandoned runs left on this cluster; one line says what. A failed sweep never stops the run. */
    private void sweepAbandonedRuns() {
        try {
            swept = new LeftoverSweep(client, staleness, namespaces.runLabel()).sweep(false);
            log.println(swept.line());
        } catch (KubernetesClientException e) {
            log.println("sidecar-conformance: could not sweep abandoned runs' namespaces: " + e.getMessage());
        }
    }

    public String clusterId() {
        return clusterId;
    }

    public boolean clusterAvailable() {
        return clusterError == null;
    }

    public String clusterError() {
        return clusterError;
    }

    /**
     * Runs one cell -Drepeat times, one run after another (so a cell's runs never run side by side; other cells run
     * beside them), each in a namespace of its own that is deleted after it, also when the run fails.
     *
     * @return one result per run, {@code repeat} 1 to N, each with what it applied and the runner's load at its start
     */
    public List<ScenarioResult> runCell(ScenarioSpec spec) {
        java.util.function.Supplier<List<ScenarioResult>> runs = () -> {
            List<ScenarioResult> results = new ArrayList<>();
            for (int n = 1; n <= config.repeat(); n++) {
                results.add(runOnce(spec, n));
            }
            return results;
        };
        return runner == null ? runs.get() : runner.forCell(spec, runs);
    }

    private ScenarioResult runOnce(ScenarioSpec spec, int n) {
        Instant start = progress.started();
        Double load = runnerLoad.get();
        ScenarioResult result = clusterAvailable() ? inOwnNamespace(spec)
                : ScenarioResult.error(spec.key(), clusterError, Instant.now());
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
            return ScenarioResult.error(spec.key(), "could not create the scenario's namespace: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip(), Instant.now());
        }
        try {
            return runner.run(spec, namespace);
        } finally {
            namespaces.delete(namespace);
        }
    }

    /** Records a result produced outside {@link #runCell} (a scenario that failed before it could run). */
    public void record(ScenarioResult result) {
        recorder.record(result);
    }

    /** Waits for the run's namespaces to go, writes the report, stops the cluster. */
    public synchronized Path finish() throws IOException {
        if (recorder.results().isEmpty()) {
            closeCluster();
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            throw new IllegalArgumentException("no scenario was selected: check -Dcucumber.filter.tags and"
                    + " -Dpatterns/-Dfaults/-Dsidecars/-Dvariants against features/ (tags: @fault-<id>, @light, @dind,"
                    + " @shell-form, @smoke)");
        }
        Map<String, String> measurements = new LinkedHashMap<>();
        if (namespaces != null) {
            namespaces.deleteAllOfRun();
            int left = namespaces.awaitNoneLeft(Duration.ofSeconds(120));
            measurements.put("leftover namespaces after cleanup", left < 0 ? "unknown (cluster gone)" : Integer.toString(left));
        }
        if (swept != null && !swept.deleted().isEmpty()) {
            String left;
            try {
                left = Integer.toString(new LeftoverSweep(client, staleness, namespaces.runLabel())
                        .awaitGone(swept.deleted(), Duration.ofSeconds(60)));
            } catch (KubernetesClientException e) {
                left = "unknown";
            }
            measurements.put("abandoned namespaces swept at start", swept.deleted().size() + " (" + left + " left)");
        }
        Path html = writeReport(measurements);
        closeCluster();
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        return html;
    }

    private Path writeReport(Map<String, String> measurements) throws IOException {
        List<ScenarioResult> results = recorder.results();
        Instant finishedAt = Instant.now();
        measurements.putAll(RunFigures.of(results, startedAt, finishedAt));
        RunResults run = new RunResults(RunResults.SCHEMA, runId, startedAt, finishedAt,
                List.of(new ClusterInfo(clusterId, provider.id().split(":")[0], versionOf(clusterId), provider.serverVersion(),
                        nodeFacts.kubeletVersion(), nodeFacts.containerRuntime(), nodeFacts.runcVersion(),
                        nodeFacts.cgroupVersion(), nodeFacts.kernelVersion(), nodeFacts.cni(), config.upstreamE2e())),
                config.settings().parameters(), measurements, SuiteCatalog.of(), new ArrayList<>(results));
        ReportWriter.write(run, config.reportDir());
        Path html = config.reportDir().resolve(ReportWriter.COMPATIBILITY_HTML);
        log.println("sidecar-conformance: report " + html.toAbsolutePath());
        return html;
    }

    private static String versionOf(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? "" : id.substring(colon + 1);
    }

    /** On Ctrl-C or a crash: delete what this run created, keep the verdicts reached so far, stop the cluster. */
    private void cleanUp() {
        if (namespaces != null) {
            namespaces.deleteAllOfRun();
        }
        if (!recorder.results().isEmpty()) {
            try {
                Map<String, String> measurements = new LinkedHashMap<>();
                measurements.put("interrupted", "yes: the run was stopped before every scenario ran");
                writeReport(measurements);
            } catch (IOException | RuntimeException e) {
                log.println("sidecar-conformance: could not write the partial report: " + e.getMessage());
            }
        }
        closeCluster();
    }

    private synchronized void closeCluster() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (client != null) {
            client.close();
            client = null;
        }
        if (provider != null) {
            provider.close();
        }
    }
}
