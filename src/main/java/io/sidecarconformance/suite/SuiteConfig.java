package io.sidecarconformance.suite;

import io.sidecarconformance.cluster.ClusterSettings;
import io.sidecarconformance.fault.FaultSettings;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.hygiene.Staleness;
import io.sidecarconformance.input.FeatureRow;
import io.sidecarconformance.pattern.ContainerSettings;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.result.ResultsFileException;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.UpstreamE2e;
import io.sidecarconformance.result.UpstreamE2eJunit;
import io.sidecarconformance.scenario.ScenarioSettings;
import io.sidecarconformance.settings.Property;
import io.sidecarconformance.settings.PropertyReader;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.sidecarconformance.suite.SuiteProperties.*;

/**
 * The suite's settings: every -D property ({@link SuiteProperties}), read once and validated before any cluster work,
 * then passed down (the cluster's part, the sweep's bound, the scenario timings). Filters (-Dpatterns, -Dfaults,
 * -Dsidecars, -Dvariants) are comma-separated ids; empty means all. {@code upstreamE2e} is what upstream's e2e tests
 * said about the cluster, read from the folder clusters/e2e/e2e.sh wrote (-De2e.junit), or null. {@code values} is
 * every property with the value the run used, written whole into results.json. {@code runId} names the run
 * ({@link SuiteId}: its start and -Dcluster): it labels its namespaces and names the default report folder.
 */
public record SuiteConfig(
        String runId,
        Path reportDir,
        Path featuresDir,
        Set<String> patterns,
        Set<String> faults,
        Set<String> sidecars,
        Set<String> variants,
        String tags,
        Optional<java.util.regex.Pattern> names,
        int parallel,
        int repeat,
        boolean repeatTogether,
        ScenarioSettings settings,
        UpstreamE2e upstreamE2e,
        ClusterSettings cluster,
        Staleness staleness,
        SuiteWorkloads workloads,
        Map<String, String> values) {

    /**
     * Whether the run runs this cell. A row of the own-pod feature ({@link FeatureRow#OWN_POD}) runs with -Dworkload
     * only, and then our patterns' rows only with -Dworkload.withPatterns=true; -Dfaults filters both.
     */
    public boolean selects(ScenarioKey key) {
        if (key.pattern().equals(FeatureRow.OWN_POD) || key.pattern().startsWith(FeatureRow.OWN_POD + ":")) {
            return workloads.any() && matches(faults, key.fault());
        }
        return (!workloads.any() || workloads.withPatterns()) && matches(patterns, key.pattern()) && matches(faults, key.fault())
                && matches(sidecars, key.sidecar()) && matches(variants, key.variant());
    }

    private static boolean matches(Set<String> filter, String value) {
        return filter.isEmpty() || filter.contains(value);
    }

    /** @throws IllegalArgumentException one line: which property is wrong and what it accepts */
    public static SuiteConfig from(Properties p, Instant startedAt) {
        PropertyReader r = new PropertyReader(p);
        ClusterSettings cluster = ClusterSettings.read(r);
        String runId = SuiteId.next(cluster.cluster(), startedAt);
        Path reportDir = r.text(REPORT_DIR).map(Path::of).orElse(Path.of("reports", runId));
        r.used(REPORT_DIR, reportDir.toString());
        Path features = Path.of(r.text(FEATURES_DIR, "features"));
        Set<String> patterns = ids(r, PATTERNS, Patterns::byId);
        Set<String> faults = ids(r, FAULTS, id -> {
            if (!io.sidecarconformance.fault.WorkloadFaults.ids().contains(id)) {
                Faults.byId(id);
            }
        });
        Set<String> sidecars = ids(r, SIDECARS, SidecarKind::byId);
        Set<String> variants = ids(r, VARIANTS, Variant::parse);
        String tags = r.text(TAGS).orElse("");
        Optional<java.util.regex.Pattern> names = names(r);
        int parallel = parallel(r);
        int repeat = r.wholeNumber(REPEAT);
        boolean repeatTogether = "true".equals(r.choice(REPEAT_TOGETHER));
        UpstreamE2e e2e = upstreamE2e(r);
        Staleness staleness = Staleness.from(r, Clock.systemUTC());
        ScenarioSettings d = ScenarioSettings.defaults();
        ScenarioSettings settings = new ScenarioSettings(r.wholeNumber(MAIN_WAIT), r.wholeNumber(MAIN_WORK),
                Duration.ofSeconds(r.wholeNumber(STUCK_WINDOW)), d.jobWindow(), Duration.ofSeconds(r.wholeNumber(DEADLINE)),
                new FaultSettings(r.wholeNumber(FAULT_DELAY), r.wholeNumber(FAULT_GRACE)),
                new ContainerSettings(r.wholeNumber(LIGHT_STARTUP), r.wholeNumber(CHECK_TIMEOUT), r.wholeNumber(RETRY),
                        r.wholeNumber(PROXY_DRAIN), r.wholeNumber(READINESS_PERIOD)));
        return new SuiteConfig(runId, reportDir, features, patterns, faults, sidecars, variants, tags, names, parallel, repeat,
                repeatTogether, settings, e2e, cluster, staleness, SuiteWorkloads.read(r, faults), r.values());
    }

    /** -Dparallel by its one rule: a whole number from 1 to 64, or the default for the cluster and machine. */
    public static int parallel(PropertyReader r) {
        int parallel = r.wholeNumberIfGiven(PARALLEL)
                .orElseGet(() -> DefaultParallelism.forCluster(r.text(ClusterSettings.CLUSTER).orElse("")));
        r.used(PARALLEL, Integer.toString(parallel));
        return parallel;
    }

    /** -Dcucumber.filter.name, compiled as Cucumber compiles it: the runner counts the scenarios it selects. */
    private static Optional<java.util.regex.Pattern> names(PropertyReader r) {
        Optional<String> value = r.text(NAMES);
        try {
            return value.map(java.util.regex.Pattern::compile);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("-Dcucumber.filter.name: not a regular expression (" + e.getDescription()
                    + " at index " + e.getIndex() + "); give one that matches scenario names, e.g. 'native with a dind'");
        }
    }

    private static UpstreamE2e upstreamE2e(PropertyReader r) {
        Optional<String> dir = r.text(E2E_JUNIT);
        try {
            return dir.isEmpty() ? null : UpstreamE2eJunit.read(Path.of(dir.get()));
        } catch (ResultsFileException e) {
            throw new IllegalArgumentException("-De2e.junit: " + e.getMessage());
        }
    }

    private static Set<String> ids(PropertyReader r, Property property, Consumer<String> validator) {
        Optional<String> value = r.text(property);
        if (value.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = Arrays.stream(value.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        for (String id : ids) {
            try {
                validator.accept(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + property.name() + ": " + e.getMessage());
            }
        }
        return Set.copyOf(ids);
    }
}
