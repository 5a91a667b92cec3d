package io.sidecarconformance.cpu;

import io.sidecarconformance.cluster.NodeProcesses;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads one {@link ComponentSample}: this JVM (the runner) and the commands it waited for; each supervised process of
 * the instance by its pid file, with the children it waited for (the kubelet's mounts, containerd's CNI plugins); the
 * instance's containerd shims, found by the socket on their command line, their own time only (their children are the
 * pods' containers, counted by the pods' cgroup); and the pods' cgroup. Nothing of another instance: each has its
 * own pid files, socket and cgroup.
 */
final class ComponentReader {

    static final String RUNNER = "runner JVM";
    static final String SHIMS = "containerd shims";
    static final String PODS = "pods' containers";
    /** The kernel keeps 15 characters of a command's name. */
    private static final int COMM_LENGTH = 15;

    private final ProcFiles proc;
    private final Optional<NodeProcesses> node;
    private final Optional<CgroupCpu> pods;

    /** @param node where the cluster's processes are; empty: the runner alone (a cluster not on this machine) */
    ComponentReader(ProcFiles proc, Optional<NodeProcesses> node) {
        this.proc = proc;
        this.node = node;
        this.pods = node.flatMap(n -> CgroupCpu.of(proc.mountinfo(), n.podCgroup()));
    }

    ComponentSample read() {
        Map<String, Map<String, Long>> processes = new LinkedHashMap<>();
        Map<String, String> unread = new LinkedHashMap<>();
        proc.times("self").ifPresentOrElse(
                t -> processes.put(RUNNER, Map.of("self", t.ownTicks() + t.childTicks())),
                () -> unread.put(RUNNER, "no " + ProcFiles.PROC + "/self/stat"));
        if (node.isEmpty()) {
            return new ComponentSample(processes, OptionalLong.empty(), unread);
        }
        node.get().pidFiles().forEach((name, file) -> supervised(name, file, processes, unread));
        Map<String, Long> shims = shims(node.get().shimSocket());
        if (shims.isEmpty()) {
            unread.put(SHIMS, "no containerd-shim process names " + node.get().shimSocket());
        } else {
            processes.put(SHIMS, shims);
        }
        OptionalLong podNanos = pods.map(CgroupCpu::nanos).orElse(OptionalLong.empty());
        if (podNanos.isEmpty()) {
            unread.put(PODS, pods.map(c -> "no counter in " + c.file()).orElse("no cpuacct or cgroup2 hierarchy mounted"));
        }
        return new ComponentSample(processes, podNanos, unread);
    }

    private void supervised(String name, Path pidFile, Map<String, Map<String, Long>> processes, Map<String, String> unread) {
        Optional<String> pid = ProcFiles.read(pidFile).map(String::strip).filter(p -> p.matches("\\d+"));
        if (pid.isEmpty()) {
            unread.put(name, "no pid in " + pidFile);
            return;
        }
        String comm = name.substring(0, Math.min(name.length(), COMM_LENGTH));
        Optional<ProcessTimes> times = proc.times(pid.get()).filter(t -> t.comm().equals(comm));
        times.ifPresentOrElse(t -> processes.put(name, Map.of(pid.get() + "@" + t.startTicks(), t.ownTicks() + t.childTicks())),
                () -> unread.put(name, "no process " + comm + " with pid " + pid.get() + " (" + pidFile + ")"));
    }

    private Map<String, Long> shims(Path socket) {
        Map<String, Long> shims = new LinkedHashMap<>();
        for (String pid : proc.pids()) {
            proc.times(pid).filter(t -> t.comm().startsWith("containerd-shim"))
                    .filter(t -> proc.arguments(pid).contains(socket.toString()))
                    .ifPresent(t -> shims.put(pid + "@" + t.startTicks(), t.ownTicks()));
        }
        return shims;
    }
}
