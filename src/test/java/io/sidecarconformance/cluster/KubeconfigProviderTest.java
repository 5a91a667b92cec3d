package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@EnableKubernetesMockClient
class KubeconfigProviderTest {

    static KubernetesMockServer server;

    @TempDir
    Path dir;

    @Test
    void reachableApiGivesAClientAndTheServerVersion() throws IOException {
        TestClusters.answersVersion(server);
        server.expect().get().withPath("/api/v1/namespaces/default")
                .andReturn(200, new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build()).once();
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("kc.yaml"), server.url("/"));

        try (KubeconfigProvider provider = new KubeconfigProvider(kubeconfig, null, ImageSet.publicImages(),
                Duration.ofSeconds(5))) {
            assertThat(provider.serverVersion()).as("before start").isNull();
            KubernetesClient client = provider.start();

            assertThat(provider.serverVersion()).as("after start").isEqualTo("v1.31.14");
            assertThat(client.namespaces().withName("default").get().getMetadata().getName()).isEqualTo("default");
            assertThat(provider.id()).isEqualTo("kubeconfig");
            assertThat(provider.images()).isEqualTo(ImageSet.publicImages());
        }
    }

    @Test
    void aNamedContextIsUsed() throws IOException {
        TestClusters.answersVersion(server);
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("kc.yaml"), server.url("/"));

        try (KubeconfigProvider provider = new KubeconfigProvider(kubeconfig, "test", ImageSet.publicImages(),
                Duration.ofSeconds(5))) {
            provider.start();
            assertThat(provider.id()).isEqualTo("kubeconfig:test");
            assertThat(provider.serverVersion()).isEqualTo("v1.31.14");
        }
    }

    @Test
    void anUnknownContextIsOneLineNamingIt() throws IOException {
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("kc.yaml"), "https://127.0.0.1:1");

        assertThatThrownBy(() -> new KubeconfigProvider(kubeconfig, "prod", ImageSet.publicImages(),
                Duration.ofSeconds(5)).start())
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("kubeconfig " + kubeconfig + " has no context 'prod'");
    }

    @Test
    void malformedFileIsOneLineNamingTheFile() throws IOException {
        Path kubeconfig = dir.resolve("broken.yaml");
        Files.writeString(kubeconfig, "apiVersion: v1\nclusters: [ {name: x, cluster: {server: \n  - what\n");

        ClusterUnavailableException e = catchThrowableOfType(ClusterUnavailableException.class,
                () -> new KubeconfigProvider(kubeconfig, null, ImageSet.publicImages(), Duration.ofSeconds(5)).start());

        assertThat(e.getMessage()).startsWith("kubeconfig " + kubeconfig + " is not a valid kubeconfig (")
                .endsWith("check it with kubectl --kubeconfig " + kubeconfig + " config view").doesNotContain("\n");
        assertThat(e.getMessage().length()).as("a line, not a stack trace").isLessThan(400);

        assertThatThrownBy(() -> new KubeconfigProvider(kubeconfig, null, ImageSet.publicImages(), Duration.ofSeconds(5)).check())
                .as("check() finds it before any cluster work").isInstanceOf(ClusterUnavailableException.class);
        assertThatThrownBy(() -> new KubeconfigProvider(dir, null, ImageSet.publicImages(), Duration.ofSeconds(5)).check())
                .as("a directory").hasMessageContaining("is a directory");
    }

    @Test
    void missingFileIsOneLine() {
        Path kubeconfig = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> new KubeconfigProvider(kubeconfig, null, ImageSet.publicImages(),
                Duration.ofSeconds(5)).start())
                .hasMessage("kubeconfig " + kubeconfig + " not found; use -Dcluster=kubeconfig:<path> or set KUBECONFIG");
    }

    @Test
    void unreachableApiFailsWithinTheBoundInOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("kc.yaml"), "https://127.0.0.1:" + port);
        KubeconfigProvider provider = new KubeconfigProvider(kubeconfig, null, ImageSet.publicImages(),
                Duration.ofSeconds(3));

        long begin = System.nanoTime();
        ClusterUnavailableException e = catchThrowableOfType(ClusterUnavailableException.class, provider::start);
        Duration took = Duration.ofNanos(System.nanoTime() - begin);

        assertThat(took).as("within the bound").isLessThan(Duration.ofSeconds(4));
        assertThat(e.getMessage())
                .startsWith("API server at https://127.0.0.1:" + port + "/ did not answer within 3 s: ")
                .endsWith("; is the cluster running?")
                .doesNotContain("\n");
        assertThat(provider.serverVersion()).isNull();
        provider.close();
    }

    @Test
    void aServerThatNeverAnswersFailsAtTheBound() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Path kubeconfig = TestClusters.kubeconfig(dir.resolve("kc.yaml"), "https://127.0.0.1:" + silent.getLocalPort());
            KubeconfigProvider provider = new KubeconfigProvider(kubeconfig, null, ImageSet.publicImages(),
                    Duration.ofSeconds(2));

            long begin = System.nanoTime();
            ClusterUnavailableException e = catchThrowableOfType(ClusterUnavailableException.class, provider::start);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);

            assertThat(took).as("about the bound").isBetween(Duration.ofMillis(1500), Duration.ofSeconds(4));
            assertThat(e.getMessage()).contains("did not answer within 2 s: ").doesNotContain("\n");
        }
    }

    @Test
    void anHttpErrorIsReportedAsAnAnswer() throws IOException {
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = "{\"kind\":\"Status\",\"code\":401,\"message\":\"Unauthorized\"}".getBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            Path kubeconfig = TestClusters.kubeconfig(dir.resolve("kc.yaml"),
                    "http://127.0.0.1:" + refusing.getAddress().getPort());

            assertThatThrownBy(() -> new KubeconfigProvider(kubeconfig, null, ImageSet.publicImages(),
                    Duration.ofSeconds(5)).start())
                    .hasMessageStartingWith("API server at http://127.0.0.1:" + refusing.getAddress().getPort()
                            + "/ answered HTTP 401 to GET /version: ")
                    .hasMessageEndingWith("; check the credentials in the kubeconfig")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            refusing.stop(0);
        }
    }
}
