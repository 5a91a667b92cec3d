package io.sidecarconformance.cluster;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import io.sidecarconformance.settings.PropertyReader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterProvidersTest {

    static final String NOTHING = "no cluster available: start Docker (k3s via Testcontainers), install kind,"
            + " point KUBECONFIG at a cluster, or on Linux as root with Go run with -Dcluster=local:1.31";

    @TempDir
    Path dir;

    private final StubEnvironment environment = new StubEnvironment();
    private final Properties properties = new Properties();
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private ClusterCatalog catalog;

    @BeforeEach
    void catalog() throws IOException {
        catalog = TestClusters.catalog(dir.resolve("clusters"));
        environment.home = dir.resolve("home");
    }

    private ClusterProviders providers() {
        properties.setProperty("clusters.dir", catalog.dir().toString());
        return new ClusterProviders(environment, ClusterSettings.read(new PropertyReader(properties)),
                new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dockerMeansK3s() {
        environment.docker = true;
        environment.onPath.add("kind");

        ClusterProvider provider = providers().provider("");

        assertThat(provider).isInstanceOf(K3sProvider.class);
        assertThat(provider.id()).isEqualTo("k3s:1.31");
        assertThat(log()).isEqualTo("cluster: k3s:1.31 (no -Dcluster given; Docker is reachable, so k3s via Testcontainers)\n");
    }

    @Test
    void withoutDockerAnAnsweringKubeconfigFromTheVariable() {
        Path kubeconfig = dir.resolve("ci.kubeconfig");
        environment.env.put("KUBECONFIG", dir.resolve("absent") + ":" + kubeconfig);
        environment.files.add(kubeconfig);
        environment.answering.add(kubeconfig);
        environment.onPath.add("go");
        environment.files.add(catalog.localScript());

        ClusterProvider provider = providers().provider(null);

        assertThat(provider).isInstanceOf(KubeconfigProvider.class);
        assertThat(((KubeconfigProvider) provider).kubeconfig()).as("first existing file of $KUBECONFIG").isEqualTo(kubeconfig);
        assertThat(log()).isEqualTo("cluster: kubeconfig (no -Dcluster given; Docker is not reachable; the API server of "
                + kubeconfig + " answers)\n");
        assertThat(environment.asked).as("order of the checks").containsExactly("docker", "answers " + kubeconfig);
    }

    @Test
    void homeKubeconfigIsUsedWhenTheVariableIsUnset() {
        Path home = environment.home.resolve(".kube/config");
        environment.files.add(home);
        environment.answering.add(home);

        assertThat(((KubeconfigProvider) providers().provider(" ")).kubeconfig()).isEqualTo(home);
    }

    @Test
    void aSilentKubeconfigFallsThroughToLocalWhenItCanBuild() {
        Path home = environment.home.resolve(".kube/config");
        environment.files.add(home);
        environment.files.add(catalog.localScript());
        environment.onPath.add("go");

        ClusterProvider provider = providers().provider("");

        assertThat(provider).isInstanceOf(LocalClusterProvider.class);
        assertThat(provider.id()).isEqualTo("local:1.31");
        assertThat(provider.images()).as("images cluster.sh imports")
                .isEqualTo(new ImageSet("sc.local/busybox:1.36.1", "sc.local/docker:27.5.1-dind", "sc.local/haproxy:2.6.12", "Never"));
        assertThat(log()).startsWith("cluster: local:1.31 (no -Dcluster given; no Docker, no answering kubeconfig;"
                + " Linux, root and Go can build ");
        assertThat(environment.asked).containsExactly("docker", "answers " + home, "isLinux", "isRoot", "onPath go");
    }

    @Test
    void localNeedsEveryPrecondition() {
        environment.files.add(catalog.localScript());
        environment.onPath.add("go");
        environment.root = false;
        assertThatThrownBy(() -> providers().provider("")).as("not root").hasMessage(NOTHING);

        environment.root = true;
        environment.linux = false;
        assertThatThrownBy(() -> providers().provider("")).as("not Linux").hasMessage(NOTHING);

        environment.linux = true;
        environment.onPath.clear();
        assertThatThrownBy(() -> providers().provider("")).as("no Go").hasMessage(NOTHING);

        environment.onPath.add("go");
        environment.files.clear();
        assertThatThrownBy(() -> providers().provider("")).as("no cluster.sh").hasMessage(NOTHING);
    }

    @Test
    void nothingAvailableIsOneLineSayingWhatToInstall() {
        assertThatThrownBy(() -> providers().provider(""))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage(NOTHING);
    }

    @Test
    void anExplicitValueIsValidatedAndBuiltWithoutProbingTheMachine() throws IOException {
        environment.forbidden = true;
        properties.setProperty(KindNodeImage.PROPERTY, "public");
        Files.createDirectories(catalog.kindDir());
        Files.writeString(catalog.kindConfig("1.31"), "kind: Cluster\n");

        assertThat(providers().provider("k3s:1.28-sidecars")).isInstanceOf(K3sProvider.class)
                .extracting(ClusterProvider::id).isEqualTo("k3s:1.28-sidecars");
        assertThat(providers().provider("kind:1.31")).isInstanceOf(KindProvider.class)
                .extracting(ClusterProvider::id).isEqualTo("kind:1.31");
        assertThat(providers().provider("local:1.28-sidecars")).isInstanceOf(LocalClusterProvider.class);
        assertThat(providers().provider("local-v2:1.35")).isInstanceOf(LocalClusterProvider.class)
                .extracting(ClusterProvider::id).isEqualTo("local-v2:1.35");
        ClusterProvider kubeconfig = providers().provider("kubeconfig:/etc/ci/kc.yaml#ci");
        assertThat(kubeconfig.id()).isEqualTo("kubeconfig:ci");
        assertThat(((KubeconfigProvider) kubeconfig).kubeconfig()).isEqualTo(Path.of("/etc/ci/kc.yaml"));
        assertThatThrownBy(() -> providers().provider("local:1.30"))
                .hasMessageStartingWith("unknown cluster version 'local:1.30'; known: local:1.27, ");
        assertThat(log()).contains("cluster: k3s:1.28-sidecars (from -Dcluster=k3s:1.28-sidecars)\n");
    }

    @Test
    void k3sFrom135OnACgroupV1HostTurnsTheKubeletsCgroupV1RefusalOff() throws IOException {
        environment.forbidden = true;
        // the test catalog's k3s-only row 1.40 (v1.40.0): past 1.35
        K3sProvider newer = (K3sProvider) providers().provider("k3s:1.40");
        K3sProvider k3s131 = (K3sProvider) providers().provider("k3s:1.31");
        assertThat(newer.serverArgs()).as("1.35 and later on cgroup v1").containsExactly("--kubelet-arg=fail-cgroupv1=false");
        assertThat(k3s131.serverArgs()).as("1.31 has no such refusal").isEmpty();

        environment.files.add(ClusterProviders.CGROUP_V2_MARKER);
        assertThat(((K3sProvider) providers().provider("k3s:1.40")).serverArgs()).as("on cgroup v2").isEmpty();
        assertThat(((K3sProvider) providers().provider("k3s:1.28-sidecars")).serverArgs()).as("a row's gates stay")
                .containsExactly("--kube-apiserver-arg=feature-gates=SidecarContainers=true",
                        "--kube-controller-manager-arg=feature-gates=SidecarContainers=true",
                        "--kube-scheduler-arg=feature-gates=SidecarContainers=true",
                        "--kubelet-arg=feature-gates=SidecarContainers=true");
    }

    @Test
    void imageOverridesApplyToEveryProvider() throws IOException {
        environment.forbidden = true;
        Files.createDirectories(catalog.kindDir());
        Files.writeString(catalog.kindConfig("1.31"), "kind: Cluster\n");
        properties.setProperty("images.busybox", "mirror.example/busybox:1.36.1");
        properties.setProperty("images.dind", "mirror.example/docker:27.5.1-dind");
        properties.setProperty("images.proxy", "mirror.example/haproxy:2.6.12-alpine");
        properties.setProperty(KindNodeImage.PROPERTY, "public");

        for (String cluster : List.of("k3s:1.31", "kind:1.31", "kubeconfig", "local:1.31")) {
            ImageSet images = providers().provider(cluster).images();
            assertThat(images.busybox()).as(cluster).isEqualTo("mirror.example/busybox:1.36.1");
            assertThat(images.dind()).as(cluster).isEqualTo("mirror.example/docker:27.5.1-dind");
            assertThat(images.proxy()).as(cluster).isEqualTo("mirror.example/haproxy:2.6.12-alpine");
        }
        assertThat(providers().provider("k3s:1.31").images().pullPolicy()).isEqualTo("IfNotPresent");
        assertThat(providers().provider("local:1.31").images().pullPolicy()).isEqualTo("Never");

        properties.setProperty("images.pullPolicy", "Never");
        assertThat(providers().provider("kubeconfig").images().pullPolicy()).isEqualTo("Never");
    }

    @Test
    void kindOnALocalNodeImageRunsKindShWithTheLocalImages() throws IOException {
        kindConfig();
        environment.forbidden = true;
        properties.setProperty(KindNodeImage.PROPERTY, "local");

        ClusterProvider provider = providers().provider("kind:1.31");

        assertThat(provider).as("kind.sh up/down, like cluster.sh").isInstanceOf(LocalClusterProvider.class);
        assertThat(provider.id()).isEqualTo("kind:1.31");
        assertThat(provider.images()).as("clusters/local's images, loaded with kind load image-archive")
                .isEqualTo(catalog.localImages());
        assertThat(log()).contains("kind node image: -Dkind.nodeImage=local: node image built here by "
                + catalog.kindScript());
    }

    @Test
    void kindAutoKeepsThePublicImageWhereKindAndDockerAreThere() throws IOException {
        kindConfig();
        environment.onPath.add("kind");
        environment.docker = true;
        environment.files.add(catalog.kindScript());

        assertThat(providers().provider("kind:1.31")).isInstanceOf(KindProvider.class);
        assertThat(log()).contains("kind node image: kind on PATH and Docker reachable: the pinned kindest/node image");
    }

    @Test
    void kindAutoBuildsHereWithoutKindOrDocker() throws IOException {
        kindConfig();
        environment.files.add(catalog.kindScript());

        assertThat(providers().provider("kind:1.31")).isInstanceOf(LocalClusterProvider.class)
                .extracting(ClusterProvider::id).isEqualTo("kind:1.31");

        environment.onPath.add("kind");
        assertThat(providers().provider("kind:1.31")).as("kind on PATH but no Docker answers")
                .isInstanceOf(LocalClusterProvider.class);
    }

    @Test
    void kindAutoFallsBackToThePublicImageWhereKindShCannotBuild() throws IOException {
        kindConfig();
        environment.files.add(catalog.kindScript());
        environment.root = false;

        assertThat(providers().provider("kind:1.31")).isInstanceOf(KindProvider.class);
        assertThat(log()).contains("kind.sh cannot build here: needs Linux and root");
    }

    @Test
    void anUnknownNodeImageChoiceIsOneLine() throws IOException {
        kindConfig();
        properties.setProperty(KindNodeImage.PROPERTY, "mine");

        assertThatThrownBy(() -> providers().provider("kind:1.31"))
                .hasMessage("-Dkind.nodeImage=mine is not one of auto, public, local");
    }

    private void kindConfig() throws IOException {
        Files.createDirectories(catalog.kindDir());
        Files.writeString(catalog.kindConfig("1.31"), "kind: Cluster\n");
    }

    @Test
    void imageSetOverridesIgnoreBlankValues() {
        Properties overrides = new Properties();
        overrides.setProperty("images.busybox", " ");
        overrides.setProperty("images.dind", " my/dind:1 ");

        assertThat(ImageSet.publicImages().overriddenBy(ClusterSettings.read(new PropertyReader(overrides)).images())).isEqualTo(new ImageSet(
                ImageSet.publicImages().busybox(), "my/dind:1", ImageSet.publicImages().proxy(), ImageSet.publicImages().pullPolicy()));
    }

    @Test
    void aWrongNumberPropertyIsOneLine() {
        properties.setProperty("cluster.connectTimeoutSeconds", "twenty");

        assertThatThrownBy(() -> providers().provider("kubeconfig"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dcluster.connectTimeoutSeconds=twenty is not a whole number from 1 to 100000;"
                        + " leave it out for the default 20");
    }

    /** Answers from fields; records what was asked. */
    static final class StubEnvironment implements Environment {
        boolean docker;
        boolean linux = true;
        boolean root = true;
        boolean forbidden;
        Path home;
        final Set<String> onPath = new HashSet<>();
        final Set<Path> files = new HashSet<>();
        final Set<Path> answering = new HashSet<>();
        final Map<String, String> env = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        private void ask(String what) {
            if (forbidden) {
                throw new AssertionError("probed the machine: " + what);
            }
            asked.add(what);
        }

        @Override
        public boolean dockerReachable() {
            ask("docker");
            return docker;
        }

        @Override
        public boolean onPath(String command) {
            ask("onPath " + command);
            return onPath.contains(command);
        }

        @Override
        public boolean fileExists(Path path) {
            return files.contains(path);
        }

        @Override
        public boolean isLinux() {
            ask("isLinux");
            return linux;
        }

        @Override
        public boolean isRoot() {
            ask("isRoot");
            return root;
        }

        @Override
        public Optional<String> env(String name) {
            return Optional.ofNullable(env.get(name));
        }

        @Override
        public Path home() {
            return home;
        }

        @Override
        public boolean apiAnswers(Path kubeconfig, Duration within) {
            ask("answers " + kubeconfig);
            assertThat(within).isLessThanOrEqualTo(Duration.ofSeconds(5));
            return answering.contains(kubeconfig);
        }
    }
}
