package io.sidecarconformance.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a user keeps in {@code clusters/}: the known versions of each provider and their settings.
 * Found relative to the working directory (Maven runs in the repo root), or at system property {@code clusters.dir}.
 */
public final class ClusterCatalog {

    /** Used when clusters/local/versions.tsv is absent. */
    static final List<String> BUILT_IN_LOCAL = List.of("1.27", "1.28", "1.28-sidecars", "1.29", "1.31", "1.33", "1.34");

    private static final String SIDECAR_GATES = "--kube-apiserver-arg=feature-gates=SidecarContainers=true"
            + " --kube-controller-manager-arg=feature-gates=SidecarContainers=true"
            + " --kube-scheduler-arg=feature-gates=SidecarContainers=true"
            + " --kubelet-arg=feature-gates=SidecarContainers=true";

    /** Used when clusters/k3s/versions.properties is absent; a copy of what it said when this was written. */
    static final Map<String, K3sVersion> BUILT_IN_K3S = builtInK3s();

    /** A k3s version: its image and extra {@code k3s server} arguments (feature gates). */
    public record K3sVersion(String image, List<String> serverArgs) {
        public K3sVersion {
            serverArgs = List.copyOf(serverArgs);
        }
    }

    private final Path dir;

    public ClusterCatalog(Path dir) {
        this.dir = dir;
    }

    /** {@code clusters.dir} if set, else {@code clusters} in the working directory. */
    public static ClusterCatalog fromProperties(Properties properties) {
        String dir = properties.getProperty("clusters.dir");
        return new ClusterCatalog(Path.of(dir == null || dir.isBlank() ? "clusters" : dir.strip()));
    }

    public Path dir() {
        return dir;
    }

    public Path localVersionsFile() {
        return dir.resolve("local").resolve("versions.tsv");
    }

    public Path localScript() {
        return dir.resolve("local").resolve("cluster.sh");
    }

    public Path localImagesFile() {
        return dir.resolve("local").resolve("images.properties");
    }

    public Path k3sVersionsFile() {
        return dir.resolve("k3s").resolve("versions.properties");
    }

    public Path kindDir() {
        return dir.resolve("kind");
    }

    public Path kindConfig(String version) {
        return kindDir().resolve(version + ".yaml");
    }

    /** Ids from the first column of versions.tsv ('#' starts a comment), or the built-in list if it is absent. */
    public List<String> localVersions() {
        Path file = localVersionsFile();
        if (!Files.isRegularFile(file)) {
            return BUILT_IN_LOCAL;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+", 2)[0])
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Version id -> image and server args, from versions.properties (keys {@code <id>} and {@code <id>.args}). */
    public Map<String, K3sVersion> k3sVersions() {
        Path file = k3sVersionsFile();
        if (!Files.isRegularFile(file)) {
            return BUILT_IN_K3S;
        }
        Properties properties = load(file);
        Map<String, K3sVersion> versions = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> !key.endsWith(".args"))
                .sorted(VERSION_ORDER)
                .forEach(id -> {
                    String args = properties.getProperty(id + ".args", "").strip();
                    versions.put(id, new K3sVersion(properties.getProperty(id).strip(),
                            args.isEmpty() ? List.of() : Arrays.asList(args.split("\\s+"))));
                });
        return versions;
    }

    /** One version per {@code clusters/kind/<id>.yaml}. */
    public List<String> kindVersions() {
        if (!Files.isDirectory(kindDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(kindDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .sorted(VERSION_ORDER)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The images cluster.sh imports into the local cluster (keys busybox, dind); pull policy Never. */
    public ImageSet localImages() {
        Path file = localImagesFile();
        if (!Files.isRegularFile(file)) {
            throw new ClusterUnavailableException(file + " not found: it names the images cluster.sh imports"
                    + " (keys busybox, dind); restore it or choose another provider");
        }
        Properties properties = load(file);
        return new ImageSet(required(properties, file, "busybox"), required(properties, file, "dind"), "Never");
    }

    private static String required(Properties properties, Path file, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new ClusterUnavailableException(file + " has no '" + key + "' image");
        }
        return value.strip();
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** 1.9 < 1.28 < 1.28-sidecars < 1.29: numeric parts compared as numbers. */
    static final Comparator<String> VERSION_ORDER = (a, b) -> {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d+") && y[i].matches("\\d+")
                    ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]))
                    : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private static Map<String, K3sVersion> builtInK3s() {
        Map<String, K3sVersion> versions = new LinkedHashMap<>();
        versions.put("1.27", new K3sVersion("rancher/k3s:v1.27.16-k3s1", List.of()));
        versions.put("1.28", new K3sVersion("rancher/k3s:v1.28.15-k3s1", List.of()));
        versions.put("1.28-sidecars", new K3sVersion("rancher/k3s:v1.28.15-k3s1", List.of(SIDECAR_GATES.split(" "))));
        versions.put("1.29", new K3sVersion("rancher/k3s:v1.29.14-k3s1", List.of()));
        versions.put("1.31", new K3sVersion("rancher/k3s:v1.31.14-k3s1", List.of()));
        versions.put("1.33", new K3sVersion("rancher/k3s:v1.33.7-k3s1", List.of()));
        versions.put("1.34", new K3sVersion("rancher/k3s:v1.34.3-k3s1", List.of()));
        return Collections.unmodifiableMap(versions);
    }
}
