package io.sidecarconformance.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.input.FeatureRow;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.scenario.ScenarioSpec;
import io.sidecarconformance.suite.ConformanceSuite;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.result.Outcome;
import org.opentest4j.TestAbortedException;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of a few lines each: they name the cell, have the run's suite (injected) run it, and check what was observed. */
public class ScenarioSteps {

    private final ScenarioState state;
    private final ConformanceSuite suite;

    public ScenarioSteps(ScenarioState state, ConformanceSuite suite) {
        this.state = state;
        this.suite = suite;
    }

    @Given("the {string} pattern with a {string} sidecar in the {string} variant")
    public void thePattern(String pattern, String sidecar, String variant) {
        state.pattern = pattern;
        state.sidecar = sidecar;
        state.variant = variant;
    }

    @When("its Job runs under the {string} fault")
    public void itsJobRunsUnder(String fault) {
        ScenarioKey key = new ScenarioKey(suite.clusterId(), state.pattern, state.sidecar, state.variant, fault);
        if (!suite.config().selects(key)) {
            throw new TestAbortedException("not selected by -Dpatterns/-Dfaults/-Dsidecars/-Dvariants");
        }
        state.spec = new ScenarioSpec(key, Patterns.byId(state.pattern), SidecarKind.byId(state.sidecar),
                Variant.parse(state.variant), Faults.byId(fault));
        state.results = suite.runCell(state.spec);
    }

    @Given("your own pods, named by -Dworkload")
    public void yourOwnPods() {
        state.ownPods = true;
    }

    @When("each runs under the {string} fault")
    public void eachRunsUnder(String fault) {
        ScenarioKey row = new ScenarioKey(suite.clusterId(), FeatureRow.OWN_POD, "", "", fault);
        if (!suite.config().selects(row)) {
            throw new TestAbortedException(suite.config().workloads().any() ? "not selected by -Dfaults"
                    : "runs only with -Dworkload=<your pod's YAML file>");
        }
        state.results = new java.util.ArrayList<>();
        for (ScenarioSpec spec : suite.config().workloads().cells(suite.clusterId(), fault, suite.config().settings().faults())) {
            state.results.addAll(suite.runCell(spec));
        }
    }

    @Then("an outcome is recorded")
    public void aVerdictIsRecorded() {
        List<ScenarioResult> errors = state.results.stream().filter(r -> r.outcome() == Outcome.ERROR).toList();
        if (!errors.isEmpty()) {
            // The reason line (and the timeline, if anything ran) is the whole story: no stack trace 84 times over.
            String n = System.lineSeparator();
            throw new InfrastructureError(errors.stream().map(r -> "no outcome" + (state.results.size() > 1 ? " in run " + r.repeat()
                    + " of " + state.results.size() : "") + ", infrastructure error: " + r.reason()
                    + (r.timeline().isEmpty() ? "" : n + Timeline.of(r.timeline()).render()))
                    .collect(Collectors.joining(n)));
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
        for (ScenarioResult result : state.results) {
            Timeline t = Timeline.of(result.timeline());
            result.timeline().stream()
                    .filter(e -> e.kind() == EventKind.EXITING)
                    .forEach(e -> assertThat(t.started(e.container()))
                            .as("run %d: %s exited without a start on the timeline:%n%s", result.repeat(), e.container(), t.render())
                            .hasValueSatisfying(start -> assertThat(start).isBeforeOrEqualTo(e.time())));
        }
    }
}
