package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.Config;
import org.testcontainers.DockerClientFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link Environment} answered by this machine. */
final class HostEnvironment implements Environment {

    /** Asks Testcontainers only when some Docker endpoint is configured: its search logs an error page otherwise. */
    @Override
    public boolean dockerReachable() {
        return dockerConfigured() && testcontainersFindsDocker();
    }

    /** Testcontainers' own search (DOCKER_HOST, sockets, contexts, ~/.testcontainers.properties). Never throws. */
    static boolean testcontainersFindsDocker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Exception | LinkageError e) {
            // isDockerAvailable() throws instead of returning false on some setups.
            return false;
        }
    }

    /** Where Testcontainers 2.0 looks; all cheap file and variable checks. */
    private boolean dockerConfigured() {
        Path home = home();
        if (env("DOCKER_HOST").isPresent() || env("DOCKER_CONTEXT").isPresent() || dockerContextSet(home)) {
            return true;
        }
        Stream<Path> candidates = Stream.of(
                home.resolve(".testcontainers.properties"),
                Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"));
        Stream<Path> runtime = env("XDG_RUNTIME_DIR").map(dir -> Stream.of(Path.of(dir, "docker.sock"),
                Path.of(dir, ".docker/run/docker.sock"))).orElse(Stream.empty());
        return Stream.concat(candidates, runtime).anyMatch(Files::exists);
    }

    private static boolean dockerContextSet(Path home) {
        Path config = home.resolve(".docker/config.json");
        try {
            return Files.isRegularFile(config) && Files.readString(config).contains("\"currentContext\"");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean fileExists(Path path) {
        return Files.isRegularFile(path);
    }

    @Override
    public boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("linux");
    }

    @Override
    public boolean isRoot() {
        try {
            // /proc/self is owned by the process's effective uid.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    @Override
    public Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    @Override
    public boolean apiAnswers(Path kubeconfig, Duration within) {
        try {
            ApiCheck.serverVersion(Config.fromKubeconfig(kubeconfig.toFile()), within);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
