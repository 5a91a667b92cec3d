package io.sidecarconformance;

import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.scenario.FeatureCheck;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.scenario.SuiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is caught before any cluster work, with one line that names the problem and the choices. */
class InputValidationTest {

    private static final String OUTLINE = """
            Feature: f
              Scenario Outline: <pattern>
                Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
                When its Job runs under the "%s" fault
                Then a verdict is recorded

                Examples: rows
                  | pattern | sidecar | variant |
                  | %s | %s | %s |
            """;

    @Test
    void theShippedFeatureFilesAreValidAndCoverEveryPatternUnderEveryFault() throws IOException {
        int rows = FeatureCheck.check(Path.of("features"));
        assertThat(rows).as("scenario rows in features/").isGreaterThanOrEqualTo(5 * 6);

        Set<String> covered = new HashSet<>();
        Pattern faultStep = Pattern.compile("under the \"([^\"]+)\" fault");
        try (var files = Files.list(Path.of("features"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                String text = Files.readString(f);
                Matcher m = faultStep.matcher(text);
                assertThat(m.find()).as("%s names its fault", f).isTrue();
                String fault = m.group(1);
                Patterns.all().forEach(p -> {
                    if (text.contains("| " + p.id() + " ")) {
                        covered.add(p.id() + "/" + fault);
                    }
                });
            }
        }
        Set<String> expected = new HashSet<>();
        Patterns.all().forEach(p -> Faults.all().forEach(f -> expected.add(p.id() + "/" + f.id())));
        assertThat(covered).as("pattern x fault cells covered by features/").isEqualTo(expected);
    }

    @Test
    void unknownNamesInAFeatureFileAreReportedWithFileLineAndChoices(@TempDir Path dir) throws IOException {
        assertOneLineError(dir, OUTLINE.formatted("none", "clasic", "light", "exec"),
                "bad.feature:9: unknown pattern 'clasic'; known: classic, done-file, pidfile, native, ephemeral");
        assertOneLineError(dir, OUTLINE.formatted("oom", "classic", "light", "exec"),
                "bad.feature:4: unknown fault 'oom'; known: none, sidecar-oom, main-oom, delayed-sidecar, sigterm, sigkill-main");
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "heavy", "exec"),
                "bad.feature:9: unknown sidecar 'heavy'; known: light, dind");
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "light", "probe"),
                "bad.feature:9: unknown variant 'probe'; known: exec, shell, exec+probe, shell+probe");
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "light", "exec+probe"),
                "bad.feature:9: variant 'exec+probe' does not apply to pattern 'classic'");
    }

    @Test
    void aMissingFeaturesFolderSaysWhereToRunFrom(@TempDir Path dir) {
        assertThatThrownBy(() -> FeatureCheck.check(dir.resolve("nope")))
                .hasMessageContaining("no features folder").hasMessageContaining("run from the repository root");
    }

    @Test
    void filterPropertiesAreValidatedAndApplied() {
        Properties p = new Properties();
        p.setProperty("patterns", "native, done-file");
        p.setProperty("faults", "none");
        SuiteConfig config = SuiteConfig.from(p, "run-1");
        assertThat(config.reportDir()).as("default report folder").isEqualTo(Path.of("reports", "run-1"));
        assertThat(config.selects(new ScenarioKey("local:1.31", "native", "light", "exec", "none"))).isTrue();
        assertThat(config.selects(new ScenarioKey("local:1.31", "classic", "light", "exec", "none"))).isFalse();
        assertThat(config.selects(new ScenarioKey("local:1.31", "native", "light", "exec", "sigterm"))).isFalse();

        for (List<String> bad : List.of(
                List.of("patterns", "native,sidecarless", "-Dpatterns: unknown pattern 'sidecarless'"),
                List.of("faults", "sigint", "-Dfaults: unknown fault 'sigint'"),
                List.of("sidecars", "istio", "-Dsidecars: unknown sidecar 'istio'"),
                List.of("variants", "fork", "-Dvariants: unknown variant 'fork'"),
                List.of("scenario.timeoutSeconds", "soon", "-Dscenario.timeoutSeconds=soon is not a whole number"),
                List.of("fault.graceSeconds", "0", "-Dfault.graceSeconds=0 is not a whole number from 1"))) {
            Properties props = new Properties();
            props.setProperty(bad.get(0), bad.get(1));
            assertThatThrownBy(() -> SuiteConfig.from(props, "r"))
                    .as("-D%s=%s", bad.get(0), bad.get(1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(bad.get(2))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    private static void assertOneLineError(Path dir, String feature, String expectedStart) throws IOException {
        Path f = dir.resolve("bad.feature");
        Files.writeString(f, feature);
        assertThatThrownBy(() -> FeatureCheck.check(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"))
                .satisfies(e -> assertThat(e.getMessage()).as("message").startsWith(f.toString().replace("bad.feature", "") + expectedStart));
    }
}
