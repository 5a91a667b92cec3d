package io.sidecarconformance.suite;

import io.sidecarconformance.cluster.ClusterSettings;
import io.sidecarconformance.hygiene.Staleness;
import io.sidecarconformance.scenario.ScenarioSettings;
import io.sidecarconformance.settings.Property;

import java.util.List;
import java.util.Map;

/**
 * Every {@code -D} property the suite reads, declared once: the run's and its selection's and the scenario timings
 * here, the cluster's in {@link ClusterSettings}, the sweep's in {@link Staleness}. {@link SuiteConfig} reads them;
 * docs/settings.md's table is generated from {@link #GROUPS} ({@link SettingsDoc}).
 */
public final class SuiteProperties {

    public static final int MAX_PARALLEL = 64;
    public static final int MAX_REPEAT = 100;
    private static final ScenarioSettings D = ScenarioSettings.defaults();

    static final Property REPORT_DIR = Property.text("report.dir",
            "`reports/<timestamp>` (pom.xml: Maven's build time, `yyyyMMdd-HHmmss`)", "a writable folder",
            "where results.json, compatibility.html and junit.xml go");
    static final Property PATTERNS = Property.text("patterns", "all", "comma-separated pattern ids", "only these patterns");
    static final Property FAULTS = Property.text("faults", "all", "comma-separated fault ids", "only these faults");
    static final Property SIDECARS = Property.text("sidecars", "all", "`light`, `dind`, `proxy`", "only these sidecars");
    static final Property VARIANTS = Property.text("variants", "all",
            "comma-separated variant ids (`exec`, `shell+probe+tolerant`, ...)", "only these variants");
    static final Property TAGS = Property.text("cucumber.filter.tags", "all", "a Cucumber tag expression",
            "Cucumber's selection; the suite also applies it to count the runs to come");
    static final Property NAMES = Property.text("cucumber.filter.name", "all", "a regular expression",
            "Cucumber's name filter; the suite also compiles it to count the runs");
    /** Also read, by the same rule, for Cucumber's thread pool (test {@code SafeParallelism}). */
    public static final Property PARALLEL = Property.wholeNumber("parallel",
            "from the machine (`suite/DefaultParallelism`); 1 on local-v2", 1, MAX_PARALLEL, "scenarios at once");
    static final Property REPEAT = Property.wholeNumber("repeat", 1, 1, MAX_REPEAT,
            "runs of each selected cell, each in its own namespace");
    static final Property REPEAT_TOGETHER = Property.choice("repeat.together", List.of("true", "false"),
            "whether a cell's -Drepeat runs start at once (`true`) or one after another; -Dparallel bounds the runs at"
                    + " once either way, and a cell whose fault acts on the node runs them one after another, alone");
    static final Property E2E_JUNIT = Property.text("e2e.junit", "none", "a folder written by `clusters/e2e/e2e.sh`",
            "attaches upstream's e2e result to the cluster's record");
    static final Property FEATURES_DIR = Property.text("features.dir", "`features`", "a folder",
            "where the suite reads the feature files for its feature check and its count of runs; Cucumber itself runs"
                    + " `features/` (`SidecarConformanceIT`)");

    static final Property WORKLOAD = Property.text("workload", "none", "YAML files, comma-separated",
            "runs your own pods (a Job, a Pod or a pod template each, with its ConfigMaps and Secrets) under the faults,"
                    + " one grid row per file, instead of our patterns (docs/own-workload.md)");
    static final Property WORKLOAD_MAIN = Property.text(io.sidecarconformance.workload.RoleNames.MAIN_PROPERTY,
            "the only regular container, or the annotation `sidecar-conformance.io/main`", "a container name",
            "which container of your pod is main");
    static final Property WORKLOAD_SIDECAR = Property.text(io.sidecarconformance.workload.RoleNames.SIDECAR_PROPERTY,
            "the first native sidecar, else the first other regular container, or the annotation"
                    + " `sidecar-conformance.io/sidecar`", "a container name", "which sidecar of your pod the faults aim at");
    static final Property WORKLOAD_FIRE_AFTER = Property.wholeNumber("workload.fireAfterSeconds", 5, 0, 3600,
            "when the faults on your pod fire: this long after main's container is reported running");
    static final Property WORKLOAD_FIRE_ON = Property.text("workload.fireOn", "none", "a regular expression",
            "instead: when a line of main's log first matches it");
    static final Property WORKLOAD_WITH_PATTERNS = Property.choice("workload.withPatterns", List.of("false", "true"),
            "with -Dworkload, whether our patterns' cells run too");

