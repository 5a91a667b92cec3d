package io.sidecarconformance.report;

import java.util.List;

/** Short names of grid columns: when every cluster has the same provider, "local:1.31" reads as "1.31". */
final class ClusterNames {

    private ClusterNames() {
    }

    static String shortName(String cluster, List<String> clusters) {
        int colon = cluster.indexOf(':');
        if (colon < 0) {
            return cluster;
        }
        String provider = cluster.substring(0, colon + 1);
        return clusters.stream().allMatch(c -> c.startsWith(provider)) ? cluster.substring(colon + 1) : cluster;
    }

    /** At most four characters, for a label one square wide: "1.28-sidecars" reads "28-s" when every version is 1.x. */
    static String tinyName(String cluster, List<String> clusters) {
        String name = shortName(cluster, clusters);
        boolean allOne = clusters.stream().map(c -> shortName(c, clusters)).allMatch(c -> c.startsWith("1."));
        if (allOne && name.startsWith("1.")) {
            name = name.substring(2);
        }
        return name.length() > 4 ? name.substring(0, 4) : name;
    }
}
