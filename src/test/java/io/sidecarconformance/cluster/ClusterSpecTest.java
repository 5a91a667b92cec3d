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
    void unknownLocalVersionListsTheChoicesOnOneLine() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThatThrownBy(() -> ClusterSpec.parse("local:1.30", catalog))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("unknown cluster version 'local:1.30'; known: local:1.27, local:1.28, local:1.28-sidecars,"
                        + " local:1.29, local:1.31, local:1.33, local:1.34 (see " + dir.resolve("local/versions.tsv") + ")");
    }

    @Test
    void withoutVersionsTsvTheBuiltInListIsUsedAndSaid() {
        ClusterCatalog catalog = new ClusterCatalog(dir.resolve("absent"));

        assertThat(catalog.localVersions()).containsExactly("1.27", "1.28", "1.28-sidecars", "1.29", "1.31", "1.33", "1.34");
        assertThatThrownBy(() -> ClusterSpec.parse("local:1.26", catalog))
                .hasMessageStartingWith("unknown cluster version 'local:1.26'; known: local:1.27, ")
                .hasMessageEndingWith("local:1.34 (" + dir.resolve("absent/local/versions.tsv") + " not found; built-in list)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unknownProviderListsTheProviders() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThatThrownBy(() -> ClusterSpec.parse("minikube:1.31", catalog))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasMessage("unknown cluster provider 'minikube' in 'minikube:1.31'; known: local:<version>,"
                        + " k3s:<version>, kind:<version>, kubeconfig[:<path>[#<context>]]");
    }

    @Test
    void missingVersionIsNamedAsSuch() throws IOException {
        ClusterCatalog catalog = TestClusters.catalog(dir);

        assertThatThrownBy(() -> ClusterSpec.parse("k3s", catalog))
                .hasMessageStartingWith("missing version in 'k3s'; known: k3s:1.27, k3s:1.28, k3s:1.28-sidecars,");
    }

    @Test
    void k3sVersionsComeFromThePropertiesFileWithTheirArgs() throws IOException {
        Files.createDirectories(dir.resolve("k3s"));
        Files.writeString(dir.resolve("k3s/versions.properties"), """
                # id = image
                1.31=rancher/k3s:v1.31.14-k3s1
                1.28-sidecars=rancher/k3s:v1.28.15-k3s1
                1.28-sidecars.args=--kubelet-arg=feature-gates=SidecarContainers=true  --kube-apiserver-arg=feature-gates=SidecarContainers=true
                1.9=rancher/k3s:v1.9.0-k3s1
                """);
        ClusterCatalog catalog = new ClusterCatalog(dir);

        assertThat(catalog.k3sVersions()).containsOnlyKeys("1.9", "1.28-sidecars", "1.31");
        assertThat(List.copyOf(catalog.k3sVersions().keySet())).as("version order").containsExactly("1.9", "1.28-sidecars", "1.31");
        assertThat(catalog.k3sVersions().get("1.28-sidecars").serverArgs()).containsExactly(
                "--kubelet-arg=feature-gates=SidecarContainers=true",
                "--kube-apiserver-arg=feature-gates=SidecarContainers=true");
        assertThat(catalog.k3sVersions().get("1.31").serverArgs()).isEmpty();
        assertThatThrownBy(() -> ClusterSpec.parse("k3s:1.33", catalog))
                .hasMessage("unknown cluster version 'k3s:1.33'; known: k3s:1.9, k3s:1.28-sidecars, k3s:1.31 (see "
                        + dir.resolve("k3s/versions.properties") + ")");
    }

    @Test
    void builtInK3sVersionsMatchTheLocalIds() {
        ClusterCatalog catalog = new ClusterCatalog(dir);

        assertThat(List.copyOf(catalog.k3sVersions().keySet())).isEqualTo(ClusterCatalog.BUILT_IN_LOCAL);
        assertThat(catalog.k3sVersions().get("1.28-sidecars").serverArgs())
                .as("the gate on every component")
                .hasSize(4)
                .allMatch(arg -> arg.endsWith("-arg=feature-gates=SidecarContainers=true"));
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
        assertThat(ClusterCatalog.fromProperties(properties).dir()).isEqualTo(Path.of("clusters"));
        properties.setProperty("clusters.dir", dir.toString());
        assertThat(ClusterCatalog.fromProperties(properties).dir()).isEqualTo(dir);
    }
}
