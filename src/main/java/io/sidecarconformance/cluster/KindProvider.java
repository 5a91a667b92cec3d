package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A kind cluster named {@code sc-<version>}, created from {@code clusters/kind/<version>.yaml} with the kind CLI. */
public final class KindProvider implements ClusterProvider {

    private final String version;
    private final String kindCommand;
    private final Path kindConfig;
    private final ImageSet images;
    private final Duration upTimeout;
    private final Duration connectTimeout;
    private final boolean keepCluster;
    private final PrintStream progress;

    private boolean created;
    private Path kubeconfig;
    private Connection connection;

    /**
     * @param kindCommand "kind" (looked up on PATH) or a path to the binary
     * @param upTimeout   bound on {@code kind create cluster} (node image pull included)
     * @param keepCluster leave the cluster running on close; the next run reuses it
     */
    public KindProvider(String version, String kindCommand, Path kindConfig, ImageSet images, Duration upTimeout,
                        Duration connectTimeout, boolean keepCluster, PrintStream progress) {
        this.version = version;
        this.kindCommand = kindCommand;
        this.kindConfig = kindConfig;
        this.images = images;
        this.upTimeout = upTimeout;
        this.connectTimeout = connectTimeout;
        this.keepCluster = keepCluster;
        this.progress = progress;
    }

    @Override
    public String id() {
        return "kind:" + version;
    }

    /** The kind cluster's name: sc-&lt;version&gt;. */
    public String clusterName() {
        return "sc-" + version;
    }

    @Override
    public KubernetesClient start() {
        boolean found = kindCommand.contains("/") ? Files.isExecutable(Path.of(kindCommand))
                : Environment.host().onPath(kindCommand);
        if (!found) {
            throw new ClusterUnavailableException("the kind CLI (" + kindCommand + ") is not found: install kind or choose"
                    + " -Dcluster=k3s:" + version + ", local:" + version + " or kubeconfig");
        }
        kubeconfig = tempKubeconfig();
        Command.Result existing = kind(Duration.ofMinutes(1), "get", "clusters");
        if (existing.ok() && existing.stdout().stream().anyMatch(clusterName()::equals)) {
            progress.println(prefix() + "reusing the running kind cluster " + clusterName());
            check(kind(Duration.ofMinutes(1), "export", "kubeconfig", "--name", clusterName(),
                    "--kubeconfig", kubeconfig.toString()), "export kubeconfig", Duration.ofMinutes(1));
        } else {
            created = true;
            check(kind(upTimeout, "create", "cluster", "--name", clusterName(), "--config", kindConfig.toString(),
                    "--kubeconfig", kubeconfig.toString(), "--wait", "120s"), "create cluster", upTimeout);
        }
        Config config = KubeconfigProvider.parse(kubeconfig, null);
        connection = Connection.open(config, connectTimeout);
        return connection.client();
    }

    @Override
    public ImageSet images() {
        return images;
    }

    @Override
    public String serverVersion() {
        return Connection.versionOf(connection);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (created && !keepCluster) {
            created = false;
            try {
                Command.Result delete = kind(Duration.ofMinutes(5), "delete", "cluster", "--name", clusterName());
                if (!delete.ok()) {
                    progress.println(prefix() + "kind delete cluster failed: " + delete.lastError());
                }
            } catch (RuntimeException e) {
                progress.println(prefix() + "kind delete cluster failed: " + OneLine.of(e));
            }
        }
        if (kubeconfig != null) {
            kubeconfig.toFile().delete();
            kubeconfig.getParent().toFile().delete();
            kubeconfig = null;
        }
    }

    private Command.Result kind(Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(kindCommand));
        command.addAll(List.of(args));
        return Command.run(command, prefix(), progress, timeout);
    }

    private void check(Command.Result result, String what, Duration timeout) {
        if (result.timedOut()) {
            throw new ClusterUnavailableException("kind " + what + " " + clusterName() + " did not finish within "
                    + Command.text(timeout) + "; raise -Dkind.upTimeoutMinutes");
        }
        if (!result.ok()) {
            throw new ClusterUnavailableException("kind " + what + " " + clusterName() + " failed (exit "
                    + result.exitCode() + "): " + result.lastError());
        }
    }

    private static Path tempKubeconfig() {
        try {
            // A path kind creates itself: it would merge into an existing (empty) file.
            return Files.createTempDirectory("sc-kind-").resolve("kubeconfig");
        } catch (IOException e) {
            throw new ClusterUnavailableException("cannot create a temporary kubeconfig: " + OneLine.of(e), e);
        }
    }

    private String prefix() {
        return "[kind " + version + "] ";
    }
}
