package io.sidecarconformance.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The few facts about this machine that decide which cluster can serve; a seam so selection can be tested. */
public interface Environment {

    /** A Docker daemon answers (what Testcontainers would use). Never throws. */
    boolean dockerReachable();

    /** An executable of this name is on PATH. */
    boolean onPath(String command);

    boolean fileExists(Path path);

    boolean isLinux();

    /** Effective user id 0. */
    boolean isRoot();

    Optional<String> env(String name);

    Path home();

    /** The API server of this kubeconfig's current context answers GET /version within the bound. */
    boolean apiAnswers(Path kubeconfig, Duration within);

    /** The real checks. */
    static Environment host() {
        return new HostEnvironment();
    }
}
