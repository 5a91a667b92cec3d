package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A single-node cluster built from source on this machine by one of our scripts: {@code clusters/local/cluster.sh}
 * (provider {@code local}: processes on the host), {@code clusters/local-v2/cluster.sh} (provider {@code local-v2}:
 * the same builds, the node in a User-Mode Linux guest with cgroup v2) or {@code clusters/kind/kind.sh} (provider
 * {@code kind}: a kind node image built here, on a Docker daemon the script starts and stops). Contract of both scripts ({@code up <id>},
 * {@code down <id>}): progress on stderr, the kubeconfig path as the only stdout line, a one-line stderr message
 * and a non-zero exit on failure.
 */
public final class LocalClusterProvider extends ConnectingProvider {

    /** Stop (up to 10 s before SIGKILL), start, and up to 60 s for /healthz, with room to spare. */
    private static final Duration KUBELET_RESTART_TIMEOUT = Duration.ofMinutes(3);

    /** The variable through which the scripts learn which run holds a cluster (clusters/local/lib/instance.sh). */
    static final String OWNER_VARIABLE = "SC_LOCAL_OWNER";

    private final String provider;
    private final String version;
    private final Path script;
    private final Duration upTimeout;
    private final boolean keepCluster;
    private final PrintStream progress;

    private boolean upCalled;

    /**
     * @param upTimeout   bound on {@code cluster.sh up} (a first build of Kubernetes takes 30+ minutes)
     * @param keepCluster leave the cluster running on close
     * @param progress    where the script's stderr goes, each line prefixed {@code [local <version>] }
     */
    public LocalClusterProvider(String version, Path script, ImageSet images, Duration upTimeout,
                                Duration connectTimeout, boolean keepCluster, PrintStream progress) {
        this("local", version, script, images, upTimeout, connectTimeout, keepCluster, progress);
    }

    /** @param provider the id's provider part: "local", "local-v2" (their cluster.sh) or "kind" (kind.sh) */
    public LocalClusterProvider(String provider, String version, Path script, ImageSet images, Duration upTimeout,
                                Duration connectTimeout, boolean keepCluster, PrintStream progress) {
        super(images, connectTimeout);
        this.provider = provider;
        this.version = version;
        this.script = script;
        this.upTimeout = upTimeout;
        this.keepCluster = keepCluster;
        this.progress = progress;
    }