    static final Property MAIN_WAIT = Property.wholeNumber("main.waitSeconds", D.mainWaitSeconds(), 1, 3600,
            "how long main waits for the sidecar before its first use (exit 3 if it never answers)");
    static final Property MAIN_WORK = Property.wholeNumber("main.workSeconds", D.workSeconds(), 0, 3600,
            "how long main works between its two uses of the sidecar");
    static final Property STUCK_WINDOW = Property.wholeNumber("stuck.windowSeconds", (int) D.stuckWindow().toSeconds(),
            1, 3600, "the stuck window: how long the pod may take to end after main ended (or to be gone after its"
                    + " deletion and grace period), or main to start after the sidecar said Ready, before the cell is STUCK");
    static final Property DEADLINE = Property.wholeNumber("scenario.timeoutSeconds", (int) D.deadline().toSeconds(),
            10, 7200, "the scenario's deadline, from the Job's creation: a cell whose pod and Job have not ended by then"
                    + " (and that no other end rule ended first) is TIMEOUT");
    static final Property FAULT_DELAY = Property.wholeNumber("fault.delaySeconds", D.faults().delaySeconds(), 0, 3600,
            "`delayed-sidecar`: when the sidecar's service starts");
    static final Property FAULT_GRACE = Property.wholeNumber("fault.graceSeconds", (int) D.faults().gracePeriodSeconds(),
            1, 3600, "the grace period of the pod deletions and evictions (`sigterm`, `sigterm-slow-main`, `eviction`,"
                    + " `eviction-pdb`, `stop-signal`, `delete-during-init`)");
    static final Property LIGHT_STARTUP = Property.wholeNumber("sidecar.lightStartupSeconds",
            D.containers().lightStartupSeconds(), 0, 120, "how long the light sidecar takes to listen after it starts");
    static final Property PROXY_DRAIN = Property.wholeNumber("sidecar.proxyDrainSeconds",
            D.containers().proxyDrainSeconds(), 0, 600, "the proxy sidecar: how long it keeps proxying after its SIGTERM,"
                    + " its readiness failing, before it stops HAProxy gracefully (Istio's terminationDrainDuration)");
    static final Property CHECK_TIMEOUT = Property.wholeNumber("client.checkTimeoutSeconds",
            D.containers().checkTimeoutSeconds(), 1, 30,
            "the bound on every readiness check (main's, the sidecar's, the startupProbe's `timeoutSeconds`)");
    static final Property RETRY = Property.wholeNumber("client.retrySeconds", D.containers().retrySeconds(), 1, 600,
            "a tolerant client's retry budget: main retries a failed use every second for this long");
    static final Property READINESS_PERIOD = Property.wholeNumber("probe.readinessPeriodSeconds",
            D.containers().readinessPeriodSeconds(), 1, 60, "`+ready` variants: the period of main's and the sidecar's"
                    + " readinessProbe (failureThreshold 1): how soon after a SIGTERM that fails the probe Ready can go false");

    /** The table's groups, in order; every declared property once. */
    public static final Map<String, List<Property>> GROUPS = orderedGroups();

    private static Map<String, List<Property>> orderedGroups() {
        java.util.LinkedHashMap<String, List<Property>> groups = new java.util.LinkedHashMap<>();
        groups.put("The run and its selection", List.of(ClusterSettings.CLUSTER, REPORT_DIR, PATTERNS, FAULTS, SIDECARS,
                VARIANTS, TAGS, NAMES, PARALLEL, REPEAT, REPEAT_TOGETHER, E2E_JUNIT, Staleness.STALE_SECONDS, FEATURES_DIR));
        groups.put("Your own pod (docs/own-workload.md)", List.of(WORKLOAD, WORKLOAD_MAIN, WORKLOAD_SIDECAR,
                WORKLOAD_FIRE_AFTER, WORKLOAD_FIRE_ON, WORKLOAD_WITH_PATTERNS));
        groups.put("The timings of a scenario (they shape outcomes)", List.of(MAIN_WAIT, MAIN_WORK, STUCK_WINDOW,
                DEADLINE, FAULT_DELAY, FAULT_GRACE, LIGHT_STARTUP, PROXY_DRAIN, CHECK_TIMEOUT, RETRY, READINESS_PERIOD));
        groups.put("Clusters and images", ClusterSettings.DECLARED);
        return java.util.Collections.unmodifiableMap(groups);
    }

    private SuiteProperties() {
    }
}
