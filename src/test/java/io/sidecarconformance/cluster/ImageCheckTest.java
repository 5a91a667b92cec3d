package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient
class ImageCheckTest {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @Test
    void reportsTheImagesNoNodeHolds() {
        server.expect().get().withPath("/api/v1/nodes").andReturn(200, new NodeListBuilder()
                .addToItems(new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                        .withNewStatus()
                        .addNewImage().withNames("sc.local/busybox:1.36.1", "sc.local/busybox@sha256:abc").endImage()
                        .addNewImage().withNames("sc.local/pause:3.10").endImage()
                        .endStatus().build())
                .addToItems(new NodeBuilder().withNewMetadata().withName("n2").endMetadata().build())
                .build()).once();

        assertThat(ImageCheck.missingOnNodes(client,
                new ImageSet("sc.local/busybox:1.36.1", "sc.local/docker:27.5.1-dind", "Never")))
                .containsExactly("sc.local/docker:27.5.1-dind");
    }

    @Test
    void namesMatchWithoutRegistryHostOrLibrary() {
        assertThat(ImageCheck.normalized("registry.example:5000/library/busybox:1.36.1")).isEqualTo("busybox:1.36.1");
        assertThat(ImageCheck.normalized("library/busybox:1.36.1")).isEqualTo("busybox:1.36.1");
        assertThat(ImageCheck.normalized("busybox:1.36.1")).isEqualTo("busybox:1.36.1");
        assertThat(ImageCheck.normalized("rancher/k3s:v1.31.14-k3s1")).isEqualTo("rancher/k3s:v1.31.14-k3s1");
        assertThat(ImageCheck.normalized("localhost/sc/busybox:1")).isEqualTo("sc/busybox:1");
    }
}
