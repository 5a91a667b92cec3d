package io.sidecarconformance.cluster;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code -Dcluster} into a provider. Given a value: parse, validate, build (no cluster work yet).
 * Empty: the first provider that can really serve here (see {@link #defaultChoice()}).
 */
public final class ClusterProviders {

    static final String DEFAULT_VERSION = "1.31";
    static final Duration KUBECONFIG_PROBE = Duration.ofSeconds(3);

    private final ClusterCatalog catalog;
    private final Environment environment;
    private final ClusterSettings settings;
    private final PrintStream log;

    /**
     * @param settings the cluster's part of the run's settings (catalog folder, timeouts, images, node image, keep)
     * @param log      where the choice and the providers' progress lines go
     */
    public ClusterProviders(Environment environment, ClusterSettings settings, PrintStream log) {
        this.catalog = settings.catalog();
        this.environment = environment;
        this.settings = settings;
        this.log = log;
    }

    /** The provider for {@code -Dcluster} on this machine, logging to stderr. */
    public static ClusterProvider select(ClusterSettings settings) {
        return new ClusterProviders(Environment.host(), settings, System.err).provider(settings.cluster());
    }

    /** The provider for this value of {@code -Dcluster}; blank means "pick one that can serve here". */
    public ClusterProvider provider(String clusterProperty) {
        if (clusterProperty != null && !clusterProperty.isBlank()) {
            ClusterSpec spec = ClusterSpec.parse(clusterProperty, catalog);
            ClusterProvider provider = build(spec);
            log.println("cluster: " + provider.id() + " (from -Dcluster=" + clusterProperty.strip() + ")");
            return provider;
        }
        Choice choice = defaultChoice();
        ClusterProvider provider = build(choice.spec());
        log.println("cluster: " + provider.id() + " (no -Dcluster given; " + choice.reason() + ")");
        return provider;
    }

    /** A spec and why it was picked. */
    record Choice(ClusterSpec spec, String reason) {
    }

    /**
     * Cheap checks, in order; the first that can serve wins: k3s (Docker reachable), kubeconfig ($KUBECONFIG or
     * ~/.kube/config whose API answers within 3 s), local:1.31 (cluster.sh present, Linux, root, go on PATH).
     * kind needs Docker as well, so wherever kind could serve k3s already does: kind is only chosen explicitly.
     */
    Choice defaultChoice() {
        if (environment.dockerReachable()) {
            return new Choice(new ClusterSpec("k3s", DEFAULT_VERSION), "Docker is reachable, so k3s via Testcontainers");
        }
        Optional<Path> kubeconfig = defaultKubeconfig();
        if (kubeconfig.isPresent() && environment.apiAnswers(kubeconfig.get(), KUBECONFIG_PROBE)) {
            return new Choice(new ClusterSpec("kubeconfig", ""),
                    "Docker is not reachable; the API server of " + kubeconfig.get() + " answers");
        }
        if (environment.fileExists(catalog.localScript()) && environment.isLinux() && environment.isRoot()
                && environment.onPath("go")) {
            return new Choice(new ClusterSpec("local", DEFAULT_VERSION),
                    "no Docker, no answering kubeconfig; Linux, root and Go can build " + catalog.localScript());
        }
        throw new ClusterUnavailableException("no cluster available: start Docker (k3s via Testcontainers),"
                + " install kind, point KUBECONFIG at a cluster, or on Linux as root with Go run with"
                + " -Dcluster=local:" + DEFAULT_VERSION);
    }

    /** The host's cgroup v2 root file: without it the host (and k3s in its privileged container) runs cgroup v1. */
    static final Path CGROUP_V2_MARKER = Path.of("/sys/fs/cgroup/cgroup.controllers");

    /**
     * The k3s server's arguments: the row's gates, and on a cgroup v1 host from 1.35 the kubelet's failCgroupV1 off
     * (KEP-5573, kubernetes/kubernetes#134298: from 1.35 the kubelet refuses to start on cgroup v1 unless told otherwise,
     * as the local clusters' and kind's kubelet configurations say).
     */
    List<String> k3sServerArgs(ClusterCatalog.K3sVersion k3s) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":v1\\.(\\d+)\\.").matcher(k3s.image());
        boolean refusesCgroupV1 = m.find() && Integer.parseInt(m.group(1)) >= 35;
        if (!refusesCgroupV1 || environment.fileExists(CGROUP_V2_MARKER)) {
            return k3s.serverArgs();
        }
        List<String> args = new java.util.ArrayList<>(k3s.serverArgs());
        args.add("--kubelet-arg=fail-cgroupv1=false");
        return List.copyOf(args);
    }

    /** Builds the provider for a validated spec; the image overrides are applied here, for every provider. */
    public ClusterProvider build(ClusterSpec spec) {
        Duration connect = settings.connectTimeout();
        boolean keep = settings.keepCluster();
        ClusterSettings.Images images = settings.images();
        switch (spec.provider()) {
            case "local":
                return new LocalClusterProvider(spec.version(), catalog.localScript(),
                        catalog.localImages().overriddenBy(images),
                        settings.localUpTimeout(), connect, keep, log);
            case "local-v2":
                return new LocalClusterProvider("local-v2", spec.version(), catalog.localV2Script(),
                        catalog.localImages().overriddenBy(images),
                        settings.localUpTimeout(), connect, keep, log);
            case "k3s":
                ClusterCatalog.K3sVersion k3s = catalog.k3sVersions().get(spec.version());
                return new K3sProvider(spec.version(), k3s.image(), k3sServerArgs(k3s),
                        ImageSet.publicImages().overriddenBy(images), connect, log);
            case "kind":
                KindNodeImage node = KindNodeImage.choose(settings.kindNodeImage(), environment, catalog);
                log.println("kind node image: " + node.reason());
                if (node.local()) {
                    return new LocalClusterProvider("kind", spec.version(), catalog.kindScript(),
                            catalog.localImages().overriddenBy(images),
                            Duration.ofMinutes(settings.kindUpMinutes().orElse(ClusterSettings.KIND_UP_MINUTES_LOCAL_IMAGE)), connect, keep, log);
                }
                return new KindProvider(spec.version(), "kind", catalog.kindConfig(spec.version()),
                        ImageSet.publicImages().overriddenBy(images),
                        Duration.ofMinutes(settings.kindUpMinutes().orElse(ClusterSettings.KIND_UP_MINUTES_PUBLIC_IMAGE)), connect, keep, log,
                        environment.home().resolve(".cache/sidecar-conformance/kind-owners"));
            case "kubeconfig":
                Path file = spec.kubeconfigPath().or(this::defaultKubeconfig)
                        .orElse(environment.home().resolve(".kube").resolve("config"));
                return new KubeconfigProvider(file, spec.kubeconfigContext().orElse(null),
                        ImageSet.publicImages().overriddenBy(images), connect);
            default:
                throw new ClusterUnavailableException("unknown cluster provider '" + spec.provider() + "'");
        }
    }

    /** The first existing file of $KUBECONFIG, else ~/.kube/config if it exists. */
    Optional<Path> defaultKubeconfig() {
        Optional<String> variable = environment.env("KUBECONFIG");
        if (variable.isPresent()) {
            for (String entry : variable.get().split(File.pathSeparator)) {
                if (!entry.isBlank() && environment.fileExists(Path.of(entry.strip()))) {
                    return Optional.of(Path.of(entry.strip()));
                }
            }
        }
        Path home = environment.home().resolve(".kube").resolve("config");
        return environment.fileExists(home) ? Optional.of(home) : Optional.empty();
    }
}
