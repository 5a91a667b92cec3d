package io.sidecarconformance.suite;

import io.sidecarconformance.scenario.ScenarioSettings;

import io.sidecarconformance.result.ResultsFileException;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.UpstreamE2e;
import io.sidecarconformance.result.UpstreamE2eJunit;

import io.sidecarconformance.fault.FaultSettings;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.ContainerSettings;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The suite's settings, read from system properties and validated before any cluster work.
 * Filters (-Dpatterns, -Dfaults, -Dsidecars, -Dvariants) are comma-separated ids; empty means all.
 * {@code parallel} is how many scenarios run at once (-Dparallel; by default {@link DefaultParallelism} of this
 * machine). {@code repeat} is how many times each selected cell runs (-Drepeat), one run after another. {@code names} is
 * Cucumber's name filter (-Dcucumber.filter.name), if any. {@code upstreamE2e} is what upstream's e2e tests
 * said about the cluster, read from the folder clusters/e2e/e2e.sh wrote (-De2e.junit), or null.
 */
public record SuiteConfig(
        String cluster,
        Path reportDir,
        Set<String> patterns,
        Set<String> faults,
        Set<String> sidecars,
        Set<String> variants,
        int parallel,
        int repeat,
        Optional<java.util.regex.Pattern> names,
        ScenarioSettings settings,
        UpstreamE2e upstreamE2e) {

    public static final int MAX_PARALLEL = 64;
    public static final int MAX_REPEAT = 100;

    public boolean selects(ScenarioKey key) {
        return matches(patterns, key.pattern()) && matches(faults, key.fault())
                && matches(sidecars, key.sidecar()) && matches(variants, key.variant());
    }

    private static boolean matches(Set<String> filter, String value) {
        return filter.isEmpty() || filter.contains(value);
    }

    /** @throws IllegalArgumentException one line: which property is wrong and what it accepts */
    public static SuiteConfig from(Properties p, String defaultRunId) {
        String cluster = p.getProperty("cluster", "").strip();
        String dir = p.getProperty("report.dir", "").strip();
        Path reportDir = dir.isEmpty() ? Path.of("reports", defaultRunId) : Path.of(dir);
        ScenarioSettings d = ScenarioSettings.defaults();
        ScenarioSettings settings = new ScenarioSettings(
                intProperty(p, "main.waitSeconds", d.mainWaitSeconds(), 1, 3600),
                intProperty(p, "main.workSeconds", d.workSeconds(), 0, 3600),
                Duration.ofSeconds(intProperty(p, "stuck.windowSeconds", (int) d.stuckWindow().toSeconds(), 1, 3600)),
                d.jobWindow(),
                Duration.ofSeconds(intProperty(p, "scenario.timeoutSeconds", (int) d.deadline().toSeconds(), 10, 7200)),
                new FaultSettings(
                        intProperty(p, "fault.delaySeconds", d.faults().delaySeconds(), 0, 3600),
                        intProperty(p, "fault.graceSeconds", (int) d.faults().gracePeriodSeconds(), 1, 3600)),
                new ContainerSettings(
                        intProperty(p, "sidecar.lightStartupSeconds", d.containers().lightStartupSeconds(), 0, 120),
                        intProperty(p, "client.checkTimeoutSeconds", d.containers().checkTimeoutSeconds(), 1, 30),
                        intProperty(p, "client.retrySeconds", d.containers().retrySeconds(), 1, 600)));
        return new SuiteConfig(cluster, reportDir,
                ids(p, "patterns", Patterns::byId),
                ids(p, "faults", Faults::byId),
                ids(p, "sidecars", SidecarKind::byId),
                ids(p, "variants", Variant::parse),
                intProperty(p, "parallel", DefaultParallelism.ofThisMachine(), 1, MAX_PARALLEL),
                intProperty(p, "repeat", 1, 1, MAX_REPEAT),
                names(p), settings, upstreamE2e(p));
    }

    /** -Dcucumber.filter.name, compiled as Cucumber compiles it: the runner counts the scenarios it selects. */
    private static Optional<java.util.regex.Pattern> names(Properties p) {
        String value = p.getProperty("cucumber.filter.name", "").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.util.regex.Pattern.compile(value));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("-Dcucumber.filter.name: not a regular expression (" + e.getDescription()
                    + " at index " + e.getIndex() + "); give one that matches scenario names, e.g. 'native with a dind'");
        }
    }

    private static UpstreamE2e upstreamE2e(Properties p) {
        String dir = p.getProperty("e2e.junit", "").strip();
        if (dir.isEmpty()) {
            return null;
        }
        try {
            return UpstreamE2eJunit.read(Path.of(dir));
        } catch (ResultsFileException e) {
            throw new IllegalArgumentException("-De2e.junit: " + e.getMessage());
        }
    }

    private static Set<String> ids(Properties p, String name, Consumer<String> validator) {
        String value = p.getProperty(name, "").strip();
        if (value.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String id : ids) {
            try {
                validator.accept(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + name + ": " + e.getMessage());
            }
        }
        return Set.copyOf(ids);
    }

    private static int intProperty(Properties p, String name, int fallback, int min, int max) {
        String value = p.getProperty(name, "").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + name + "=" + value + " is not a whole number from " + min + " to " + max);
        }
    }
}
