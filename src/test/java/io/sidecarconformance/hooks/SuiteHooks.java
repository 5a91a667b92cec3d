package io.sidecarconformance.hooks;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.sidecarconformance.cluster.ClusterUnavailableException;
import io.sidecarconformance.suite.ConformanceSuite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Once per run: validate input and bring the cluster up; at the end write the report and stop the cluster. */
public class SuiteHooks {

    @BeforeAll
    public static void startRun() {
        try {
            ConformanceSuite.current();
        } catch (IllegalArgumentException | ClusterUnavailableException e) {
            throw badInput(e.getMessage());
        }
    }

    @AfterAll
    public static void finishRun() throws IOException {
        ConformanceSuite run = ConformanceSuite.currentIfStarted();
        if (run != null) {
            try {
                run.finish();
            } catch (IllegalArgumentException e) {
                throw badInput(e.getMessage());
            }
        }
    }

    /**
     * One line on stderr, no stack trace; and the JUnit XML Cucumber writes into the report folder on its way out
     * is removed, so a run stopped by bad input leaves nothing behind.
     */
    private static BadInput badInput(String message) {
        System.err.println("sidecar-conformance: " + message);
        String dir = System.getProperty("report.dir", "");
        if (!dir.isBlank()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeStrayJunitXml(Path.of(dir))));
        }
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
