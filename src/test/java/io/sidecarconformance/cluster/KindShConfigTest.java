package io.sidecarconformance.cluster;

import io.sidecarconformance.Skip;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kind config {@code clusters/kind/kind.sh up} uses for a node image built here: the users' yaml with our image,
 * our CNI instead of kindnetd, the API server on 127.0.0.1, and kubeadm pointed at the etcd and CoreDNS images built
 * for it. Needs kubeadm of that version built (kind.sh asks it which CoreDNS it names); skipped otherwise.
 */
class KindShConfigTest {

    private static final Path SCRIPT = Path.of("clusters/kind/kind.sh");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(String id) throws IOException, InterruptedException {
        Skip.unless(Files.isRegularFile(SCRIPT), "KindShConfigTest", "run from the repository root");
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "config", id).redirectErrorStream(false).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Skip.unless(!err.contains("is not built"), "KindShConfigTest",
                "kubeadm of " + id + " is not built here; run: bash clusters/kind/kind.sh kubeadm " + id);
        assertThat(process.exitValue()).as(err).isZero();
        return new Yaml().load(out);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLocalNodeImageRunsOurCniAndTheImagesBuiltForIt() throws Exception {
        Map<String, Object> config = config("1.31");

        List<Map<String, Object>> nodes = (List<Map<String, Object>>) config.get("nodes");
        assertThat(nodes).singleElement().extracting(n -> n.get("image"))
                .isEqualTo("localhost/sidecar-conformance/kind-node:v1.31.4");
        Map<String, Object> networking = (Map<String, Object>) config.get("networking");
        assertThat(networking).containsEntry("disableDefaultCNI", true).containsEntry("apiServerAddress", "127.0.0.1")
                .containsEntry("podSubnet", "10.244.0.0/16");
        String patch = ((List<String>) config.get("kubeadmConfigPatches")).get(0);
        Map<String, Object> cluster = new Yaml().load(patch);
        assertThat(cluster).containsEntry("kind", "ClusterConfiguration");
        assertThat(cluster.get("etcd")).as("the etcd of versions.tsv, not kubeadm's pin")
                .isEqualTo(Map.of("local", Map.of("imageRepository", "localhost/sidecar-conformance", "imageTag", "3.5.35")));
        assertThat(cluster.get("dns")).as("the CoreDNS kubeadm 1.31 names, built here")
                .isEqualTo(Map.of("imageRepository", "localhost/sidecar-conformance", "imageTag", "v1.11.3"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUsersKubeletPatchStaysForCgroupV1() throws Exception {
        Map<String, Object> config = config("1.35");

        Map<String, Object> node = ((List<Map<String, Object>>) config.get("nodes")).get(0);
        assertThat(node.get("image")).isEqualTo("localhost/sidecar-conformance/kind-node:v1.35.8");
        assertThat((List<String>) node.get("kubeadmConfigPatches")).singleElement().asString()
                .contains("kind: KubeletConfiguration").contains("failCgroupV1: false");
    }
}
