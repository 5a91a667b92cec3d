package io.sidecarconformance.cluster;

import io.sidecarconformance.settings.Property;
import io.sidecarconformance.settings.PropertyReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The cluster's part of the settings: every property this package acts on, declared here and read once, at the
 * start of a run (or of the clean command), then passed down.
 *
 * @param cluster        -Dcluster as given, blank for the default choice
 * @param clustersDir    where versions.tsv, kind/ and local/ are read from
 * @param kindNodeImage  auto, public or local
 * @param keepCluster    leave a cluster the run started running at the end
 * @param images         the image overrides (empty: the provider's own)
 * @param connectTimeout how long the API server gets to answer when the run connects
 * @param localUpTimeout bounds bringing a local cluster up
 * @param kindUpMinutes  bounds bringing a kind cluster up, if given (else by its node image)
 */
public record ClusterSettings(String cluster, Path clustersDir, String kindNodeImage, boolean keepCluster,
                              Images images, Duration connectTimeout, Duration localUpTimeout, OptionalInt kindUpMinutes) {

    /**
     * Image overrides, each empty when not given; {@code standIns}: a file whose {@code standin.*} lines map the public
     * images of users' own pods to local ones (-Dimages.standIns, for clusters that pull nothing).
     */
    public record Images(Optional<String> busybox, Optional<String> dind, Optional<String> proxy,
                         Optional<String> pullPolicy, Optional<Path> standIns) {

        public static Images none() {
            return new Images(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    static final int KIND_UP_MINUTES_LOCAL_IMAGE = 90;
    static final int KIND_UP_MINUTES_PUBLIC_IMAGE = 15;

    public static final Property CLUSTER = Property.text("cluster",
            "the first that can serve ([choosing.md](choosing.md#clusters))",
            "`local:<v>`, `k3s:<v>`, `kind:<v>`, `kubeconfig[:path[#context]]`", "the cluster of the run");
    public static final Property KIND_NODE_IMAGE = Property.choice(KindNodeImage.PROPERTY, List.of("auto", "public", "local"),
            "for kind: the pinned `kindest/node` image, or one built here by `clusters/kind/kind.sh`");
    public static final Property KEEP_CLUSTER = Property.choice("keepCluster", List.of("false", "true"),
            "leave a cluster the run started (local, kind) running at the end");
    public static final Property IMAGES_BUSYBOX = Property.text("images.busybox",
            "`" + ImageSet.publicImages().busybox() + "`; on local clusters and kind's local node image, the image in"
                    + " `clusters/local/images.properties`", "an image", "the busybox image of the test containers");
    public static final Property IMAGES_DIND = Property.text("images.dind",
            "`" + ImageSet.publicImages().dind() + "`; local: as above", "an image", "the dind sidecar's image");
    public static final Property IMAGES_PROXY = Property.text("images.proxy",
            "`" + ImageSet.publicImages().proxy() + "`; local: as above", "an image with HAProxy and busybox",
            "the proxy sidecar's image");
    public static final Property IMAGES_PULL_POLICY = Property.text("images.pullPolicy",
            "`" + ImageSet.publicImages().pullPolicy() + "`; local: `Never`", "`IfNotPresent`, `Never`, ...",
            "the pods' imagePullPolicy");
    public static final Property IMAGES_STAND_INS = Property.text("images.standIns",
            "none; local: `clusters/local/images.properties`", "a properties file with `standin.<repository>=` lines",
            "for your own pods (-Dworkload) on a cluster that pulls nothing: the local image each public repository runs on");
    public static final Property CONNECT_TIMEOUT = Property.wholeNumber("cluster.connectTimeoutSeconds", 20, 1, 100_000,
            "how long the cluster's API server gets to answer when the run connects");
    public static final Property LOCAL_UP_TIMEOUT = Property.wholeNumber("local.upTimeoutMinutes", 90, 1, 100_000,
            "bounds `clusters/local/cluster.sh up` (and `clusters/local-v2/cluster.sh up`), a first build included");
    public static final Property KIND_UP_TIMEOUT = Property.wholeNumber("kind.upTimeoutMinutes",
            KIND_UP_MINUTES_LOCAL_IMAGE + " with a node image built here (a first build), " + KIND_UP_MINUTES_PUBLIC_IMAGE
                    + " with the public one", 1, 100_000, "bounds bringing the kind cluster up");
    public static final Property CLUSTERS_DIR = Property.text("clusters.dir", "`clusters`", "a folder",
            "where `versions.tsv`, `kind/` and `local/` are read from");

    /** Every property of this part, in the order of the settings table. */
    public static final List<Property> DECLARED = List.of(KIND_NODE_IMAGE, KEEP_CLUSTER, IMAGES_BUSYBOX, IMAGES_DIND,
            IMAGES_PROXY, IMAGES_PULL_POLICY, IMAGES_STAND_INS, CONNECT_TIMEOUT, LOCAL_UP_TIMEOUT, KIND_UP_TIMEOUT, CLUSTERS_DIR);

    /** @throws IllegalArgumentException one line, for the first bad value */
    public static ClusterSettings read(PropertyReader reader) {
        return new ClusterSettings(
                reader.text(CLUSTER).orElse(""),
                Path.of(reader.text(CLUSTERS_DIR, "clusters")),
                reader.choice(KIND_NODE_IMAGE),
                Boolean.parseBoolean(reader.choice(KEEP_CLUSTER)),
                new Images(reader.text(IMAGES_BUSYBOX), reader.text(IMAGES_DIND), reader.text(IMAGES_PROXY),
                        reader.text(IMAGES_PULL_POLICY),
                        reader.text(IMAGES_STAND_INS).map(Path::of)),
                Duration.ofSeconds(reader.wholeNumber(CONNECT_TIMEOUT)),
                Duration.ofMinutes(reader.wholeNumber(LOCAL_UP_TIMEOUT)),
                reader.wholeNumberIfGiven(KIND_UP_TIMEOUT));
    }

    /** The settings of a run given nothing. */
    public static ClusterSettings defaults() {
        return read(new PropertyReader(new java.util.Properties()));
    }

    public ClusterCatalog catalog() {
        return new ClusterCatalog(clustersDir);
    }

    /** With another -Dcluster (the clean command takes its cluster as an argument). */
    public ClusterSettings withCluster(String value) {
        return new ClusterSettings(value, clustersDir, kindNodeImage, keepCluster, images, connectTimeout, localUpTimeout,
                kindUpMinutes);
    }
}
