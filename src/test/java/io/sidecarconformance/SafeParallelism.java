package io.sidecarconformance;

import io.sidecarconformance.settings.PropertyReader;
import io.sidecarconformance.suite.DefaultParallelism;
import io.sidecarconformance.cluster.ClusterSettings;
import io.sidecarconformance.suite.SuiteConfig;
import io.sidecarconformance.suite.SuiteProperties;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

/**
 * Cucumber's thread pool from -Dparallel, by the run's own rule ({@link SuiteConfig#parallel}: 1 to 64, without a
 * value the machine's default, {@link DefaultParallelism}), but never failing: a bad value gives one thread, so that
 * the run can start and reject it in one line before any cluster work, instead of the engine failing with "Failed to
 * create ForkJoinPool". Set as the custom strategy in junit-platform.properties and pom.xml.
 */
public class SafeParallelism implements ParallelExecutionConfigurationStrategy {

    /** Read under cucumber.execution.parallel.config. */
    static final String PARALLELISM = "custom.parallelism";

    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        return new Fixed(parse(parameters.get(PARALLELISM).orElse("")));
    }

    static int parse(String value) {
        java.util.Properties given = new java.util.Properties();
        given.setProperty(SuiteProperties.PARALLEL.name(), value);
        // The default depends on the cluster too (one at a time on local-v2): the same -Dcluster the run reads.
        given.setProperty(ClusterSettings.CLUSTER.name(), System.getProperty(ClusterSettings.CLUSTER.name(), ""));
        try {
            return SuiteConfig.parallel(new PropertyReader(given));
        } catch (IllegalArgumentException e) {
            return 1;
        }
    }

    /** As JUnit's fixed strategy: n threads, pool size n, so scenarios run n at once. */
    record Fixed(int getParallelism) implements ParallelExecutionConfiguration {
        @Override
        public int getMinimumRunnable() {
            return getParallelism;
        }

        @Override
        public int getMaxPoolSize() {
            return getParallelism;
        }

        @Override
        public int getCorePoolSize() {
            return getParallelism;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }

        // As the fixed strategy's default (saturate=true): a saturated pool makes do instead of failing a scenario.
        @Override
        public java.util.function.Predicate<? super java.util.concurrent.ForkJoinPool> getSaturatePredicate() {
            return pool -> true;
        }
    }
}
