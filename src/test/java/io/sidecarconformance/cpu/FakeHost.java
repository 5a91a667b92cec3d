package io.sidecarconformance.cpu;

import io.sidecarconformance.cluster.NodeProcesses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A machine in a folder: a proc tree ({@code proc/}), one local cluster instance's pid files ({@code run/pids/}), and
 * a cgroup v1 cpuacct hierarchy ({@code cgroup/cpuacct/}) that {@code proc/self/mountinfo} names; what tests change
 * between samples.
 */
final class FakeHost {

    final Path proc;
    final Path run;
    final Path cpuacct;

    FakeHost(Path dir) {
        proc = dir.resolve("proc");
        run = dir.resolve("run");
        cpuacct = dir.resolve("cgroup/cpuacct");
        write(proc.resolve("self/mountinfo"), "25 1 0:23 / /proc rw - proc proc rw\n"
                + "33 31 0:30 / " + cpuacct + " rw,relatime - cgroup cgroup rw,cpuacct\n"
                + "41 31 0:38 / " + dir.resolve("cgroup/unified") + " rw,relatime - cgroup2 cgroup2 rw\n");
    }

    NodeProcesses node() {
        Map<String, Path> pidFiles = new java.util.LinkedHashMap<>();
        for (String name : new String[]{"etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubelet", "containerd"}) {
            pidFiles.put(name, run.resolve("pids/" + name + ".pid"));
        }
        return new NodeProcesses(pidFiles, run.resolve("containerd.sock"), "sc-local-44");
    }

    /** The machine's counters: 2 cores, ticks of user, system, idle. */
    FakeHost machine(long user, long system, long idle) {
        write(proc.resolve("stat"), "cpu  " + user + " 0 " + system + " " + idle + " 0 0 0 0 0 0\n"
                + "cpu0 1 0 1 1 0 0 0 0 0 0\ncpu1 1 0 1 1 0 0 0 0 0 0\nintr 12345\n");
        return this;
    }

    /** A process: /proc/pid/stat (own ticks utime + stime, children's cutime + cstime) and its command line. */
    FakeHost process(String pid, String comm, long utime, long stime, long cutime, long cstime, long start, String... args) {
        write(proc.resolve(pid + "/stat"), pid + " (" + comm + ") S 1 1 1 0 -1 4194304 0 0 0 0 " + utime + " " + stime
                + " " + cutime + " " + cstime + " 20 0 1 0 " + start + " 1000 100 18446744073709551615\n");
        write(proc.resolve(pid + "/cmdline"), String.join("\0", args) + (args.length == 0 ? "" : "\0"));
        return this;
    }

    FakeHost gone(String pid) {
        try (var files = Files.walk(proc.resolve(pid))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeHost pidFile(String name, String pid) {
        write(run.resolve("pids/" + name + ".pid"), pid + "\n");
        return this;
    }

    FakeHost podNanos(long nanos) {
        write(cpuacct.resolve("sc-local-44/cpuacct.usage"), nanos + "\n");
        return this;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
