package io.sidecarconformance.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which local image stands in for a user's public one (-Dworkload on a cluster that pulls nothing). */
class ImageSetTest {

    @TempDir
    Path dir;

    @Test
    void aRepositoryIsTheImageWithoutTagDigestOrDockerHubsImplicitPrefixes() {
        assertThat(ImageSet.repository("busybox")).as("bare").isEqualTo("busybox");
        assertThat(ImageSet.repository("busybox:1.36")).as("tag").isEqualTo("busybox");
        assertThat(ImageSet.repository("busybox@sha256:0123abcd")).as("digest").isEqualTo("busybox");
        assertThat(ImageSet.repository("busybox:1.36@sha256:0123abcd")).as("tag and digest").isEqualTo("busybox");
        assertThat(ImageSet.repository("docker.io/library/busybox:1.36")).as("Docker Hub's full name").isEqualTo("busybox");
        assertThat(ImageSet.repository("index.docker.io/library/busybox")).as("its old host").isEqualTo("busybox");
        assertThat(ImageSet.repository("library/busybox:1.36")).isEqualTo("busybox");
        assertThat(ImageSet.repository("docker.io/buildkite/agent:3")).as("a Docker Hub user's image").isEqualTo("buildkite/agent");
        assertThat(ImageSet.repository("docker:dind")).isEqualTo("docker");
        assertThat(ImageSet.repository("ghcr.io/actions/actions-runner:latest")).isEqualTo("ghcr.io/actions/actions-runner");
        assertThat(ImageSet.repository("localhost:5000/x:1")).as("a registry's port is no tag").isEqualTo("localhost:5000/x");
        assertThat(ImageSet.repository("localhost:5000/x")).isEqualTo("localhost:5000/x");
        assertThat(ImageSet.repository("localhost:5000/team/x@sha256:ff")).isEqualTo("localhost:5000/team/x");
    }

    @Test
    void anImageRunsOnTheStandInOfItsRepositoryWhateverItsTag() {
        ImageSet local = new ImageSet("sc/busybox:1", "sc/dind:1", "sc/proxy:1", "Never",
                Map.of("busybox", "sc/busybox:1", "ghcr.io/actions/actions-runner", "sc/dind:1", "localhost:5000/x", "sc/x:2"));

        assertThat(local.standInFor("busybox:1.36")).contains("sc/busybox:1");
        assertThat(local.standInFor("docker.io/library/busybox@sha256:0123")).contains("sc/busybox:1");
        assertThat(local.standInFor("ghcr.io/actions/actions-runner:2.321.0")).contains("sc/dind:1");
        assertThat(local.standInFor("localhost:5000/x:1")).contains("sc/x:2");
        assertThat(local.standInFor("nginx:1.27-alpine")).as("a repository not listed runs as written").isEmpty();
        assertThat(local.standInFor("ghcr.io/actions/other:1")).isEmpty();
        assertThat(new ImageSet("b", "d", "p", "IfNotPresent").standInFor("busybox")).as("no stand-ins: none").isEmpty();
        assertThat(local.overriddenBy(ClusterSettings.Images.none()).standIns()).as("kept through -Dimages.* overrides")
                .isEqualTo(local.standIns());
    }

    @Test
    void theShippedLocalImagesNameStandInsForTheExamplesPublicImages() {
        ImageSet local = new ClusterCatalog(Path.of("clusters")).localImages();

        assertThat(local.standInFor("docker:dind")).as("docker:dind").contains(local.dind());
        assertThat(local.standInFor("ghcr.io/actions/actions-runner:latest")).as("the ARC runner").contains(local.dind());
        assertThat(local.standInFor("buildkite/agent:3")).contains(local.dind());
        assertThat(local.standInFor("busybox:1.36")).contains(local.busybox());
        assertThat(local.pullPolicy()).isEqualTo("Never");
    }

    @Test
    void standInKeysOfImagesPropertiesNameBusyboxDindOrAnyImage() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir.resolve("clusters"));
        Files.writeString(catalog.localImagesFile(), """
                busybox=sc.local/busybox:1.36.1
                dind=sc.local/docker:27.5.1-dind
                proxy=sc.local/haproxy:2.6.12
                # a port in a key is escaped, as .properties keys end at ':'
                standin.localhost\\:5000/x= sc.local/x:2
                standin.docker=dind
                standin.busybox=busybox
                standin.docker.io/library/nginx=busybox
                notastandin=whatever
                """);

        ImageSet local = catalog.localImages();

        assertThat(local.standIns()).as("every standin.* key, aliases resolved, values stripped").isEqualTo(Map.of(
                "localhost:5000/x", "sc.local/x:2", "docker", "sc.local/docker:27.5.1-dind",
                "busybox", "sc.local/busybox:1.36.1", "nginx", "sc.local/busybox:1.36.1"));
        assertThat(local.standInFor("docker.io/library/docker:27-dind")).contains("sc.local/docker:27.5.1-dind");
        assertThat(local.standInFor("nginx:1.27-alpine")).as("a key written with Docker Hub's prefix")
                .contains("sc.local/busybox:1.36.1");
        assertThat(local.standInFor("localhost:5000/x:7")).contains("sc.local/x:2");
    }
}
