package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A cluster someone else runs, reached through an existing kubeconfig; never stopped by us. */
public final class KubeconfigProvider extends ConnectingProvider {

    private final Path kubeconfig;
    private final String context;

    /** @param context a context of the file, or null for its current-context */
    public KubeconfigProvider(Path kubeconfig, String context, ImageSet images, Duration connectTimeout) {
        super(images, connectTimeout);
        this.kubeconfig = kubeconfig;
        this.context = context;
    }

    @Override
    public String providerName() {
        return "kubeconfig";
    }

    @Override
    public String version() {
        return context == null ? "" : context;
    }

    @Override
    public void check() {
        parse(kubeconfig, context);
    }

    /** The file this provider reads. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    @Override
    Config up() {
        return parse(kubeconfig, context);
    }

    /** Reads a kubeconfig with fabric8; a missing or malformed file is a one-line error naming it. */
    static Config parse(Path kubeconfig, String context) {
        if (Files.isDirectory(kubeconfig)) {
            throw new ClusterUnavailableException("kubeconfig " + kubeconfig + " is a directory;"
                    + " use -Dcluster=kubeconfig:<file>");
        }
        if (!Files.isRegularFile(kubeconfig)) {
            throw new ClusterUnavailableException("kubeconfig " + kubeconfig + " not found;"
                    + " use -Dcluster=kubeconfig:<path> or set KUBECONFIG");
        }
        Config config;
        try {
            config = Config.fromKubeconfig(context, kubeconfig.toFile());
        } catch (RuntimeException e) {
            throw new ClusterUnavailableException("kubeconfig " + kubeconfig + " is not a valid kubeconfig ("
                    + OneLine.of(e) + "); check it with kubectl --kubeconfig " + kubeconfig + " config view", e);
        }
        if (context == null && config.getCurrentContext() == null) {
            throw new ClusterUnavailableException("kubeconfig " + kubeconfig + " has no current-context;"
                    + " name one with -Dcluster=kubeconfig:" + kubeconfig + "#<context>");
        }
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new ClusterUnavailableException("kubeconfig " + kubeconfig + " has no context '" + context + "'");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new ClusterUnavailableException("kubeconfig " + kubeconfig + " names no API server"
                    + (context == null ? " in its current-context" : " for context '" + context + "'"));
        }
        return config;
    }
}
