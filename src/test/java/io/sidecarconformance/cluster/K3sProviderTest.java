package io.sidecarconformance.cluster;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class K3sProviderTest {

    @Test
    void withoutDockerStartIsOneLineSayingWhatToDo() {
        AtomicInteger asked = new AtomicInteger();
        K3sProvider provider = new K3sProvider("1.28-sidecars", "rancher/k3s:v1.28.15-k3s1",
                List.of("--kubelet-arg=feature-gates=SidecarContainers=true"), ImageSet.publicImages(),
                Duration.ofSeconds(20), new PrintStream(new ByteArrayOutputStream()), () -> {
                    asked.incrementAndGet();
                    return false;
                });

        assertThatThrownBy(provider::start)
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("Docker is not reachable: start Docker, or choose -Dcluster=local:1.28-sidecars"
                        + " (Linux, root, Go) or -Dcluster=kubeconfig[:<path>]");
        assertThat(asked).as("checked once, before any container work").hasValue(1);
        assertThat(provider.serverVersion()).isNull();
        provider.close();
        assertThat(provider.id()).isEqualTo("k3s:1.28-sidecars");
        assertThat(provider.images()).isEqualTo(ImageSet.publicImages());
    }
}
