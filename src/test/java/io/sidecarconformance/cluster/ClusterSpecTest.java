package io.sidecarconformance.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSpecTest {

    @TempDir
    Path dir;

    @Test
    void parsesEveryProviderForm() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);
        Files.createDirectories(dir.resolve("kind"));
        Files.writeString(dir.resolve("kind/1.29.yaml"), "kind: Cluster\n");

        assertThat(ClusterSpec.parse("local:1.28-sidecars", catalog)).isEqualTo(new ClusterSpec("local", "1.28-sidecars"));
        assertThat(ClusterSpec.parse(" k3s:1.31 ", catalog)).isEqualTo(new ClusterSpec("k3s", "1.31"));
        assertThat(ClusterSpec.parse("kind:1.29", catalog)).isEqualTo(new ClusterSpec("kind", "1.29"));
        assertThat(ClusterSpec.parse("kubeconfig", catalog)).isEqualTo(new ClusterSpec("kubeconfig", ""));
    }

    @Test
    void kubeconfigTakesAPathAndAContext() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        ClusterSpec plain = ClusterSpec.parse("kubeconfig", catalog);
        ClusterSpec path = ClusterSpec.parse("kubeconfig:/tmp/kc.yaml", catalog);
        ClusterSpec context = ClusterSpec.parse("kubeconfig:/tmp/kc.yaml#ci-east", catalog);
        ClusterSpec contextOnly = ClusterSpec.parse("kubeconfig:#ci-east", catalog);

        assertThat(plain.kubeconfigPath()).as("no path").isEmpty();
        assertThat(plain.kubeconfigContext()).as("no context").isEmpty();
        assertThat(path.kubeconfigPath()).as("path").contains(Path.of("/tmp/kc.yaml"));
        assertThat(path.kubeconfigContext()).as("path, no context").isEmpty();
        assertThat(context.kubeconfigPath()).as("path before #").contains(Path.of("/tmp/kc.yaml"));
        assertThat(context.kubeconfigContext()).as("context after #").contains("ci-east");
        assertThat(contextOnly.kubeconfigPath()).as("context only: default path").isEmpty();
        assertThat(contextOnly.kubeconfigContext()).contains("ci-east");
        assertThat(context).hasToString("kubeconfig:/tmp/kc.yaml#ci-east");
    }

    @Test
    void localV2TakesTheLocalIdsWhoseContainerdIsABuild() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThat(catalog.localV2Versions()).as("rows with a containerd build; Debian's 1.6 is not in the guest")
                .containsExactly("1.35");
        assertThat(ClusterSpec.parse("local-v2:1.35", catalog)).isEqualTo(new ClusterSpec("local-v2", "1.35"));
        assertThat(catalog.localV2Script()).isEqualTo(dir.resolve("local-v2/cluster.sh"));
        assertThatThrownBy(() -> ClusterSpec.parse("local-v2:1.31", catalog))
                .as("a Debian-containerd row")
                .hasMessage("unknown cluster version 'local-v2:1.31'; known: local-v2:1.35 (see "
                        + dir.resolve("versions.tsv") + ")");
    }

    @Test
    void unknownLocalVersionListsTheChoicesOnOneLine() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThatThrownBy(() -> ClusterSpec.parse("local:1.30", catalog))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("unknown cluster version 'local:1.30'; known: local:1.27, local:1.28, local:1.28-sidecars,"
                        + " local:1.29, local:1.31, local:1.33, local:1.34, local:1.35 (see " + dir.resolve("versions.tsv")
                        + ")");
    }

    @Test
    void withoutVersionsTsvNoVersionIsKnownAndTheMissingFileIsNamed() {
        ClusterCatalog catalog = new ClusterCatalog(dir.resolve("absent"));

        assertThat(catalog.localVersions()).isEmpty();
        assertThatThrownBy(() -> ClusterSpec.parse("local:1.31", catalog))
                .hasMessage("unknown cluster version 'local:1.31'; known: none ("
                        + dir.resolve("absent/versions.tsv") + " not found)");
    }

    @Test
    void unknownProviderListsTheProviders() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThatThrownBy(() -> ClusterSpec.parse("minikube:1.31", catalog))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("unknown cluster provider 'minikube' in 'minikube:1.31'; known: local:<version>,"
                        + " local-v2:<version>, k3s:<version>, kind:<version>, kubeconfig[:<path>[#<context>]]");
    }

    @Test
    void missingVersionIsNamedAsSuch() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThatThrownBy(() -> ClusterSpec.parse("k3s", catalog))
                .hasMessageStartingWith("missing version in 'k3s'; known: k3s:1.27, k3s:1.28, k3s:1.28-sidecars,");
    }

    @Test
    void k3sVersionsComeFromTheVersionListWithTheGatesOnEveryComponent() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThat(List.copyOf(catalog.k3sVersions().keySet())).as("rows with a k3s image, in version order")
                .containsExactly("1.27", "1.28", "1.28-sidecars", "1.29", "1.31", "1.33", "1.40");
        assertThat(catalog.k3sVersions().get("1.28-sidecars").image()).isEqualTo("rancher/k3s:v1.28.15-k3s1");
        assertThat(catalog.k3sVersions().get("1.28-sidecars").serverArgs()).containsExactly(
                "--kube-apiserver-arg=feature-gates=SidecarContainers=true",
                "--kube-controller-manager-arg=feature-gates=SidecarContainers=true",
                "--kube-scheduler-arg=feature-gates=SidecarContainers=true",
                "--kubelet-arg=feature-gates=SidecarContainers=true");
        assertThat(catalog.k3sVersions().get("1.31").serverArgs()).isEmpty();
        assertThat(catalog.localVersions()).as("a row without a Kubernetes patch is not a local id").doesNotContain("1.40");
        assertThatThrownBy(() -> ClusterSpec.parse("k3s:1.34", catalog))
                .hasMessageStartingWith("unknown cluster version 'k3s:1.34'; known: k3s:1.27, ")
                .hasMessageEndingWith("k3s:1.33, k3s:1.40 (see " + dir.resolve("versions.tsv") + ")");
    }

    @Test
    void everyColumnOfARowIsRead() throws IOException {
        ClusterCatalog.VersionRow row = TestClusters.catalog(dir).versions().stream()
                .filter(r -> r.id().equals("1.34")).findFirst().orElseThrow();

        assertThat(row).as("an 11-column row: no kubelet column").isEqualTo(new ClusterCatalog.VersionRow("1.34",
                "v1.34.5", "", "debian", "debian", "v3.5.35", "3.10.1", "", "", "", "newest", ""));
    }

    @Test
    void aRowWithAKubeletColumnIsALocalAndLocalV2ColumnOfItsOwnNeverK3sOrKind() throws IOException {
        Files.createDirectories(dir.resolve("kind"));
        Files.writeString(dir.resolve("versions.tsv"), """
                # id\tkubernetes\tgates\tcontainerd\trunc\tetcd\tpause\tk3s\tkind_node\tkind_version\tnote\tkubelet
                1.35\tv1.35.8\t-\tv2.2.9\tv1.3.6\tv3.6.8\t3.10.1\trancher/k3s:v1.35.8-k3s1\tkindest/node:v1.35.8\tv0.33.0\tdefault\t-
                1.35-single-oom\tv1.35.8\t-\tv2.2.9\tv1.3.6\tv3.6.8\t3.10.1\t-\t-\t-\tone process\tsingleProcessOOMKill=true
                1.35-k3s-too\tv1.35.8\t-\tv2.2.9\tv1.3.6\tv3.6.8\t3.10.1\trancher/k3s:v1.35.8-k3s1\t-\t-\tbad row\tsingleProcessOOMKill=true
                """);
        Files.writeString(dir.resolve("kind/1.35.yaml"), "kind: Cluster\n");
        Files.writeString(dir.resolve("kind/1.35-single-oom.yaml"), "kind: Cluster\n");
        ClusterCatalog catalog = new ClusterCatalog(dir);

        assertThat(catalog.row("1.35-single-oom").orElseThrow().kubelet()).isEqualTo("singleProcessOOMKill=true");
        assertThat(catalog.row("1.35").orElseThrow().kubelet()).as("'-': none").isEmpty();
        assertThat(ClusterSpec.parse("local:1.35-single-oom", catalog)).isEqualTo(new ClusterSpec("local", "1.35-single-oom"));
        assertThat(ClusterSpec.parse("local-v2:1.35-single-oom", catalog))
                .isEqualTo(new ClusterSpec("local-v2", "1.35-single-oom"));
        assertThat(catalog.k3sVersions().keySet()).as("k3s would not apply the kubelet column, even given an image")
                .containsExactly("1.35");
        assertThat(catalog.kindVersions()).as("nor kind, even given a config").containsExactly("1.35");
        assertThatThrownBy(() -> ClusterSpec.parse("k3s:1.35-single-oom", catalog))
                .hasMessage("unknown cluster version 'k3s:1.35-single-oom'; known: k3s:1.35 (see " + dir.resolve("versions.tsv") + ")");
        assertThatThrownBy(() -> ClusterSpec.parse("kind:1.35-single-oom", catalog))
                .hasMessageStartingWith("unknown cluster version 'kind:1.35-single-oom'; known: kind:1.35 ");
        assertThat(catalog.settings("local-v2", "1.35-single-oom")).as("what results.json says the column ran with")
                .isEqualTo(new ClusterCatalog.ColumnSettings("", "singleProcessOOMKill=true"));
        assertThat(catalog.settings("local", "1.35")).isEqualTo(ClusterCatalog.ColumnSettings.NONE);
        assertThat(catalog.settings("kubeconfig", "1.35-single-oom")).as("not a column of the list")
                .isEqualTo(ClusterCatalog.ColumnSettings.NONE);
        assertThat(TestClusters.catalog(dir.resolve("other")).settings("k3s", "1.28-sidecars").gates())
                .isEqualTo("SidecarContainers=true");
    }

    @Test
    void theRepositoryListCoversEveryMinorFrom127To137() {
        ClusterCatalog catalog = new ClusterCatalog(Path.of("clusters"));

        assertThat(catalog.localVersions()).as("local ids in clusters/versions.tsv")
                .contains("1.27", "1.28", "1.28-sidecars", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35",
                        "1.36", "1.37");
        assertThat(catalog.k3sVersions()).as("k3s ids").containsKeys("1.28-sidecars", "1.35", "1.36", "1.37");
        assertThat(catalog.versions()).as("every row names its runtime")
                .allSatisfy(r -> assertThat(List.of(r.containerd(), r.runc(), r.etcd(), r.pause())).doesNotContain(""));
        assertThat(catalog.kindVersions()).as("a kind config per id that has a kind column")
                .containsAll(catalog.versions().stream().filter(r -> !r.kindNode().isEmpty()).map(r -> r.id()).toList());
        assertThat(catalog.versions().stream().filter(r -> r.kindNode().isEmpty()).toList())
                .as("a local-only column is an exact patch, or a kubelet column on its base row's build; neither kind nor k3s")
                .allSatisfy(r -> {
                    if (r.kubelet().isEmpty()) {
                        assertThat(r.kubernetes()).isEqualTo("v" + r.id());
                    } else {
                        ClusterCatalog.VersionRow base = catalog.row(r.id().substring(0, r.id().indexOf('-'))).orElseThrow();
                        assertThat(List.of(r.kubernetes(), r.containerd(), r.runc(), r.etcd(), r.pause()))
                                .as("%s: the build of %s", r.id(), base.id())
                                .isEqualTo(List.of(base.kubernetes(), base.containerd(), base.runc(), base.etcd(), base.pause()));
                    }
                    assertThat(r.k3sImage()).isEmpty();
                    assertThat(catalog.kindVersions()).doesNotContain(r.id());
                });
        assertThat(catalog.localV2Versions()).as("the singleProcessOOMKill columns, local and local-v2")
                .contains("1.35-single-oom", "1.37-single-oom");
        assertThat(catalog.row("1.35-single-oom").orElseThrow().kubelet()).isEqualTo("singleProcessOOMKill=true");
        assertThat(catalog.versions()).as("every column but the kubelet ones has no kubelet field")
                .filteredOn(r -> !r.id().endsWith("-single-oom")).allSatisfy(r -> assertThat(r.kubelet()).isEmpty());
    }

    @Test
    void kindVersionsAreTheConfigFiles() throws IOException {
        Files.createDirectories(dir.resolve("kind"));
        Files.writeString(dir.resolve("kind/1.28-sidecars.yaml"), "kind: Cluster\n");
        Files.writeString(dir.resolve("kind/1.33.yaml"), "kind: Cluster\n");
        Files.writeString(dir.resolve("kind/README.md"), "not a config\n");
        ClusterCatalog catalog = new ClusterCatalog(dir);

        assertThat(catalog.kindVersions()).containsExactly("1.28-sidecars", "1.33");
        assertThatThrownBy(() -> ClusterSpec.parse("kind:1.31", catalog))
                .hasMessage("unknown cluster version 'kind:1.31'; known: kind:1.28-sidecars, kind:1.33 (see "
                        + dir.resolve("kind/<version>.yaml") + ")");
    }

    @Test
    void noKindConfigsAtAllSaysNone() {
        assertThatThrownBy(() -> ClusterSpec.parse("kind:1.31", new ClusterCatalog(dir)))
                .hasMessage("unknown cluster version 'kind:1.31'; known: none (see " + dir.resolve("kind/<version>.yaml") + ")");
    }

    @Test
    void clustersDirComesFromTheProperty() {
        java.util.Properties properties = new java.util.Properties();
        assertThat(ClusterSettings.read(new io.sidecarconformance.settings.PropertyReader(properties)).catalog().dir())
                .isEqualTo(Path.of("clusters"));
        properties.setProperty("clusters.dir", dir.toString());
        assertThat(ClusterSettings.read(new io.sidecarconformance.settings.PropertyReader(properties)).catalog().dir())
                .isEqualTo(dir);
    }
}
