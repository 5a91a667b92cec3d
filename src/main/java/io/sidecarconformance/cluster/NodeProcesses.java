package io.sidecarconformance.cluster;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the processes of a cluster that runs on this machine can be found, as its script reports them
 * ({@code cluster.sh cpu-sources <id>}: the script alone knows an instance's layout): each supervised component's pid
 * file, the containerd socket the instance's shims name on their command line, and the cgroup its pods run under.
 *
 * @param pidFiles   component name (etcd, kube-apiserver, ..., containerd) to its pid file
 * @param shimSocket the socket of the instance's containerd
 * @param podCgroup  the cgroup parent of the pods (kubelet's cgroupRoot), relative to a hierarchy's root
 */
public record NodeProcesses(Map<String, Path> pidFiles, Path shimSocket, String podCgroup) {

    /**
     * Reads the script's lines ("kind TAB name TAB value").
     *
     * @throws ClusterUnavailableException one line, when a line is malformed or the shims or the cgroup are missing
     */
    public static NodeProcesses parse(List<String> lines) {
        Map<String, Path> pidFiles = new LinkedHashMap<>();
        Path socket = null;
        String cgroup = null;
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f.length != 3) {
                throw new ClusterUnavailableException("cpu-sources: not 'kind name value': " + line);
            }
            switch (f[0]) {
                case "pidfile" -> pidFiles.put(f[1], Path.of(f[2]));
                case "shims" -> socket = Path.of(f[2]);
                case "cgroup" -> cgroup = f[2];
                default -> throw new ClusterUnavailableException("cpu-sources: unknown kind '" + f[0] + "'");
            }
        }
        if (socket == null || cgroup == null || pidFiles.isEmpty()) {
            throw new ClusterUnavailableException("cpu-sources named no " + (pidFiles.isEmpty() ? "pid file"
                    : socket == null ? "shim socket" : "pod cgroup"));
        }
        return new NodeProcesses(Map.copyOf(pidFiles), socket, cgroup);
    }
}
