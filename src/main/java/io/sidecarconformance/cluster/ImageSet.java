package io.sidecarconformance.cluster;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Images scenario pods run.
 *
 * @param busybox    a busybox image: sh, date +%N, dd, httpd, wget, kill, ...
 * @param dind       a Docker-in-Docker image with dockerd and the docker CLI
 * @param proxy      an HAProxy image with busybox applets (sh, wget, nc): the proxy sidecar
 * @param pullPolicy IfNotPresent or Never
 * @param standIns   for a user's own pod (-Dworkload) on a cluster that cannot pull: the local image that stands in for
 *                   each public repository (any tag), e.g. "ghcr.io/actions/actions-runner" to the local dind image
 */
public record ImageSet(String busybox, String dind, String proxy, String pullPolicy, Map<String, String> standIns) {

    public ImageSet {
        Objects.requireNonNull(busybox, "busybox");
        Objects.requireNonNull(dind, "dind");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(pullPolicy, "pullPolicy");
        // Keyed by repository as standInFor looks them up: a key written with a tag or Docker Hub's prefix still matches.
        standIns = standIns.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                e -> repository(e.getKey()), Map.Entry::getValue, (first, second) -> first));
    }

    public ImageSet(String busybox, String dind, String proxy, String pullPolicy) {
        this(busybox, dind, proxy, pullPolicy, Map.of());
    }

    /** The image a user's container runs here: its stand-in, where this cluster has one for its repository. */
    public Optional<String> standInFor(String image) {
        return Optional.ofNullable(standIns.get(repository(image)));
    }

    /** An image's repository without tag or digest, and without Docker Hub's implicit prefixes. */
    static String repository(String image) {
        String r = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        if (colon > slash) {
            r = r.substring(0, colon);
        }
        for (String prefix : new String[] {"docker.io/", "index.docker.io/", "library/"}) {
            if (r.startsWith(prefix)) {
                r = r.substring(prefix.length());
            }
        }
        return r;
    }

    /**
     * Public images, for clusters that can pull (k3s, kind, most kubeconfig clusters). The proxy is HAProxy's official
     * image in its Alpine form: the suite's scripts need busybox's sh, wget and nc, which the Debian form lacks.
     */
    public static ImageSet publicImages() {
        return new ImageSet("docker.io/library/busybox:1.36.1", "docker.io/library/docker:27.5.1-dind",
                "docker.io/library/haproxy:2.6.12-alpine", "IfNotPresent");
    }

    /** This set with the user's overrides applied (-Dimages.busybox, -Dimages.dind, -Dimages.proxy, -Dimages.pullPolicy). */
    public ImageSet overriddenBy(ClusterSettings.Images overrides) {
        String b = overrides.busybox().orElse(busybox);
        String d = overrides.dind().orElse(dind);
        return new ImageSet(b, d, overrides.proxy().orElse(proxy), overrides.pullPolicy().orElse(pullPolicy),
                overrides.standIns().map(file -> StandInFile.read(file, b, d)).orElse(standIns));
    }
}
