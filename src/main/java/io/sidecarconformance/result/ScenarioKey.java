package io.sidecarconformance.result;

import java.util.Objects;

/**
 * Identifies one cell of the compatibility grid.
 *
 * @param cluster "provider:version", e.g. "local:1.31" (a grid column together with fault)
 * @param pattern pattern id, e.g. "native-sidecar"
 * @param sidecar sidecar kind id: "light", "dind" or "proxy"
 * @param variant variant id, e.g. "exec", "shell", "exec+probe"
 * @param fault   fault id, e.g. "none", "sidecar-oom"
 */
public record ScenarioKey(String cluster, String pattern, String sidecar, String variant, String fault) {

    public ScenarioKey {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(sidecar, "sidecar");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(fault, "fault");
    }

    /** Grid row: pattern / sidecar / variant. */
    public String row() {
        return pattern + " / " + sidecar + " / " + variant;
    }

    /** Short name usable in a Kubernetes object name or a file name. */
    public String slug() {
        return (pattern + "-" + sidecar + "-" + variant + "-" + fault)
                .toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    @Override
    public String toString() {
        return row() + " under " + fault + " on " + cluster;
    }
}
