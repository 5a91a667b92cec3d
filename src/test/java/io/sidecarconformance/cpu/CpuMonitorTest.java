package io.sidecarconformance.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's CPU by component from fixture /proc and cgroup files: three samples (start, one in between, the end) of
 * one instance beside another instance's processes, with a kubelet restarted and a shim that came and went.
 */
class CpuMonitorTest {

    @TempDir
    Path dir;

    private CpuMonitor monitor(FakeHost host) {
        ProcFiles proc = new ProcFiles(host.proc);
        return new CpuMonitor(new MachineCpu(host.proc.resolve("stat")),
                new ComponentReader(proc, Optional.of(host.node())), null);
    }

    @Test
    void eachComponentsSecondsPerRunBetweenTheFirstAndTheLastSample() {
        FakeHost host = new FakeHost(dir);
        String sock = host.run.resolve("containerd.sock").toString();
        String otherSock = dir.resolve("other/run/containerd.sock").toString();
        host.machine(1000, 0, 1000)
                .process("self", "java", 500, 100, 50, 50, 1)
                .process("100", "etcd", 900, 100, 0, 0, 10).pidFile("etcd", "100")
                .process("110", "kube-apiserver", 1500, 500, 0, 0, 11).pidFile("kube-apiserver", "110")
                .process("120", "kube-controller", 100, 0, 0, 0, 12).pidFile("kube-controller-manager", "120")
                .process("130", "kubelet", 400, 100, 0, 0, 13).pidFile("kubelet", "130")
                .process("140", "containerd", 300, 0, 0, 0, 14).pidFile("containerd", "140")
                .process("150", "containerd-shim", 10, 0, 999, 0, 15, "containerd-shim-runc-v2", "-address", sock)
                .process("160", "containerd-shim", 10, 0, 0, 0, 16, "containerd-shim-runc-v2", "-address", otherSock)
                .process("170", "kube-apiserver", 5000, 0, 0, 0, 17)
                .podNanos(5_000_000_000L);
        CpuMonitor monitor = monitor(host);
        monitor.sample();

        // In between: a new pod's shim, the kubelet further on; another instance's shim and API server busy.
        host.machine(1500, 0, 4500)
                .process("130", "kubelet", 500, 120, 0, 0, 13)
                .process("151", "containerd-shim", 20, 0, 0, 0, 900, "containerd-shim-runc-v2", "-address", sock)
                .process("160", "containerd-shim", 500, 0, 0, 0, 16, "containerd-shim-runc-v2", "-address", otherSock)
                .process("170", "kube-apiserver", 9000, 0, 0, 0, 17);
        monitor.sample();

        // At the end: the kubelet restarted (a new pid), the new shim gone with its pod, the others on.
        host.machine(3000, 1800, 9200)
                .process("self", "java", 900, 200, 100, 100, 1)
                .process("100", "etcd", 1200, 200, 0, 0, 10)
                .process("110", "kube-apiserver", 2100, 700, 0, 0, 11)
                .process("120", "kube-controller", 170, 30, 0, 0, 12)
                .gone("130").process("131", "kubelet", 40, 20, 0, 0, 9000).pidFile("kubelet", "131")
                .process("140", "containerd", 360, 0, 100, 0, 14)
                .process("150", "containerd-shim", 25, 5, 5000, 0, 15, "containerd-shim-runc-v2", "-address", sock)
                .gone("151")
                .podNanos(13_000_000_000L);
        Map<String, String> m = monitor.finish(4);

        assertThat(m).as("the whole machine, start to end: 3,800 busy ticks of 12,000 on 2 cores")
                .containsEntry("machine CPU seconds per run", "9.5 s")
                .containsEntry("machine busy share, scenario phase", "0.63 of 2 cores")
                .containsEntry("machine busy share, samples every 5 s: median / 90th percentile", "0.25 / 0.83 of 2 cores (2 intervals)");
        String per = "CPU seconds per run: ";
        assertThat(m).as("per component, in 4 runs").containsAllEntriesOf(Map.of(
                per + "runner JVM", "1.50 s (6.0 s in 4 runs)", // this JVM and the commands it waited for: 1300 - 700 ticks
                // each supervised process by its pid file, children included
                per + "etcd", "1.00 s (4.0 s in 4 runs)",
                per + "kube-apiserver", "2.00 s (8.0 s in 4 runs)",
                per + "kube-controller-manager", "0.25 s (1.0 s in 4 runs)",
                per + "containerd", "0.40 s (1.6 s in 4 runs)",
                // the old kubelet until its last sample (620 - 500), the new one from its start (60)
                per + "kubelet", "0.45 s (1.8 s in 4 runs)",
                // shims of this instance's socket, their own time (20 + 20 ticks); not the other instance's
                per + "containerd shims", "0.10 s (0.4 s in 4 runs)",
                per + "pods' containers", "2.00 s (8.0 s in 4 runs)", // the pods' cgroup: 8 s of nanoseconds
                // 4 + 8 + 1 + 1.8 + 1.6 + 0.4 + 8 s: everything but the runner
                per + "local cluster in all", "6.20 s (24.8 s in 4 runs)",
                per + "everything else on the machine", "1.80 s (7.2 s in 4 runs)")); // 38 - 6 - 24.8 s
        assertThat(m).as("a process without a pid file gives no figure and one reason")
                .containsEntry("CPU by component, not measured", "kube-scheduler: no pid in "
                        + host.run.resolve("pids/kube-scheduler.pid"))
                .doesNotContainKey("CPU seconds per run: kube-scheduler");
        assertThat(m.values()).as("no measurement states a target").noneMatch(v -> v.contains("target") || v.contains("goal"));
    }

