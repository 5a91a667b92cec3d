package io.sidecarconformance.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicImagesTest {

    @Test
    void eachLocalImageHasItsPublicOneOfTheSameVersion() {
        assertThat(PublicImages.publicName(PublicImages.LOCAL_PREFIX + "busybox:1.35.0")).isEqualTo("busybox:1.35.0");
        assertThat(PublicImages.publicName(PublicImages.LOCAL_PREFIX + "dind:20.10.24")).isEqualTo("docker:20.10.24-dind");
        assertThat(PublicImages.publicName(PublicImages.LOCAL_PREFIX + "proxy:2.6.12"))
                .as("HAProxy's official image, its Alpine form (busybox's wget and nc for the scripts)")
                .isEqualTo("haproxy:2.6.12-alpine");
        assertThat(PublicImages.publicName("example.org/haproxy:3")).as("any other name as it is").isEqualTo("example.org/haproxy:3");
    }

    @Test
    void aManifestNamingTheProxyImageIsPulledIfNotPresent() {
        String manifest = "image: \"" + PublicImages.LOCAL_PREFIX + "proxy:2.6.12\"\nimagePullPolicy: \"Never\"\n";

        assertThat(PublicImages.inManifest(manifest)).isEqualTo("image: \"haproxy:2.6.12-alpine\"\nimagePullPolicy: \"IfNotPresent\"\n");
        assertThat(PublicImages.rule()).as("the page's rule names it").contains("haproxy:T-alpine for " + PublicImages.LOCAL_PREFIX + "proxy:T");
    }
}
