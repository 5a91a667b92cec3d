package io.sidecarconformance.hooks;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.steps.ScenarioState;
import io.sidecarconformance.timeline.Timeline;

/**
 * Each run of a scenario gets its own namespace, created before and deleted after it even when it failed (by the
 * run, around each of the -Drepeat runs: see ConformanceSuite#runCell). This hook attaches a failed scenario's reasons and
 * timelines, one per run, to Cucumber's report.
 */
public class NamespaceHooks {

    private final ScenarioState state;

    public NamespaceHooks(ScenarioState state) {
        this.state = state;
    }

    @After
    public void logFailedRuns(Scenario scenario) {
        if (scenario.isFailed()) {
            for (ScenarioResult r : state.results) {
                scenario.log("run " + r.repeat() + ": " + r.reason() + System.lineSeparator() + Timeline.of(r.timeline()).render());
            }
        }
    }
}