    @Test
    void aPidFileNamingAnotherProgramIsNotThatComponent() {
        FakeHost host = new FakeHost(dir).machine(1, 1, 1)
                .process("self", "java", 1, 1, 0, 0, 1)
                .process("200", "bash", 50, 0, 0, 0, 20).pidFile("etcd", "200");
        CpuMonitor monitor = monitor(host);
        monitor.sample();
        host.process("200", "bash", 90, 0, 0, 0, 20);

        Map<String, String> m = monitor.finish(1);

        assertThat(m).doesNotContainKey("CPU seconds per run: etcd");
        assertThat(m.get("CPU by component, not measured")).contains("etcd: no process etcd with pid 200");
    }

    @Test
    void nothingReadableGivesNoFiguresAndReasonsNeverAnException() {
        CpuMonitor monitor = new CpuMonitor(new MachineCpu(dir.resolve("no/stat")),
                new ComponentReader(new ProcFiles(dir.resolve("no")), Optional.of(new FakeHost(dir.resolve("host")).node())),
                "cluster.sh cpu-sources 1.31 exited 1: boom");
        monitor.sample();

        Map<String, String> m = monitor.finish(3);

        assertThat(m.keySet()).as("no numbers").containsExactly("CPU by component, not measured");
        assertThat(m.get("CPU by component, not measured")).startsWith("cluster.sh cpu-sources 1.31 exited 1: boom; runner JVM: no /proc/self/stat")
                .contains("containerd shims: no containerd-shim process names").contains("pods' containers: no cpuacct or cgroup2 hierarchy mounted");
    }

    @Test
    void aClusterElsewhereHasOnlyTheRunnersAndTheMachinesFigures() {
        FakeHost host = new FakeHost(dir).machine(100, 0, 100).process("self", "java", 100, 0, 0, 0, 1);
        CpuMonitor monitor = new CpuMonitor(new MachineCpu(host.proc.resolve("stat")),
                new ComponentReader(new ProcFiles(host.proc), Optional.empty()), null);
        monitor.sample();
        host.machine(200, 0, 300).process("self", "java", 150, 0, 0, 0, 1);

        Map<String, String> m = monitor.finish(2);

        assertThat(m).containsEntry("CPU seconds per run: runner JVM", "0.25 s (0.5 s in 2 runs)")
                .doesNotContainKeys("CPU seconds per run: local cluster in all", "CPU by component, not measured")
                .containsEntry("machine busy share, scenario phase", "0.67 of 2 cores");
    }
}
