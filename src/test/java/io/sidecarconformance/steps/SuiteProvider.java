package io.sidecarconformance.steps;

import io.cucumber.picocontainer.CucumberPicoProvider;
import io.sidecarconformance.hooks.SuiteHandOff;
import io.sidecarconformance.suite.ConformanceSuite;
import org.picocontainer.injectors.Provider;

/** Gives each scenario's glue the one suite of the run, started by {@code hooks.SuiteHooks} before any scenario. */
@CucumberPicoProvider
public class SuiteProvider implements Provider {

    public ConformanceSuite provide() {
        return SuiteHandOff.suite().orElseThrow(() -> new IllegalStateException(
                "no suite: SuiteHooks' @BeforeAll did not start one (is io.sidecarconformance.hooks in the glue?)"));
    }
}
