package io.sidecarconformance.cluster;

import io.sidecarconformance.Skip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NodeFactsTest {

    private final NodeFacts status = new NodeFacts("127.0.0.1", "v1.35.8", "containerd://v2.2.9", null, null,
            "6.1.0-18-amd64", "Debian GNU/Linux 12 (bookworm)", null, null, null);

    @TempDir
    Path dir;

    @Test
    void theProbesLinesGiveRuncAndCgroup() {
        NodeFacts facts = status.withProbe(NodeFacts.parse("""
                cgroup=v1
                runc_binary=/root/.cache/sidecar-conformance/runc/v1.3.6/bin/runc
                runc=runc version 1.3.6
                """));

        assertThat(facts.runcVersion()).as("runc's own --version").isEqualTo("1.3.6");
        assertThat(facts.cgroupVersion()).isEqualTo("v1");
        assertThat(facts.kubeletVersion()).as("kept from the node status").isEqualTo("v1.35.8");
        assertThat(facts.problem()).isNull();
    }

    @Test
    void theCniIsThePluginChainOfTheRuntimesFirstConfiguration() {
        NodeFacts facts = status.withProbe(NodeFacts.parse("""
                cgroup=v1
                runc=runc version 1.3.6
                cni=ptp+portmap (10-sc-ptp.conflist)
                """));

        assertThat(facts.cni()).isEqualTo("ptp+portmap (10-sc-ptp.conflist)");
    }

    @Test
    void aRuncThatDoesNotAnswerIsAProblemNotAVersion() {
        NodeFacts facts = status.withProbe(NodeFacts.parse("cgroup=v2\nrunc_binary=runc\nrunc=env: can't execute 'runc'\n"));

        assertThat(facts.runcVersion()).isNull();
        assertThat(facts.cgroupVersion()).isEqualTo("v2");
        assertThat(facts.problem()).isEqualTo("runc did not report its version (runc: env: can't execute 'runc')");
    }

    @Test
    void onCgroupV2TheContainersMemoryOomGroupIsAFact() {
        NodeFacts group = status.withProbe(NodeFacts.parse("cgroup=v2\noom_group=1\nrunc=runc version 1.3.6\n"));
        NodeFacts single = status.withProbe(NodeFacts.parse("cgroup=v2\noom_group=0\nrunc=runc version 1.3.6\n"));

        assertThat(group.memoryOomGroup()).as("the kubelet's default on cgroup v2: the whole container").isEqualTo("1");
        assertThat(single.memoryOomGroup()).as("singleProcessOOMKill: one process").isEqualTo("0");
        assertThat(single.cgroupVersion()).isEqualTo("v2");
        assertThat(single.problem()).isNull();
    }

    @Test
    void withoutTheLineOrWithAnythingButZeroOrOneThereIsNoMemoryOomGroup() {
        assertThat(status.withProbe(NodeFacts.parse("cgroup=v1\nrunc=runc version 1.3.6\n")).memoryOomGroup())
                .as("cgroup v1: no line").isNull();
        assertThat(status.withProbe(NodeFacts.parse("cgroup=v2\noom_group=\nrunc=runc version 1.3.6\n")).memoryOomGroup())
                .as("an empty value").isNull();
        assertThat(status.withProbe(NodeFacts.parse("cgroup=v2\noom_group=cat: can't open\n")).memoryOomGroup())
                .as("an error message").isNull();
        assertThat(NodeFacts.unknown("no node").memoryOomGroup()).isNull();
    }

    /** The probe's memory.oom.group lines under busybox, with a stand-in for /sys/fs/cgroup and /proc/self/cgroup. */
    private String oomGroupProbe(Path sys, String procSelfCgroup) throws IOException, InterruptedException {
        Path self = Files.writeString(dir.resolve("self-cgroup"), procSelfCgroup);
        return busyboxSh(NodeFacts.OOM_GROUP_PROBE.replace("/sys/fs/cgroup", sys.toString())
                .replace("/proc/self/cgroup", self.toString()));
    }

    /** A part of the probe run as the probe runs, under busybox's sh: its output. */
    private static String busyboxSh(String script) throws IOException, InterruptedException {
        Path busybox = Path.of("/bin/busybox");
        Skip.unless(Files.isExecutable(busybox), "NodeFactsTest", "/bin/busybox not found; the probe runs under busybox's"
                + " sh: apt-get install busybox");
        Process sh = new ProcessBuilder(busybox.toString(), "sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theProbeReadsItsOwnCgroupsFileWithAPrivateOrTheHostsCgroupNamespace() throws Exception {
        Path sys = Files.createDirectories(dir.resolve("cgroup"));
        Files.writeString(sys.resolve("cgroup.controllers"), "cpu io memory pids\n");
        Files.writeString(sys.resolve("memory.oom.group"), "1\n");
        Path pod = Files.createDirectories(sys.resolve("kubepods.slice/kubepods-pod1.slice/cri-containerd-c1.scope"));
        Files.writeString(pod.resolve("memory.oom.group"), "0\n");

        assertThat(oomGroupProbe(sys, "0::/\n")).as("private namespace: the mount is the container's cgroup")
                .isEqualTo("oom_group=1\n");
        assertThat(oomGroupProbe(sys, "0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-c1.scope\n"))
                .as("the host's namespace: its path under the whole hierarchy").isEqualTo("oom_group=0\n");
        Files.delete(sys.resolve("memory.oom.group"));
        assertThat(oomGroupProbe(sys, "0::/\n")).as("no file (the root cgroup): no line").isEmpty();
        Files.delete(sys.resolve("cgroup.controllers"));
        assertThat(oomGroupProbe(sys, "12:memory:/\n0::/kubepods.slice/kubepods-pod1.slice/cri-containerd-c1.scope\n"))
                .as("cgroup v1 (hybrid): no line").isEmpty();
        assertThat(NodeFacts.PROBE).as("part of the probe").contains(NodeFacts.OOM_GROUP_PROBE);
    }

    /** The probe's CNI lines under busybox, with a stand-in for /proc and the shim's pid. */
    private String cniProbe(Path proc, String shim) throws IOException, InterruptedException {
        return busyboxSh("shim=" + shim + "\n" + NodeFacts.CNI_PROBE.replace("/proc", proc.toString()));
    }

    /** A process of the stand-in /proc: its comm, its NUL-separated command line, files under its root. */
    private void process(Path proc, int pid, String comm, String cmdline, Map<String, String> rootFiles) throws IOException {
        Path p = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        if (comm != null) {
            Files.writeString(p.resolve("comm"), comm + "\n");
        }
        Files.writeString(p.resolve("cmdline"), cmdline.replace(' ', '\0') + "\0");
        for (Map.Entry<String, String> f : rootFiles.entrySet()) {
            Path file = p.resolve("root" + f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
    }

    @Test
    void theCniIsReadFromTheContainerdThatServesTheProbesShimNotADindPodsOrAnotherClusters() throws Exception {
        Path proc = Files.createDirectories(dir.resolve("proc"));
        process(proc, 50, null, "containerd-shim-runc-v2 -namespace k8s.io -id c1 -address /run/node/containerd.sock",
                Map.of());
        // a docker:dind pod's containerd, first in pid order (pids wrap): its socket is not the shim's, it has no CNI
        process(proc, 100, "containerd", "containerd --config /var/run/docker/containerd/containerd.toml",
                Map.of("/var/run/docker/containerd/containerd.toml",
                        "[grpc]\n  address = \"/var/run/docker/containerd/containerd.sock\"\n"));
        process(proc, 200, "containerd", "/usr/bin/containerd --config /cfg/containerd.toml", Map.of(
                "/cfg/containerd.toml", "version = 2\n[grpc]\n  address = \"/run/node/containerd.sock\"\n[ttrpc]\n"
                        + "  address = \"/run/node/containerd.sock.ttrpc\"\n[plugins.\"io.containerd.grpc.v1.cri\".cni]\n"
                        + "  conf_dir = \"/cni\"\n",
                "/cni/10-node.conflist", "{\"plugins\": [{\"type\": \"bridge\"}, {\"type\": \"portmap\"}]}\n"));
        // k3s names its socket on the command line
        process(proc, 300, "containerd", "containerd -c /k3s/config.toml -a /run/k3s/containerd/containerd.sock",
                Map.of("/k3s/config.toml", "[plugins.cri]\n  conf_dir = \"/k3s/cni\"\n",
                        "/k3s/cni/10-flannel.conflist", "{\"plugins\": [{\"type\": \"flannel\"}]}\n"));

        assertThat(cniProbe(proc, "50")).as("the containerd at the shim's address, not the first one")
                .isEqualTo("cni=bridge+portmap (10-node.conflist)\n");
        process(proc, 51, null, "containerd-shim-runc-v2 -namespace k8s.io -id c2 -address /run/k3s/containerd/containerd.sock",
                Map.of());
        assertThat(cniProbe(proc, "51")).as("an address given with -a").isEqualTo("cni=flannel (10-flannel.conflist)\n");
        process(proc, 52, null, "containerd-shim-runc-v2 -id c3 -address /nowhere.sock", Map.of());
        assertThat(cniProbe(proc, "52")).as("no containerd at the shim's address: the first found, here without a CNI")
                .isEmpty();
        assertThat(NodeFacts.PROBE).as("part of the probe").contains(NodeFacts.CNI_PROBE);
    }

    @Test
    void aFailedProbeKeepsTheNodeStatus() {
        NodeFacts facts = status.withProbe(Map.of("problem", "node facts probe pod failed"));

        assertThat(facts.containerRuntime()).isEqualTo("containerd://v2.2.9");
        assertThat(facts.runcVersion()).isNull();
        assertThat(facts.problem()).isEqualTo("node facts probe pod failed");
    }
}
