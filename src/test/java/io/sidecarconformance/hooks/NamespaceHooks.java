package io.sidecarconformance.hooks;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.sidecarconformance.scenario.SuiteRun;
import io.sidecarconformance.steps.ScenarioState;
import io.sidecarconformance.timeline.Timeline;

/** Each scenario gets its own namespace, deleted afterwards even when the scenario failed. */
public class NamespaceHooks {

    private final ScenarioState state;

    public NamespaceHooks(ScenarioState state) {
        this.state = state;
    }

    @Before
    public void createNamespace(Scenario scenario) {
        SuiteRun run = SuiteRun.current();
        if (run.clusterAvailable()) {
            state.namespace = run.createNamespace(scenario.getName());
        }
    }

    @After
    public void deleteNamespace(Scenario scenario) {
        if (scenario.isFailed() && state.result != null) {
            scenario.log(state.result.reason() + System.lineSeparator() + Timeline.of(state.result.timeline()).render());
        }
        if (state.namespace != null) {
            SuiteRun.current().deleteNamespace(state.namespace);
        }
    }
}
