package io.sidecarconformance.cluster;

import java.util.Objects;
import java.util.Properties;

/**
 * Images scenario pods run.
 *
 * @param busybox    a busybox image: sh, date +%N, dd, httpd, wget, kill, ...
 * @param dind       a Docker-in-Docker image with dockerd and the docker CLI
 * @param pullPolicy IfNotPresent or Never
 */
public record ImageSet(String busybox, String dind, String pullPolicy) {

    public ImageSet {
        Objects.requireNonNull(busybox, "busybox");
        Objects.requireNonNull(dind, "dind");
        Objects.requireNonNull(pullPolicy, "pullPolicy");
    }

    /** Public images, for clusters that can pull (k3s, kind, most kubeconfig clusters). */
    public static ImageSet publicImages() {
        return new ImageSet("docker.io/library/busybox:1.36.1", "docker.io/library/docker:27.5.1-dind", "IfNotPresent");
    }

    /**
     * This set with the user's overrides applied: system properties {@code images.busybox}, {@code images.dind},
     * {@code images.pullPolicy} (blank values are ignored).
     */
    public ImageSet overriddenBy(Properties properties) {
        return new ImageSet(
                property(properties, "images.busybox", busybox),
                property(properties, "images.dind", dind),
                property(properties, "images.pullPolicy", pullPolicy));
    }

    private static String property(Properties properties, String key, String fallback) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
