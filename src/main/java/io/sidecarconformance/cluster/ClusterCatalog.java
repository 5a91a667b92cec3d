package io.sidecarconformance.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a user keeps in {@code clusters/}: the one version list {@code clusters/versions.tsv} (local and k3s ids,
 * gates, kubelet fields, runtimes, images) and the kind configs. Found relative to the working directory (Maven runs in
 * the repo root), or at -Dclusters.dir ({@link ClusterSettings#clustersDir}). There is no built-in copy of the list.
 */
public final class ClusterCatalog {

    /** A k3s version: its image and extra {@code k3s server} arguments (feature gates). */
    public record K3sVersion(String image, List<String> serverArgs) {
        public K3sVersion {
            serverArgs = List.copyOf(serverArgs);
        }
    }

    /**
     * One row of versions.tsv; absent values ('-') are empty strings, and so is a column a shorter row lacks.
     *
     * @param gates   comma-separated {@code Name=true|false}, set on every component
     * @param kubelet comma-separated {@code field=value}: KubeletConfiguration fields of this column (local and
     *                local-v2 write them; such a row has neither a k3s image nor a kind node)
     */
    public record VersionRow(String id, String kubernetes, String gates, String containerd, String runc,
                             String etcd, String pause, String k3sImage, String kindNode, String kindVersion,
                             String note, String kubelet) {

        static VersionRow parse(String line) {
            String[] f = line.split("\t", -1);
            String[] v = new String[12];
            for (int i = 0; i < v.length; i++) {
                String value = i < f.length ? f[i].strip() : "";
                v[i] = value.equals("-") ? "" : value;
            }
            return new VersionRow(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
        }

        /** The gates as k3s server flags, one per component that acts on them. */
        List<String> k3sServerArgs() {
            if (gates.isEmpty()) {
                return List.of();
            }
            return Stream.of("kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet")
                    .map(component -> "--" + component + "-arg=feature-gates=" + gates)
                    .toList();
        }
    }

    private final Path dir;

    public ClusterCatalog(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The one version list. */
    public Path versionsFile() {
        return dir.resolve("versions.tsv");
    }

    public Path localScript() {
        return dir.resolve("local").resolve("cluster.sh");
    }

    /** The local cluster whose node runs in a User-Mode Linux guest with cgroup v2 (provider {@code local-v2}). */
    public Path localV2Script() {
        return dir.resolve("local-v2").resolve("cluster.sh");
    }

    public Path localImagesFile() {
        return dir.resolve("local").resolve("images.properties");
    }

    public Path kindDir() {
        return dir.resolve("kind");
    }

    /** Builds kind node images here and runs kind on its own Docker daemon (-Dkind.nodeImage=local). */
    public Path kindScript() {
        return kindDir().resolve("kind.sh");
    }

    public Path kindConfig(String version) {
        return kindDir().resolve(version + ".yaml");
    }

    /** Every row of versions.tsv in file order ('#' starts a comment); empty if the file is absent. */
    public List<VersionRow> versions() {
        Path file = versionsFile();
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.isBlank() && !line.strip().startsWith("#"))
                    .map(VersionRow::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ids with a Kubernetes patch for the local cluster. */
    public List<String> localVersions() {
        return versions().stream().filter(row -> !row.kubernetes().isEmpty()).map(VersionRow::id).distinct().toList();
    }

    /**
     * Local ids whose runtime is a containerd build: the cgroup v2 guest runs clusters/local's builds of containerd and
     * runc, and has no Debian containerd 1.6 (the rows that say {@code debian}).
     */
    public List<String> localV2Versions() {
        return versions().stream()
                .filter(row -> !row.kubernetes().isEmpty() && !row.containerd().isEmpty()
                        && !row.containerd().equals("debian"))
                .map(VersionRow::id).distinct().toList();
    }

    /**
     * What a column runs with beyond its version, from its row: feature gates and kubelet fields ("" each for none).
     * Providers that read the list (local, local-v2, k3s, kind) take them; kubeconfig's cluster is not ours: none.
     */
    public record ColumnSettings(String gates, String kubelet) {
        public static final ColumnSettings NONE = new ColumnSettings("", "");
    }

    public ColumnSettings settings(String provider, String version) {
        if (!List.of("local", "local-v2", "k3s", "kind").contains(provider)) {
            return ColumnSettings.NONE;
        }
        return row(version).map(r -> new ColumnSettings(r.gates(), r.kubelet())).orElse(ColumnSettings.NONE);
    }

    /** The row of an id, if the list has it. */
    public java.util.Optional<VersionRow> row(String id) {
        return versions().stream().filter(row -> row.id().equals(id)).findFirst();
    }

    /**
     * Version id -> k3s image and server args (the row's gates on every component), in version order. A row with a
     * kubelet column is never one: k3s would not apply it, and its column would pass for the default one.
     */
    public Map<String, K3sVersion> k3sVersions() {
        Map<String, K3sVersion> versions = new LinkedHashMap<>();
        versions().stream()
                .filter(row -> !row.k3sImage().isEmpty() && row.kubelet().isEmpty())
                .sorted(Comparator.comparing(VersionRow::id, VERSION_ORDER))
                .forEach(row -> versions.putIfAbsent(row.id(), new K3sVersion(row.k3sImage(), row.k3sServerArgs())));
        return Collections.unmodifiableMap(versions);
    }

    /**
     * One version per {@code clusters/kind/<id>.yaml}, but never an id whose row has a kubelet column (kind would not
     * apply it; .ci/lint-workflow.sh refuses such a file too).
     */
    public List<String> kindVersions() {
        if (!Files.isDirectory(kindDir())) {
            return List.of();
        }
        java.util.Set<String> kubeletRows = versions().stream().filter(row -> !row.kubelet().isEmpty())
                .map(VersionRow::id).collect(java.util.stream.Collectors.toSet());
        try (Stream<Path> files = Files.list(kindDir())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .filter(id -> !kubeletRows.contains(id))
                    .sorted(VERSION_ORDER)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The images cluster.sh imports into the local cluster (keys busybox, dind, proxy); pull policy Never. */
    public ImageSet localImages() {
        Path file = localImagesFile();
        if (!Files.isRegularFile(file)) {
            throw new ClusterUnavailableException(file + " not found: it names the images cluster.sh imports"
                    + " (keys busybox, dind, proxy); restore it or choose another provider");
        }
        Properties properties = load(file);
        String busybox = required(properties, file, "busybox");
        String dind = required(properties, file, "dind");
        return new ImageSet(busybox, dind, required(properties, file, "proxy"), "Never", StandInFile.of(properties, busybox, dind));
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
}
