package io.sidecarconformance.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cluster a run asks for, from {@code -Dcluster=<provider>:<version>}: {@code local:<v>}, {@code local-v2:<v>},
 * {@code k3s:<v>}, {@code kind:<v>}, {@code kubeconfig}, {@code kubeconfig:<path>} or {@code kubeconfig:<path>#<context>}.
 *
 * @param provider local, local-v2, k3s, kind or kubeconfig
 * @param version  a known version id; for kubeconfig the {@code <path>[#<context>]} part, possibly empty
 */
public record ClusterSpec(String provider, String version) {

    /** Parses and validates against the catalog's known versions; throws a one-line message listing the choices. */
    public static ClusterSpec parse(String value, ClusterCatalog catalog) {
        String text = value == null ? "" : value.strip();
        int colon = text.indexOf(':');
        String provider = colon < 0 ? text : text.substring(0, colon);
        String version = colon < 0 ? "" : text.substring(colon + 1).strip();
        switch (provider) {
            case "kubeconfig":
                return new ClusterSpec(provider, version);
            case "local":
                return known(provider, version, catalog.localVersions(), source(catalog.versionsFile()));
            case "local-v2":
                return known(provider, version, catalog.localV2Versions(), source(catalog.versionsFile()));
            case "k3s":
                return known(provider, version, List.copyOf(catalog.k3sVersions().keySet()),
                        source(catalog.versionsFile()));
            case "kind":
                return known(provider, version, catalog.kindVersions(),
                        "see " + catalog.kindDir().resolve("<version>.yaml"));
            default:
                throw new ClusterUnavailableException("unknown cluster provider '" + provider + "' in '" + text
                        + "'; known: local:<version>, local-v2:<version>, k3s:<version>, kind:<version>,"
                        + " kubeconfig[:<path>[#<context>]]");
        }
    }

    /** For kubeconfig: the file named in the spec, if any. */
    public Optional<Path> kubeconfigPath() {
        String path = version.contains("#") ? version.substring(0, version.indexOf('#')) : version;
        return path.isBlank() ? Optional.empty() : Optional.of(Path.of(path.strip()));
    }

    /** For kubeconfig: the context named after '#', if any. */
    public Optional<String> kubeconfigContext() {
        int hash = version.indexOf('#');
        return hash < 0 || version.substring(hash + 1).isBlank()
                ? Optional.empty() : Optional.of(version.substring(hash + 1).strip());
    }

    /** "provider:version", or just "kubeconfig". */
    @Override
    public String toString() {
        return version.isEmpty() ? provider : provider + ":" + version;
    }

    private static ClusterSpec known(String provider, String version, List<String> versions, String source) {
        if (versions.contains(version)) {
            return new ClusterSpec(provider, version);
        }
        String choices = versions.isEmpty() ? "none" : versions.stream()
                .map(v -> provider + ":" + v).collect(Collectors.joining(", "));
        String what = version.isEmpty()
                ? "missing version in '" + provider + "'"
                : "unknown cluster version '" + provider + ":" + version + "'";
        throw new ClusterUnavailableException(what + "; known: " + choices + " (" + source + ")");
    }

    private static String source(Path file) {
        return java.nio.file.Files.isRegularFile(file) ? "see " + file : file + " not found";
    }
}
