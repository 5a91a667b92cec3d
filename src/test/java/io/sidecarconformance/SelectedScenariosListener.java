package io.sidecarconformance;

import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import io.sidecarconformance.hooks.SuiteHandOff;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Hands Cucumber's selection to the run before any scenario starts ({@link SuiteHandOff}): the platform calls this
 * with the test plan before it executes the Cucumber engine. The plan holds the scenarios the selectors name (folders, files, lines); Cucumber
 * applies {@code cucumber.filter.tags} only while executing (a scenario that does not match is skipped), so the same
 * tag expression is applied here to each scenario's tags. A name filter is applied by the run to the rows' names
 * (ScenarioCount), which this plan does not carry. Registered in META-INF/services.
 */
public class SelectedScenariosListener implements TestExecutionListener {

    static final String CUCUMBER_ENGINE = "[engine:cucumber]";

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        boolean cucumber = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(SelectedScenariosListener::isScenario);
        if (cucumber) {
            try {
                SuiteHandOff.plan(locations(plan));
            } catch (TagExpressionException e) {
                // Cucumber reports a malformed expression itself; the run then counts an upper bound.
            }
        }
    }

    static final String TAG_FILTER = "cucumber.filter.tags";

    /** "file:line" of every scenario (a test, not a container) the Cucumber engine will run, after its tag filter. */
    static Set<String> locations(TestPlan plan) {
        Expression tags = plan.getConfigurationParameters().get(TAG_FILTER).filter(t -> !t.isBlank())
                .map(TagExpressionParser::parse).orElse(anyTags -> true);
        Set<String> locations = new LinkedHashSet<>();
        plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .filter(SelectedScenariosListener::isScenario)
                .filter(test -> tags.evaluate(test.getTags().stream().map(t -> "@" + t.getName()).toList()))
                .forEach(test -> test.getSource().flatMap(SelectedScenariosListener::location).ifPresent(locations::add));
        return locations;
    }

    // A Cucumber scenario, run by the Cucumber engine itself or inside a suite (SidecarConformanceIT's @Suite).
    private static boolean isScenario(TestIdentifier test) {
        String id = test.getUniqueId();
        return test.isTest() && (id.startsWith(CUCUMBER_ENGINE) || id.contains("/" + CUCUMBER_ENGINE));
    }

    private static java.util.Optional<String> location(TestSource source) {
        if (source instanceof FileSource file && file.getPosition().isPresent()) {
            FilePosition at = file.getPosition().get();
            return java.util.Optional.of(file.getFile().toPath().toAbsolutePath().normalize() + ":" + at.getLine());
        }
        return java.util.Optional.empty();
    }
}