    @Override
    public String providerName() {
        return provider;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    Config up() {
        if (!Files.isRegularFile(script)) {
            throw new ClusterUnavailableException(script + " not found: the " + provider + " provider needs it;"
                    + " run from the repository root or set -Dclusters.dir");
        }
        upCalled = true;
        Command.Result up = Command.run(List.of("bash", script.toString(), "up", version), owner(), prefix(), progress,
                upTimeout);
        if (up.timedOut()) {
            throw new ClusterUnavailableException(scriptName() + " up " + version + " did not finish within "
                    + Command.text(upTimeout) + "; raise -D" + provider + ".upTimeoutMinutes or look at the progress above");
        }
        if (!up.ok()) {
            throw new ClusterUnavailableException(provider + " cluster " + version + " did not come up (" + scriptName()
                    + " up exited "
                    + up.exitCode() + "): " + (up.lastError().isEmpty() ? "no message on stderr" : up.lastError()));
        }
        Path kubeconfig = Path.of(up.lastLine());
        if (up.lastLine().isEmpty() || !Files.isRegularFile(kubeconfig)) {
            throw new ClusterUnavailableException(scriptName() + " up " + version + " printed no kubeconfig path on stdout"
                    + " (got '" + up.lastLine() + "')");
        }
        return KubeconfigProvider.parse(kubeconfig, null);
    }

    /**
     * The kubeconfig of this id's cluster if it runs now, without starting or stopping anything: the script says
     * where ({@code cluster.sh kubeconfig <id>}); which instance an id runs in, its folder and ports, is the script's
     * to derive ({@code clusters/local/lib/instance.sh}), so that the suite and the script never disagree.
     *
     * @throws ClusterUnavailableException when the script gives no path or the cluster is not up there
     */
    public Path runningKubeconfig() {
        if (!Files.isRegularFile(script)) {
            throw new ClusterUnavailableException(script + " not found: the " + provider + " provider needs it;"
                    + " run from the repository root or set -Dclusters.dir");
        }
        Command.Result r = Command.run(List.of("bash", script.toString(), "kubeconfig", version), prefix(), progress,
                Duration.ofSeconds(30));
        if (!r.ok() || r.lastLine().isEmpty()) {
            throw new ClusterUnavailableException(scriptName() + " kubeconfig " + version + " gave no path ("
                    + (r.timedOut() ? "timed out" : "exit " + r.exitCode() + ": " + r.lastError()) + ")");
        }
        Path kubeconfig = Path.of(r.lastLine());
        if (!Files.isRegularFile(kubeconfig)) {
            throw new ClusterUnavailableException(provider + " cluster " + version + " is not running (no " + kubeconfig
                    + "); start it with: bash clusters/" + provider + "/cluster.sh up " + version);
        }
        return kubeconfig;
    }

    /**
     * On the local providers the kubelet is a process cluster.sh supervises (local-v2: a systemd unit in its guest):
     * {@code cluster.sh restart-kubelet} stops and starts it. kind.sh has no such command (the kubelet runs under
     * systemd in the node container): none there.
     */
    @Override
    public java.util.Optional<NodeControl> nodeControl() {
        if (!"local".equals(provider) && !"local-v2".equals(provider)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NodeControl() {
            @Override
            public String restartKubelet() {
                return restartKubeletNow();
            }

            @Override
            public String restartKubeletCommand() {
                return "bash clusters/" + provider + "/cluster.sh restart-kubelet " + version;
            }
        });
    }

    /**
     * Only the local provider's processes run on this machine's own kernel (local-v2's in a guest, kind's in a
     * container): {@code cluster.sh cpu-sources <id>} says where they are.
     */
    @Override
    public java.util.Optional<NodeProcesses> nodeProcesses() {
        if (!"local".equals(provider)) {
            return java.util.Optional.empty();
        }
        Command.Result r = Command.run(List.of("bash", script.toString(), "cpu-sources", version), prefix(), progress,
                Duration.ofSeconds(30));
        if (!r.ok()) {
            throw new ClusterUnavailableException(scriptName() + " cpu-sources " + version + (r.timedOut() ? " timed out"
                    : " exited " + r.exitCode() + ": " + r.lastError()));
        }
        return java.util.Optional.of(NodeProcesses.parse(r.stdout()));
    }

    private String restartKubeletNow() {
        Command.Result r = Command.run(List.of("bash", script.toString(), "restart-kubelet", version), prefix(), progress,
                KUBELET_RESTART_TIMEOUT);
        if (!r.ok()) {
            throw new ClusterUnavailableException("cluster.sh restart-kubelet " + version + (r.timedOut()
                    ? " did not finish within " + Command.text(KUBELET_RESTART_TIMEOUT)
                    : " exited " + r.exitCode() + ": " + (r.lastError().isEmpty() ? "no message on stderr" : r.lastError())));
        }
        return r.lastLine();
    }

    @Override
    void down() {
        if (!upCalled || keepCluster) {
            return;
        }
        upCalled = false;
        try {
            Command.Result down = Command.run(List.of("bash", script.toString(), "down", version), owner(), prefix(),
                    progress, Duration.ofMinutes(10));
            if (!down.ok()) {
                progress.println(prefix() + scriptName() + " down failed: " + down.lastError());
            }
        } catch (RuntimeException e) {
            progress.println(prefix() + scriptName() + " down failed: " + OneLine.of(e));
        }
    }

    /**
     * This run holds the cluster it starts: clusters/local's up records the pid, and another run's up of the same
     * instance is refused while this one lives instead of tearing the cluster down under it; this run's down leaves a
     * cluster another live run holds (the other scripts ignore the variable).
     */
    private static Map<String, String> owner() {
        return Map.of(OWNER_VARIABLE, Long.toString(ProcessHandle.current().pid()));
    }

    private String scriptName() {
        return script.getFileName().toString();
    }

    private String prefix() {
        return "[" + provider + " " + version + "] ";
    }
}
