package io.sidecarconformance.suite;

import java.util.Optional;
import java.util.Set;

/**
 * The scenarios Cucumber selected for this JVM's run, as "file:line" of their Examples rows. The JUnit Platform
 * hands the test plan to a listener before Cucumber runs anything; the run reads it here when it starts.
 */
public final class SelectedScenarios {

    private static volatile Set<String> planned;

    private SelectedScenarios() {
    }

    public static void plan(Set<String> locations) {
        planned = Set.copyOf(locations);
    }

    public static Optional<Set<String>> planned() {
        return Optional.ofNullable(planned);
    }
}
