package io.sidecarconformance.hooks;

import io.sidecarconformance.suite.ConformanceSuite;

import java.util.Optional;
import java.util.Set;

/**
 * The one hand-off point between the lifecycles that own the run and the glue objects that use it. It must exist
 * because none of them can pass an object to another: the JUnit Platform creates the test plan listener itself and
 * calls it before Cucumber starts; Cucumber calls {@code @BeforeAll}/{@code @AfterAll} as static methods; and it
 * creates the glue objects (steps, hooks, their injected state) fresh for every scenario, on whichever thread runs it
 * (-Dparallel). So the plan listener puts Cucumber's selection here, {@link SuiteHooks}' {@code @BeforeAll} puts the
 * started suite, {@code steps.SuiteProvider} hands that to each scenario's glue through PicoContainer, and
 * {@code @AfterAll} takes it back to finish it. Nothing else reads or writes these two fields.
 */
public final class SuiteHandOff {

    private static volatile Set<String> planned;
    private static volatile ConformanceSuite suite;

    private SuiteHandOff() {
    }

    /** From the plan listener: the scenarios ("file:line") Cucumber will run. */
    public static void plan(Set<String> locations) {
        planned = Set.copyOf(locations);
    }

    static Optional<Set<String>> planned() {
        return Optional.ofNullable(planned);
    }

    static void started(ConformanceSuite started) {
        suite = started;
    }

    /** The suite of this JVM, once {@code @BeforeAll} has started it (empty after bad input). */
    public static Optional<ConformanceSuite> suite() {
        return Optional.ofNullable(suite);
    }
}
