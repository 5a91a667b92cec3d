package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A kind cluster named {@code sc-<version>}, created from {@code clusters/kind/<version>.yaml} with the kind CLI.
 * Before anything else it deletes the {@code sc-*} kind clusters earlier runs created and left behind when they died
 * (see {@link KindOwners}).
 */
public final class KindProvider extends ConnectingProvider {

    private final String version;
    private final String kindCommand;
    private final Path kindConfig;
    private final Duration upTimeout;
    private final boolean keepCluster;
    private final PrintStream progress;
    private final KindOwners owners;

    private boolean created;
    private Path kubeconfig;

    /**
     * @param kindCommand "kind" (looked up on PATH) or a path to the binary
     * @param upTimeout   bound on {@code kind create cluster} (node image pull included)
     * @param keepCluster leave the cluster running on close; the next run reuses it
     * @param ownersDir   where the creator of each cluster is recorded, e.g. ~/.cache/sidecar-conformance/kind-owners
     */
    public KindProvider(String version, String kindCommand, Path kindConfig, ImageSet images, Duration upTimeout,
                        Duration connectTimeout, boolean keepCluster, PrintStream progress, Path ownersDir) {
        this(version, kindCommand, kindConfig, images, upTimeout, connectTimeout, keepCluster, progress,
                new KindOwners(ownersDir, KindOwners::processAlive));
    }

    KindProvider(String version, String kindCommand, Path kindConfig, ImageSet images, Duration upTimeout,
                 Duration connectTimeout, boolean keepCluster, PrintStream progress, KindOwners owners) {
        super(images, connectTimeout);
        this.owners = owners;
        this.version = version;
        this.kindCommand = kindCommand;
        this.kindConfig = kindConfig;
        this.upTimeout = upTimeout;
        this.keepCluster = keepCluster;
        this.progress = progress;
    }

    @Override
    public String providerName() {
        return "kind";
    }

    @Override
    public String version() {
        return version;
    }

    /** The kind cluster's name: sc-&lt;version&gt;. */
    public String clusterName() {
        return "sc-" + version;
    }

    @Override
    Config up() {
        boolean found = kindCommand.contains("/") ? Files.isExecutable(Path.of(kindCommand))
                : Environment.host().onPath(kindCommand);
        if (!found) {
            throw new ClusterUnavailableException("the kind CLI (" + kindCommand + ") is not found: install kind or choose"
                    + " -Dcluster=k3s:" + version + ", local:" + version + " or kubeconfig");
        }
        kubeconfig = tempKubeconfig();
        Command.Result existing = kind(Duration.ofMinutes(1), "get", "clusters");
        List<String> running = existing.ok() ? existing.stdout().stream().map(String::strip).toList() : List.of();
        running = deleteAbandoned(running);
        if (running.contains(clusterName())) {
            progress.println(prefix() + "reusing the running kind cluster " + clusterName());
            check(kind(Duration.ofMinutes(1), "export", "kubeconfig", "--name", clusterName(),
                    "--kubeconfig", kubeconfig.toString()), "export kubeconfig", Duration.ofMinutes(1));
        } else {
            created = true;
            owners.record(clusterName(), KindOwners.thisProcess(keepCluster));
            check(kind(upTimeout, "create", "cluster", "--name", clusterName(), "--config", kindConfig.toString(),
                    "--kubeconfig", kubeconfig.toString(), "--wait", "120s"), "create cluster", upTimeout);
        }
        return KubeconfigProvider.parse(kubeconfig, null);
    }

    @Override
    void down() {
        if (created && !keepCluster) {
            created = false;
            try {
                Command.Result delete = kind(Duration.ofMinutes(5), "delete", "cluster", "--name", clusterName());
                if (delete.ok()) {
                    owners.forget(clusterName());
                } else {
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

    /** Deletes the clusters of dead runs among {@code running}, in one line; returns those still running. */
    private List<String> deleteAbandoned(List<String> running) {
        List<String> abandoned = owners.abandoned(running, "sc-");
        if (abandoned.isEmpty()) {
            return running;
        }
        progress.println(prefix() + "deleting " + abandoned.size() + " kind cluster" + (abandoned.size() == 1 ? "" : "s")
                + " left by dead runs: " + String.join(", ", abandoned));
        List<String> left = new ArrayList<>(running);
        for (String name : abandoned) {
            Command.Result delete = kind(Duration.ofMinutes(5), "delete", "cluster", "--name", name);
            if (delete.ok()) {
                owners.forget(name);
                left.remove(name);
            } else {
                progress.println(prefix() + "kind delete cluster " + name + " failed: " + delete.lastError());
            }
        }
        return List.copyOf(left);
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
