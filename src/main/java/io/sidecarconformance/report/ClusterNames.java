package io.sidecarconformance.report;

import java.util.List;

/** Short names of grid columns: when every cluster has the same provider, "local:1.31" reads as "1.31". */
final class ClusterNames {

    private ClusterNames() {
    }

    /**
     * Each column's part of a file name ("local:1.35" -> "local-1.35"), for the files a page keeps per column beside
     * it; two columns that would share one are refused.
     */
    static java.util.Map<String, String> fileStems(java.util.Collection<String> clusters) {
        java.util.Map<String, String> stems = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> taken = new java.util.HashMap<>();
        for (String cluster : clusters) {
            String stem = fileStem(cluster);
            String other = taken.putIfAbsent(stem, cluster);
            if (other != null && !other.equals(cluster)) {
                throw new IllegalStateException("columns " + other + " and " + cluster + " would share the file name " + stem);
            }
            stems.put(cluster, stem);
        }
        return stems;
    }

    /** A column's part of a file name: letters, digits, dots and dashes kept, anything else a dash. */
    static String fileStem(String cluster) {
        return cluster.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    static String shortName(String cluster, List<String> clusters) {
        int colon = cluster.indexOf(':');
        if (colon < 0) {
            return cluster;
        }
        String provider = cluster.substring(0, colon + 1);
        return clusters.stream().allMatch(c -> c.startsWith(provider)) ? cluster.substring(colon + 1) : cluster;
    }

    /**
     * At most four characters, for a label one square wide: "1.28-sidecars" reads "28-s" when every version is 1.x.
     * When another column's label would read the same (1.37-stopsignals and 1.37-single-oom: "37-s"), each of those takes
     * its version and the initials of its suffix's words instead ("37s", "37so"), so that no two columns share a label.
     */
    static String tinyName(String cluster, List<String> clusters) {
        String name = firstFour(cluster, clusters);
        boolean shared = clusters.stream().filter(c -> !c.equals(cluster)).anyMatch(c -> firstFour(c, clusters).equals(name));
        if (!shared) {
            return name;
        }
        String[] parts = trimmed(cluster, clusters).split("-");
        StringBuilder initials = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            initials.append(parts[i].isEmpty() ? "" : parts[i].substring(0, 1));
        }
        return initials.length() > 4 ? initials.substring(0, 4) : initials.toString();
    }

    private static String firstFour(String cluster, List<String> clusters) {
        String name = trimmed(cluster, clusters);
        return name.length() > 4 ? name.substring(0, 4) : name;
    }

    private static String trimmed(String cluster, List<String> clusters) {
        String name = shortName(cluster, clusters);
        boolean allOne = clusters.stream().map(c -> shortName(c, clusters)).allMatch(c -> c.startsWith("1."));
        return allOne && name.startsWith("1.") ? name.substring(2) : name;
    }
}
