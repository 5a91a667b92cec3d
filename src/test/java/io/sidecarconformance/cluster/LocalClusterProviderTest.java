package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient
class LocalClusterProviderTest {

    static KubernetesMockServer server;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(progressBytes, true, StandardCharsets.UTF_8);
    private final ImageSet images = new ImageSet("sc.local/busybox:1.36.1", "sc.local/docker:27.5.1-dind", "sc.local/haproxy:2.6.12", "Never");
    private Path calls;

    @BeforeEach
    void calls() {
        calls = dir.resolve("calls.log");
    }

    /** A cluster.sh keeping to the contract: progress on stderr, the kubeconfig path alone on stdout. */
    private Path workingScript() throws IOException {
        TestClusters.answersVersion(server);
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("state/kubeconfig"), server.url("/"));
        return TestClusters.script(dir.resolve("clusters/local/cluster.sh"), """
                echo "$* owner=${SC_LOCAL_OWNER:-none}" >> '%s'
                case "$1" in
                  up)   echo "building kube-apiserver v1.31.14 (first build takes a while)" >&2
                        echo "starting etcd" >&2
                        echo '%s' ;;
                  down) echo "stopping kubelet" >&2 ;;
                esac
                """.formatted(calls, kubeconfig));
    }

    private LocalClusterProvider provider(Path script, Duration upTimeout, boolean keep) {
        return new LocalClusterProvider("1.31", script, images, upTimeout, Duration.ofSeconds(5), keep, progress);
    }

    private String progress() {
        return progressBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void upGivesAClientFromTheStdoutPathAndPassesStderrThrough() throws IOException {
        LocalClusterProvider provider = provider(workingScript(), Duration.ofMinutes(1), false);

        assertThat(provider.start().getConfiguration().getMasterUrl()).as("client from the printed kubeconfig")
                .isEqualTo(server.url("/"));
        assertThat(provider.serverVersion()).isEqualTo("v1.31.14");
        assertThat(provider.id()).isEqualTo("local:1.31");
        assertThat(provider.images()).isEqualTo(images);
        assertThat(progress()).as("stderr streamed with a prefix").contains(
                "[local 1.31] building kube-apiserver v1.31.14 (first build takes a while)\n",
                "[local 1.31] starting etcd\n");
        String owner = " owner=" + ProcessHandle.current().pid();
        assertThat(Files.readAllLines(calls)).as("before close; this run named as the cluster's holder")
                .containsExactly("up 1.31" + owner);

        provider.close();
        provider.close();

        assertThat(Files.readAllLines(calls)).as("after close, once").containsExactly("up 1.31" + owner, "down 1.31" + owner);
        assertThat(progress()).contains("[local 1.31] stopping kubelet");
    }

    @Test
    void kindShKeepsTheSameContractUnderTheKindId() throws IOException {
        TestClusters.answersVersion(server);
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("state/kubeconfig"), server.url("/"));
        Path script = TestClusters.script(dir.resolve("clusters/kind/kind.sh"), """
                echo "$*" >> '%s'
                case "$1" in
                  up)   echo "kind create cluster sc-1.31" >&2; echo '%s' ;;
                  down) echo "stopped" >&2 ;;
                esac
                """.formatted(calls, kubeconfig));
        LocalClusterProvider provider = new LocalClusterProvider("kind", "1.31", script, images, Duration.ofMinutes(1),
                Duration.ofSeconds(5), false, progress);

        provider.start();
        provider.close();

        assertThat(provider.id()).isEqualTo("kind:1.31");
        assertThat(Files.readAllLines(calls)).containsExactly("up 1.31", "down 1.31");
        assertThat(progress()).contains("[kind 1.31] kind create cluster sc-1.31\n", "[kind 1.31] stopped\n");
    }

    @Test
    void keepClusterSkipsDown() throws IOException {
        LocalClusterProvider provider = provider(workingScript(), Duration.ofMinutes(1), true);
        provider.start();
        provider.close();

        assertThat(Files.readAllLines(calls)).containsExactly("up 1.31 owner=" + ProcessHandle.current().pid());
    }

    @Test
    void theKubeletRestartIsRecordedAsTheCommandItRunsOnlyOnTheLocalProviders() {
        Path script = dir.resolve("clusters/local/cluster.sh");
        assertThat(provider(script, Duration.ofMinutes(1), false).nodeControl()).as("local")
                .hasValueSatisfying(n -> assertThat(n.restartKubeletCommand())
                        .isEqualTo("bash clusters/local/cluster.sh restart-kubelet 1.31"));
        assertThat(new LocalClusterProvider("local-v2", "1.35", dir.resolve("clusters/local-v2/cluster.sh"), images,
                Duration.ofMinutes(1), Duration.ofSeconds(5), false, progress).nodeControl()).as("local-v2")
                .hasValueSatisfying(n -> assertThat(n.restartKubeletCommand())
                        .isEqualTo("bash clusters/local-v2/cluster.sh restart-kubelet 1.35"));
        assertThat(new LocalClusterProvider("kind", "1.31", script, images, Duration.ofMinutes(1), Duration.ofSeconds(5),
                false, progress).nodeControl()).as("kind: no node control").isEmpty();
    }

    @Test
    void closeWithoutStartRunsNothing() throws IOException {
        provider(workingScript(), Duration.ofMinutes(1), false).close();

        assertThat(calls).doesNotExist();
    }

    @Test
    void failureSurfacesTheLastStderrLineInOneLine() throws IOException {
        Path script = TestClusters.script(dir.resolve("cluster.sh"), """
                echo "$*" >> '%s'
                if [ "$1" = up ]; then
                  echo "building etcd" >&2
                  echo "etcd did not start: port 2379 in use" >&2
                  exit 3
                fi
                """.formatted(calls));
        LocalClusterProvider provider = provider(script, Duration.ofMinutes(1), false);

        assertThatThrownBy(provider::start)
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("local cluster 1.31 did not come up (cluster.sh up exited 3): etcd did not start: port 2379 in use");
        assertThat(progress()).contains("[local 1.31] building etcd");

        provider.close();
        assertThat(Files.readAllLines(calls)).as("a half-started cluster is taken down").containsExactly("up 1.31", "down 1.31");
    }

    @Test
    void aRunningInstanceIsWhereItsScriptSaysAndNothingIsStartedOrStopped() throws IOException {
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("local/6/run/kubeconfig"), server.url("/"));
        Path script = TestClusters.script(dir.resolve("clusters/local/cluster.sh"), """
                echo "$*" >> '%s'
                [ "$1" = kubeconfig ] && echo '%s'
                """.formatted(calls, kubeconfig));
        LocalClusterProvider provider = provider(script, Duration.ofMinutes(1), false);

        assertThat(provider.runningKubeconfig()).isEqualTo(kubeconfig);
        provider.close();
        assertThat(Files.readAllLines(calls)).as("asked, never up or down").containsExactly("kubeconfig 1.31");

        Files.delete(kubeconfig);
        assertThatThrownBy(provider::runningKubeconfig).as("not up")
                .hasMessage("local cluster 1.31 is not running (no " + kubeconfig
                        + "); start it with: bash clusters/local/cluster.sh up 1.31");
    }

    @Test
    void noPathOnStdoutIsAnError() throws IOException {
        Path script = TestClusters.script(dir.resolve("cluster.sh"), "echo 'up done' >&2\n");

        assertThatThrownBy(provider(script, Duration.ofMinutes(1), false)::start)
                .hasMessage("cluster.sh up 1.31 printed no kubeconfig path on stdout (got '')");
    }

    @Test
    void upIsBoundedAndKilledAtTheTimeout() throws IOException {
        Path script = TestClusters.script(dir.resolve("cluster.sh"), """
                if [ "$1" = up ]; then echo "compiling" >&2; sleep 60; fi
                """);
        LocalClusterProvider provider = provider(script, Duration.ofSeconds(1), true);

        long begin = System.nanoTime();
        assertThatThrownBy(provider::start).hasMessage("cluster.sh up 1.31 did not finish within 1 s;"
                + " raise -Dlocal.upTimeoutMinutes or look at the progress above");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .as("the script's children are gone").isEmpty();
    }

    @Test
    void missingScriptIsOneLine() {
        Path script = dir.resolve("clusters/local/cluster.sh");

        assertThatThrownBy(provider(script, Duration.ofMinutes(1), false)::start)
                .hasMessage(script + " not found: the local provider needs it; run from the repository root or set -Dclusters.dir");
    }

    @Test
    void localImagesComeFromImagesPropertiesWithPullPolicyNever() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir.resolve("clusters"));

        assertThat(catalog.localImages())
                .isEqualTo(new ImageSet("sc.local/busybox:1.36.1", "sc.local/docker:27.5.1-dind", "sc.local/haproxy:2.6.12", "Never"));
        Files.writeString(catalog.localImagesFile(), "busybox=sc.local/busybox:1.36.1\n");
        assertThatThrownBy(catalog::localImages).hasMessage(catalog.localImagesFile() + " has no 'dind' image");
        Files.writeString(catalog.localImagesFile(), "busybox=sc.local/busybox:1.36.1\ndind=sc.local/docker:27.5.1-dind\n");
        assertThatThrownBy(catalog::localImages).as("the proxy sidecar's image is required too")
                .hasMessage(catalog.localImagesFile() + " has no 'proxy' image");
        Files.delete(catalog.localImagesFile());
        assertThatThrownBy(catalog::localImages).hasMessageStartingWith(catalog.localImagesFile() + " not found: ");
    }
}
