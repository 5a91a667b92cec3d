package io.sidecarconformance.cluster;

import com.github.dockerjava.api.exception.NotFoundException;
import io.fabric8.kubernetes.client.Config;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** k3s in a Docker container through Testcontainers' K3sContainer. */
public final class K3sProvider extends ConnectingProvider {

    private final String version;
    private final String image;
    private final List<String> serverArgs;
    private final PrintStream progress;
    private final BooleanSupplier dockerReachable;

    private K3sContainer container;

    /**
     * @param image      e.g. rancher/k3s:v1.31.14-k3s1
     * @param serverArgs appended to K3sContainer's {@code server --disable=traefik --tls-san=<host>}, e.g.
     *                   {@code --kubelet-arg=feature-gates=SidecarContainers=true}
     */
    public K3sProvider(String version, String image, List<String> serverArgs, ImageSet images,
                       Duration connectTimeout, PrintStream progress) {
        // The quiet check first: without any Docker endpoint configured, Testcontainers would print a page of errors.
        this(version, image, serverArgs, images, connectTimeout, progress, () -> Environment.host().dockerReachable());
    }

    K3sProvider(String version, String image, List<String> serverArgs, ImageSet images, Duration connectTimeout,
                PrintStream progress, BooleanSupplier dockerReachable) {
        super(images, connectTimeout);
        this.version = version;
        this.image = image;
        this.serverArgs = List.copyOf(serverArgs);
        this.progress = progress;
        this.dockerReachable = dockerReachable;
    }

    @Override
    public String providerName() {
        return "k3s";
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    Config up() {
        // K3sContainer's constructor already asks Docker for its host, so check first.
        if (!dockerReachable.getAsBoolean()) {
            throw new ClusterUnavailableException("Docker is not reachable: start Docker, or choose -Dcluster=local:"
                    + version + " (Linux, root, Go) or -Dcluster=kubeconfig[:<path>]");
        }
        if (!present(image)) {
            progress.println("[k3s " + version + "] pulling " + image
                    + " (first run; TESTCONTAINERS_PULL_TIMEOUT in the environment bounds it)");
        }
        try {
            container = new K3sContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("rancher/k3s"));
            if (!serverArgs.isEmpty()) {
                container.withCommand(Stream.concat(Stream.of(container.getCommandParts()), serverArgs.stream())
                        .toArray(String[]::new));
            }
            container.start();
        } catch (RuntimeException e) {
            throw new ClusterUnavailableException("k3s " + image + " did not start: " + OneLine.of(e), e);
        }
        return Config.fromKubeconfig(container.getKubeConfigYaml());
    }

    /** The arguments appended to {@code k3s server}. */
    List<String> serverArgs() {
        return serverArgs;
    }

    @Override
    void down() {
        if (container != null) {
            try {
                container.stop();
            } catch (RuntimeException e) {
                progress.println("[k3s " + version + "] stopping the container failed: " + OneLine.of(e));
            }
            container = null;
        }
    }

    /** Milliseconds, unlike a pull that cannot reach a registry. */
    private static boolean present(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (RuntimeException e) {
            return true; // unsure: let Testcontainers decide and report
        }
    }
}
