package io.sidecarconformance.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.scenario.ScenarioSpec;
import io.sidecarconformance.scenario.SuiteRun;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.result.Outcome;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of a few lines each: they name the cell, run it, and check what was observed. */
public class ScenarioSteps {

    private final ScenarioState state;

    public ScenarioSteps(ScenarioState state) {
        this.state = state;
    }

    @Given("the {string} pattern with a {string} sidecar in the {string} variant")
    public void thePattern(String pattern, String sidecar, String variant) {
        state.pattern = pattern;
        state.sidecar = sidecar;
        state.variant = variant;
    }

    @When("its Job runs under the {string} fault")
    public void itsJobRunsUnder(String fault) {
        SuiteRun run = SuiteRun.current();
        ScenarioKey key = new ScenarioKey(run.clusterId(), state.pattern, state.sidecar, state.variant, fault);
        if (!run.config().selects(key)) {
            throw new TestAbortedException("not selected by -Dpatterns/-Dfaults/-Dsidecars/-Dvariants");
        }
        state.spec = new ScenarioSpec(key, Patterns.byId(state.pattern), SidecarKind.byId(state.sidecar),
                Variant.parse(state.variant), Faults.byId(fault));
        state.result = run.run(state.spec, state.namespace);
    }

    @Then("an outcome is recorded")
    public void aVerdictIsRecorded() {
        if (state.result.outcome() == Outcome.ERROR) {
            // The reason line (and the timeline, if anything ran) is the whole story: no stack trace 84 times over.
            String timeline = state.result.timeline().isEmpty() ? "" : System.lineSeparator()
                    + Timeline.of(state.result.timeline()).render();
            throw new InfrastructureError("no outcome, infrastructure error: " + state.result.reason() + timeline);
        }
    }

    /** A scenario that could not produce a verdict; the message says why. */
    static final class InfrastructureError extends AssertionError {
        InfrastructureError(String message) {
            super(message);
            setStackTrace(new StackTraceElement[0]);
        }
    }

    @Then("every container that said it was exiting had said it was starting")
    public void exitsFollowStarts() {
        Timeline t = Timeline.of(state.result.timeline());
        state.result.timeline().stream()
                .filter(e -> e.kind() == EventKind.EXITING)
                .forEach(e -> assertThat(t.started(e.container()))
                        .as("%s exited without a start on the timeline:%n%s", e.container(), t.render())
                        .hasValueSatisfying(start -> assertThat(start).isBeforeOrEqualTo(e.time())));
    }
}
