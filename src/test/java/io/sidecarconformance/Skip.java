package io.sidecarconformance;

import org.junit.jupiter.api.Assumptions;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Skips a test that needs a tool this machine lacks, and says so on the console: surefire counts skipped tests but
 * never prints an assumption's message. One line per reason, however many tests it skips.
 */
public final class Skip {

    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private Skip() {
    }

    /** Skips the calling test (or class, from a @BeforeAll) unless {@code condition} holds. */
    public static void unless(boolean condition, String test, String why) {
        if (!condition && SAID.add(test + why)) {
            System.err.println("SKIPPED " + test + ": " + why);
        }
        Assumptions.assumeTrue(condition, why);
    }
}
