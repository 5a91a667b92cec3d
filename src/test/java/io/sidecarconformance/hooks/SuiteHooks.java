package io.sidecarconformance.hooks;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.sidecarconformance.cluster.ClusterUnavailableException;
import io.sidecarconformance.suite.ConformanceSuite;
import io.sidecarconformance.suite.SuiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Owns the run's lifecycle. Once, before any scenario: read and check the settings and the input, bring the cluster
 * up, and hand the suite over ({@link SuiteHandOff}). Once, after the last: write the report and stop the cluster.
 */
public class SuiteHooks {

    @BeforeAll
    public static void startSuite() {
        Path reportDir = null;
        try {
            SuiteConfig config = SuiteConfig.from(System.getProperties(), Instant.now());
            reportDir = config.reportDir();
            SuiteHandOff.started(ConformanceSuite.start(config, SuiteHandOff.planned(), System.err));
        } catch (IllegalArgumentException | ClusterUnavailableException e) {
            throw badInput(e.getMessage(), Optional.ofNullable(reportDir));
        }
    }

    @AfterAll
    public static void finishSuite() throws IOException {
        Optional<ConformanceSuite> suite = SuiteHandOff.suite();
        if (suite.isPresent()) {
            try {
                suite.get().finish();
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage(), Optional.of(suite.get().config().reportDir()));
            }
        }
    }

    /**
     * One line on stderr, no stack trace; and the JUnit XML Cucumber writes into the report folder on its way out
     * is removed, so a run stopped by bad input leaves nothing behind.
     *
     * @param reportDir the report folder, when the settings could be read
     */
    private static BadInput badInput(String message, Optional<Path> reportDir) {
        System.err.println("sidecar-conformance: " + message);
        reportDir.ifPresent(dir -> Runtime.getRuntime().addShutdownHook(new Thread(() -> removeStrayJunitXml(dir))));
        return new BadInput(message);
    }

    private static void removeStrayJunitXml(Path dir) {
        try {
            if (!Files.exists(dir.resolve("results.json"))) {
                Files.deleteIfExists(dir.resolve("junit.xml"));
                try (var rest = Files.list(dir)) {
                    if (rest.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException e) {
            // Nothing more to do on the way out.
        }
    }
}
