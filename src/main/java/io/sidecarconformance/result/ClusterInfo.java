package io.sidecarconformance.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cluster a run used, with what its node said it runs (read from the cluster, not from our configuration), and the
 * settings its column was started with (read from its row of clusters/versions.tsv, not from the cluster).
 *
 * @param id               "provider:version" as in ScenarioKey.cluster
 * @param provider         local, k3s, kind, kubeconfig
 * @param version          the version asked for, e.g. "1.28-sidecars"
 * @param serverVersion    what the API server reported, e.g. "v1.28.15" (null if it never answered)
 * @param kubeletVersion   the node's kubelet, e.g. "v1.28.15" (null: not read)
 * @param containerRuntime the node's runtime and version, e.g. "containerd://v2.2.9"
 * @param runcVersion      what the runc the runtime calls reported, e.g. "1.3.6"
 * @param cgroupVersion    "v1" or "v2", of the node's host
 * @param kernelVersion    the node's kernel
 * @param cni              the CNI plugins of the node's runtime configuration, in chain order, and its file,
 *                         e.g. "ptp+host-local+portmap (10-sc-ptp.conflist)"
 * @param memoryOomGroup   on cgroup v2, the memory.oom.group a container of this node had ("1": an OOM kill takes the
 *                         whole container; "0": one process, as on cgroup v1); null on cgroup v1 or not read (and
 *                         then left out of results.json)
 * @param featureGates     the column's feature gates ({@code Name=true,...}); null (a blank one too): none, left out
 * @param kubeletConfig    the column's KubeletConfiguration fields ({@code field=value,...}, e.g.
 *                         {@code singleProcessOOMKill=true}); null (a blank one too): none, left out
 * @param upstreamE2e      what upstream's e2e tests said about this cluster (attached with -De2e.junit or
 *                         MergeReports --e2e), or null: not run
 */
public record ClusterInfo(String id, String provider, String version, String serverVersion, String kubeletVersion,
                          String containerRuntime, String runcVersion, String cgroupVersion, String kernelVersion,
                          String cni,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String memoryOomGroup,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String featureGates,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String kubeletConfig,
                          UpstreamE2e upstreamE2e) {

    /** A blank setting is none: null, as a file without it reads. */
    public ClusterInfo {
        featureGates = featureGates == null || featureGates.isBlank() ? null : featureGates;
        kubeletConfig = kubeletConfig == null || kubeletConfig.isBlank() ? null : kubeletConfig;
    }

    /** Without node facts (a cluster that never answered, a column filled in by a merge). */
    public ClusterInfo(String id, String provider, String version, String serverVersion) {
        this(id, provider, version, serverVersion, null, null, null, null, null, null);
    }

    /** With node facts, without memory.oom.group, column settings or upstream e2e results. */
    public ClusterInfo(String id, String provider, String version, String serverVersion, String kubeletVersion,
                       String containerRuntime, String runcVersion, String cgroupVersion, String kernelVersion,
                       String cni) {
        this(id, provider, version, serverVersion, kubeletVersion, containerRuntime, runcVersion, cgroupVersion,
                kernelVersion, cni, null, null, null, null);
    }

    public ClusterInfo withUpstreamE2e(UpstreamE2e e2e) {
        return new ClusterInfo(id, provider, version, serverVersion, kubeletVersion, containerRuntime, runcVersion,
                cgroupVersion, kernelVersion, cni, memoryOomGroup, featureGates, kubeletConfig, e2e);
    }

    /** With the settings of its column (its row of clusters/versions.tsv). */
    public ClusterInfo withColumnSettings(String gates, String kubelet) {
        return new ClusterInfo(id, provider, version, serverVersion, kubeletVersion, containerRuntime, runcVersion,
                cgroupVersion, kernelVersion, cni, memoryOomGroup, gates, kubelet, upstreamE2e);
    }

    /**
     * The node facts in one line for a report header, e.g. "containerd://v2.2.9, runc 1.3.6, cgroup v2,
     * memory.oom.group=0, kernel 6.1"; "" if none.
     */
    public String nodeSummary() {
        StringBuilder text = new StringBuilder();
        append(text, kubeletVersion == null ? null : "kubelet " + kubeletVersion);
        append(text, containerRuntime);
        append(text, runcVersion == null ? null : "runc " + runcVersion);
        append(text, cgroupVersion == null ? null : "cgroup " + cgroupVersion);
        append(text, memoryOomGroup == null ? null : "memory.oom.group=" + memoryOomGroup);
        append(text, kernelVersion == null ? null : "kernel " + kernelVersion);
        append(text, cni == null ? null : "CNI " + cni);
        return text.toString();
    }

    /**
     * What the column was started with beyond its version, e.g. "feature gates ContainerStopSignals=true" or
     * "kubelet singleProcessOOMKill=true"; "" for none.
     */
    public String columnSettings() {
        StringBuilder text = new StringBuilder();
        if (featureGates != null && !featureGates.isBlank()) {
            text.append("feature gates ").append(featureGates.replace(",", ", "));
        }
        if (kubeletConfig != null && !kubeletConfig.isBlank()) {
            text.append(text.length() == 0 ? "" : "; ").append("kubelet ").append(kubeletConfig.replace(",", ", "));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            text.append(text.length() == 0 ? "" : ", ").append(part);
        }
    }
}
