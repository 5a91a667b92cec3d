package io.sidecarconformance.suite;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sidecarconformance.cluster.ClusterCatalog;
import io.sidecarconformance.cluster.ClusterProvider;
import io.sidecarconformance.cluster.ClusterProviders;
import io.sidecarconformance.cluster.ClusterUnavailableException;
import io.sidecarconformance.cluster.NodeFacts;
import io.sidecarconformance.hygiene.Heartbeat;
import io.sidecarconformance.hygiene.ScenarioNamespaces;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.UpstreamE2e;
import io.sidecarconformance.scenario.ScenarioRunner;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The run's one cluster, shared by all scenarios: chosen, brought up, kept alive by a heartbeat on the run's
 * namespaces, swept of abandoned runs, its node described; closed at the end. A cluster that cannot start is not
 * an exception: {@link #error()} says why, and every scenario becomes an ERROR cell, so the column still shows.
 */
final class SuiteCluster {

    private final ClusterProvider provider;
    private final ClusterCatalog.ColumnSettings settings;
    private final PrintStream log;
    private String error;
    private KubernetesClient client;
    private ScenarioRunner runner;
    private ScenarioNamespaces namespaces;
    private Heartbeat heartbeat;
    private AbandonedRuns abandoned;
    private NodeFacts nodeFacts = NodeFacts.unknown("the cluster did not start");

    private SuiteCluster(ClusterProvider provider, ClusterCatalog.ColumnSettings settings, PrintStream log) {
        this.provider = provider;
        this.settings = settings;
        this.log = log;
    }

    /**
     * @throws IllegalArgumentException    bad input (-Dcluster), before any cluster work
     * @throws ClusterUnavailableException one line: what is missing here to run this cluster
     */
    static SuiteCluster start(SuiteConfig config, PrintStream log) {
        ClusterProvider provider = ClusterProviders.select(config.cluster());
        provider.check();
        SuiteCluster cluster = new SuiteCluster(provider,
                config.cluster().catalog().settings(provider.providerName(), provider.version()), log);
        cluster.bringUp(config);
        return cluster;
    }

    private void bringUp(SuiteConfig config) {
        try {
            client = provider.start();
            runner = new ScenarioRunner(client, provider.images(), config.settings(), provider.nodeControl());
            namespaces = new ScenarioNamespaces(client, config.runId(), config.staleness().clock());
            String set = info(null).columnSettings();
            log.println("sidecar-conformance: cluster " + provider.id() + " is up (" + provider.serverVersion()
                    + (set.isEmpty() ? "" : "; " + set) + ")");
            heartbeat = new Heartbeat(client, namespaces.runLabel(), config.staleness().clock(), log);
            heartbeat.start(config.staleness().renewEvery());
            abandoned = new AbandonedRuns(client, config.staleness(), namespaces.runLabel());
            abandoned.sweep(log);
            readNodeFacts();
        } catch (ClusterUnavailableException | KubernetesClientException e) {
            error = "cluster " + provider.id() + " unavailable: " + e.getMessage();
            log.println("sidecar-conformance: " + error);
        }
    }

    /**
     * Bound on the node facts probe: a pod start and a short script, seconds on a healthy node; the cgroup v2 node in
     * its one-CPU UML guest (local-v2) took more than 60 s under load, and the column then lost its cgroup version.
     */
    private static final Duration NODE_FACTS_BOUND = Duration.ofSeconds(180);

    /** The node's facts for the report header; a probe in its own namespace of this run. */
    private void readNodeFacts() {
        String namespace = namespaces.create("node-facts");
        try {
            nodeFacts = NodeFacts.read(client, provider.images(), namespace, NODE_FACTS_BOUND);
        } finally {
            namespaces.delete(namespace);
        }
        log.println("sidecar-conformance: node " + nodeFacts.node() + ": kubelet " + nodeFacts.kubeletVersion()
                + ", " + nodeFacts.containerRuntime() + ", runc " + nodeFacts.runcVersion() + ", cgroup "
                + nodeFacts.cgroupVersion()
                + (nodeFacts.memoryOomGroup() == null ? "" : ", memory.oom.group=" + nodeFacts.memoryOomGroup())
                + ", kernel " + nodeFacts.kernelVersion() + ", CNI " + nodeFacts.cni()
                + (nodeFacts.problem() == null ? "" : " (" + nodeFacts.problem() + ")"));
    }

    String id() {
        return provider.id();
    }

    /** Why the cluster is not available, or null when it is up. */
    String error() {
        return error;
    }

    /**
     * Where the cluster's processes run on this machine; empty where they do not.
     *
     * @throws ClusterUnavailableException one line, when the provider should know but cannot say
     */
    java.util.Optional<io.sidecarconformance.cluster.NodeProcesses> nodeProcesses() {
        return provider.nodeProcesses();
    }

    /** Null when the cluster is not available. */
    ScenarioRunner runner() {
        return runner;
    }

    /** Null when the cluster is not available. */
    ScenarioNamespaces namespaces() {
        return namespaces;
    }

    /** Deletes every namespace of the run (also on the way out after Ctrl-C). */
    void deleteNamespaces() {
        if (namespaces != null) {
            namespaces.deleteAllOfRun();
        }
    }

    /** At the end: the run's namespaces deleted and awaited, the abandoned ones counted, as report figures. */
    void cleanUp(Map<String, String> measurements) {
        if (namespaces != null) {
            namespaces.deleteAllOfRun();
            int left = namespaces.awaitNoneLeft(Duration.ofSeconds(120));
            measurements.put("leftover namespaces after cleanup", left < 0 ? "unknown (cluster gone)" : Integer.toString(left));
        }
        if (abandoned != null) {
            abandoned.measure(measurements);
        }
    }

    /** The cluster's record in results.json. */
    ClusterInfo info(UpstreamE2e upstreamE2e) {
        return new ClusterInfo(provider.id(), provider.providerName(), provider.version(), provider.serverVersion(),
                nodeFacts.kubeletVersion(), nodeFacts.containerRuntime(), nodeFacts.runcVersion(),
                nodeFacts.cgroupVersion(), nodeFacts.kernelVersion(), nodeFacts.cni(), nodeFacts.memoryOomGroup(),
                settings.gates(), settings.kubelet(), upstreamE2e);
    }

    synchronized void close() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (client != null) {
            client.close();
            client = null;
        }
        provider.close();
    }
}
