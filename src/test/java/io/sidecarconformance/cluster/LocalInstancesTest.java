package io.sidecarconformance.cluster;

import io.sidecarconformance.Skip;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which instance a local cluster id runs in is derived in one place, {@code clusters/local/lib/instance.sh}; the suite
 * only asks the script ({@link LocalClusterProvider#runningKubeconfig()}, the path {@code up} prints). These run the
 * real scripts, no cluster and no root needed: its self-test, the kubelet column's, and the kubeconfig paths the suite
 * would be given.
 */
class LocalInstancesTest {

    private static final Path CLUSTERS = Path.of("clusters");

    private record Run(int exit, String out, String err) {
    }

    private static Run bash(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Skip.unless(Files.isRegularFile(CLUSTERS.resolve("local/lib/instance.sh")), "LocalInstancesTest",
                "run from the repository root");
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("SC_LOCAL_SLOT");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err);
    }

    private static String kubeconfig(Map<String, String> env, String id) throws IOException, InterruptedException {
        Run run = bash(env, CLUSTERS.resolve("local/cluster.sh").toString(), "kubeconfig", id);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out().strip();
    }

    @Test
    void everyVersionGetsItsOwnSlotAddressesPortsAndChains() throws Exception {
        Run run = bash(Map.of(), CLUSTERS.resolve("local/instance-test.sh").toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        List<String> ids = run.out().lines().filter(l -> l.contains(" slot ")).map(l -> l.split("\\s+")[0]).toList();
        assertThat(ids).as("one line per local version of the table")
                .containsExactlyElementsOf(new ClusterCatalog(CLUSTERS).localVersions());
        assertThat(run.out()).contains("instance-test: ok");
    }

    @Test
    void aRowsKubeletColumnIsWrittenIntoTheKubeletConfigOfLocalAndLocalV2() throws Exception {
        Run run = bash(Map.of(), CLUSTERS.resolve("local/kubelet-config-test.sh").toString());

        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("1.35-single-oom: kubelet.yaml of local and local-v2 carry singleProcessOOMKill: true")
                .contains("kubelet-config-test: ok");
    }

    @Test
    void theSuiteIsToldADifferentKubeconfigPerVersionAndPerExplicitSlot() throws Exception {
        String v131 = kubeconfig(Map.of(), "1.31");
        String v135 = kubeconfig(Map.of(), "1.35");
        String again = kubeconfig(Map.of(), "1.31");
        String slot40 = kubeconfig(Map.of("SC_LOCAL_SLOT", "40"), "1.31");

        assertThat(v131).as("1.31's instance").endsWith("/local/6/run/kubeconfig");
        assertThat(v135).as("1.35's instance").endsWith("/local/11/run/kubeconfig");
        assertThat(again).as("the same id, the same instance").isEqualTo(v131);
        assertThat(slot40).as("SC_LOCAL_SLOT: one version twice at once").endsWith("/local/40/run/kubeconfig");
        Run bad = bash(Map.of("SC_LOCAL_SLOT", "99"), CLUSTERS.resolve("local/cluster.sh").toString(), "kubeconfig", "1.31");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("slot '99' is not a number from 1 to 60");
    }

    @Test
    void theSuiteReadsAnInstancesCpuWhereItsScriptSays() throws Exception {
        Run run = bash(Map.of("SC_LOCAL_SLOT", "40"), CLUSTERS.resolve("local/cluster.sh").toString(), "cpu-sources", "1.31");
        assertThat(run.exit()).as(run.err()).isZero();

        NodeProcesses slot40 = NodeProcesses.parse(run.out().lines().toList());

        assertThat(slot40.pidFiles()).as("every supervised process, by its pid file in slot 40's run folder")
                .containsOnlyKeys("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "containerd");
        assertThat(slot40.pidFiles().get("kubelet").toString()).endsWith("/local/40/run/pids/kubelet.pid");
        assertThat(slot40.shimSocket().toString()).as("the socket slot 40's shims name").endsWith("/local/40/run/containerd.sock");
        assertThat(slot40.podCgroup()).as("slot 40's cgroup parent").isEqualTo("sc-local-40");
    }
}
