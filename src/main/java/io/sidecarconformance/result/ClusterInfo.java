package io.sidecarconformance.result;

/**
 * A cluster a run used.
 *
 * @param id            "provider:version" as in ScenarioKey.cluster
 * @param provider      local, k3s, kind, kubeconfig
 * @param version       the version asked for, e.g. "1.28-sidecars"
 * @param serverVersion what the API server reported, e.g. "v1.28.15" (null if it never answered)
 */
public record ClusterInfo(String id, String provider, String version, String serverVersion) {
}
