package io.sidecarconformance.cluster;

import java.util.Locale;

/**
 * Which node image a kind cluster runs, from {@code -Dkind.nodeImage}:
 * <ul>
 *   <li>{@code public}: the kindest/node@sha256 image pinned in clusters/kind/&lt;version&gt;.yaml, with the kind CLI
 *       on PATH and the user's Docker (where the image can be pulled);</li>
 *   <li>{@code local}: a node image built on this machine from our own Kubernetes build, by clusters/kind/kind.sh,
 *       which also brings its kind CLI and its own Docker daemon (no registry needed);</li>
 *   <li>{@code auto} (default): public when the kind CLI is on PATH and a Docker daemon answers, else local when
 *       kind.sh can build here (Linux, root), else public (whose start says what is missing).</li>
 * </ul>
 */
public record KindNodeImage(boolean local, String reason) {

    public static final String PROPERTY = "kind.nodeImage";

    static KindNodeImage choose(String property, Environment environment, ClusterCatalog catalog) {
        String value = property == null || property.isBlank() ? "auto" : property.strip().toLowerCase(Locale.ROOT);
        switch (value) {
            case "public":
                return new KindNodeImage(false, "-D" + PROPERTY + "=public: the pinned kindest/node image");
            case "local":
                return new KindNodeImage(true, "-D" + PROPERTY + "=local: node image built here by " + catalog.kindScript());
            case "auto":
                if (environment.onPath("kind") && environment.dockerReachable()) {
                    return new KindNodeImage(false, "kind on PATH and Docker reachable: the pinned kindest/node image"
                            + " (-D" + PROPERTY + "=local builds one here)");
                }
                if (environment.fileExists(catalog.kindScript()) && environment.isLinux() && environment.isRoot()) {
                    return new KindNodeImage(true, "no kind CLI with a reachable Docker: node image built here by "
                            + catalog.kindScript() + " (-D" + PROPERTY + "=public for the pinned kindest/node image)");
                }
                return new KindNodeImage(false, "the pinned kindest/node image (kind.sh cannot build here: needs Linux"
                        + " and root)");
            default:
                throw new ClusterUnavailableException("-D" + PROPERTY + "=" + property + " is not one of auto, public, local");
        }
    }
}
