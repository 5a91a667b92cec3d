package io.sidecarconformance;

import io.sidecarconformance.input.FeatureCheck;
import io.sidecarconformance.input.FeatureRow;
import io.sidecarconformance.input.ScenarioCount;
import io.sidecarconformance.suite.SuiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import static io.cucumber.junit.platform.engine.Constants.FILTER_TAGS_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * How many scenarios a run will run, from Cucumber's own selection: the features are discovered (never executed)
 * by the Cucumber engine with a tag expression, as `mvn verify` does, and the plan's rows are counted.
 */
class ScenarioSelectionTest {

    private static final Path FEATURES = Path.of("features");

    private static Set<String> plannedWithTags(String tags) {
        TestPlan plan = LauncherFactory.create().discover(request()
                .selectors(selectDirectory(FEATURES.toFile()))
                .filters(org.junit.platform.launcher.EngineFilter.includeEngines("cucumber"))
                .configurationParameter(GLUE_PROPERTY_NAME, "io.sidecarconformance.steps,io.sidecarconformance.hooks")
                .configurationParameter(FILTER_TAGS_PROPERTY_NAME, tags)
                .build());
        return SelectedScenariosListener.locations(plan);
    }

    private static SuiteConfig config(String... properties) {
        Properties p = new Properties();
        for (int i = 0; i < properties.length; i += 2) {
            p.setProperty(properties[i], properties[i + 1]);
        }
        return SuiteConfig.from(p, java.time.Instant.now());
    }

    @Test
    void theCountIsCucumbersSelectionNarrowedByTheFilters() {
        List<FeatureRow> rows = FeatureCheck.rows(FEATURES);
        Set<String> smokeWithoutFault = plannedWithTags("@fault-none and @smoke");

        assertThat(smokeWithoutFault).as("the rows of no-fault.feature's smoke Examples")
                .hasSize(4).allMatch(location -> location.contains("no-fault.feature:"));
        assertThat(ScenarioCount.of(rows, Optional.of(smokeWithoutFault), Optional.empty(), config()::selects, ""))
                .as("every planned row").isEqualTo(new ScenarioCount(4, true));
        assertThat(ScenarioCount.of(rows, Optional.of(smokeWithoutFault), Optional.empty(), config("patterns", "native,classic")::selects, ""))
                .as("narrowed by -Dpatterns").isEqualTo(new ScenarioCount(2, true));
        assertThat(ScenarioCount.of(rows, Optional.of(plannedWithTags("not @dind and not @proxy")), Optional.empty(), config()::selects, "").total())
                .as("every light row").isEqualTo((int) rows.stream().filter(r -> r.sidecar().equals("light")).count());
        assertThat(ScenarioCount.of(rows, Optional.of(plannedWithTags("@proxy")), Optional.empty(), config()::selects, "").total())
                .as("every proxy row, by its tag").isEqualTo((int) rows.stream().filter(r -> r.sidecar().equals("proxy")).count())
                .isEqualTo(15);
    }

    @Test
    void aNameFilterNarrowsThePlanByTheNamesCucumberGivesTheRows() {
        List<FeatureRow> rows = FeatureCheck.rows(FEATURES);
        Set<String> all = plannedWithTags("");
        SuiteConfig oomDind = config("cucumber.filter.name", "^native with a dind sidecar \\(exec(\\+probe)?\\+tolerant\\) under sidecar-oom$");

        assertThat(rows).as("a row's name is its outline's title filled in")
                .anySatisfy(r -> assertThat(r.name()).isEqualTo("native with a dind sidecar (exec+probe+tolerant) under sidecar-oom"));
        assertThat(ScenarioCount.of(rows, Optional.of(all), oomDind.names(), oomDind::selects, ""))
                .as("two rows, counted exactly").isEqualTo(new ScenarioCount(2, true));
        SuiteConfig none = config("cucumber.filter.name", "no such scenario");
        assertThatThrownBy(() -> ScenarioCount.of(rows, Optional.of(all), none.names(), none::selects, ""))
                .hasMessageContaining("-Dcucumber.filter.name=\"no such scenario\"");
        assertThatThrownBy(() -> config("cucumber.filter.name", "native (")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("-Dcucumber.filter.name: not a regular expression")
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
    }

    @Test
    void theListenerIsRegisteredWithThePlatform() {
        assertThat(java.util.ServiceLoader.load(org.junit.platform.launcher.TestExecutionListener.class).stream()
                .map(java.util.ServiceLoader.Provider::type))
                .as("listeners the JUnit Platform loads").contains(SelectedScenariosListener.class);
    }

    @Test
    void withoutAPlanTheCountIsTheFilteredRowsAndSaysSo() {
        List<FeatureRow> rows = FeatureCheck.rows(FEATURES);

        ScenarioCount count = ScenarioCount.of(rows, Optional.empty(), Optional.empty(), config("faults", "sigterm")::selects, "");

        assertThat(count.exact()).as("exact").isFalse();
        assertThat(count.total()).as("sigterm rows").isPositive()
                .isEqualTo((int) rows.stream().filter(r -> r.fault().equals("sigterm") && !r.pattern().equals(FeatureRow.OWN_POD)).count());
        assertThat(count.progress(3)).as("progress").isEqualTo("3/~" + count.total());
        assertThat(ScenarioCount.of(rows, Optional.of(Set.of("/elsewhere/x.feature:3")), Optional.empty(), config()::selects, "").exact())
                .as("a plan of other files is no use").isFalse();
    }

    @Test
    void aTagExpressionThatSelectsNothingStopsTheRunInOneLine() {
        List<FeatureRow> rows = FeatureCheck.rows(FEATURES);
        Set<String> nothing = plannedWithTags("@fault-none and @dind and @smoke and @tolerant");

        assertThat(nothing).as("planned").isEmpty();
        assertThatThrownBy(() -> ScenarioCount.of(rows, Optional.of(nothing), Optional.empty(), config()::selects,
                "@fault-none and @dind and @smoke and @tolerant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no scenario was selected by -Dcucumber.filter.tags=\"@fault-none and @dind and @smoke and @tolerant\" and")
                .hasMessageContaining("out of " + rows.size() + " rows in features/; loosen them")
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
        assertThatThrownBy(() -> ScenarioCount.of(rows, Optional.of(plannedWithTags("@smoke")), Optional.empty(),
                config("patterns", "pidfile", "faults", "none")::selects, ""))
                .as("tags and filters that each select something, but nothing together")
                .hasMessageStartingWith("no scenario was selected");
    }
}
