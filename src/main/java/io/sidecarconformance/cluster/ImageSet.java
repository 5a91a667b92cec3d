package io.sidecarconformance.cluster;

import java.util.Objects;

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

    /** This set with the user's overrides applied (-Dimages.busybox, -Dimages.dind, -Dimages.pullPolicy). */
    public ImageSet overriddenBy(ClusterSettings.Images overrides) {
        return new ImageSet(overrides.busybox().orElse(busybox), overrides.dind().orElse(dind),
                overrides.pullPolicy().orElse(pullPolicy));
    }
}
