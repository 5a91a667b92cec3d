package io.sidecarconformance;

import io.sidecarconformance.suite.DefaultParallelism;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfigurationStrategy;

/**
 * Cucumber's thread pool from -Dparallel, never failing: a value that is not a whole number of at least 1 gives
 * one thread, so that the run can start and reject it in one line (SuiteConfig) before any cluster work, instead of
 * the engine failing with "Failed to create ForkJoinPool". No value (or an empty one, pom.xml's default) gives the
 * machine's default, {@link DefaultParallelism}, as SuiteConfig does. Set as the custom strategy in pom.xml.
 */
public class SafeParallelism implements ParallelExecutionConfigurationStrategy {

    /** Read under cucumber.execution.parallel.config. */
    static final String PARALLELISM = "custom.parallelism";

    @Override
    public ParallelExecutionConfiguration createConfiguration(ConfigurationParameters parameters) {
        int n = parameters.get(PARALLELISM).map(SafeParallelism::parse).orElseGet(DefaultParallelism::ofThisMachine);
        return new Fixed(n);
    }

    static int parse(String value) {
        if (value.isBlank()) {
            return DefaultParallelism.ofThisMachine();
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n < 1 ? 1 : n;
        } catch (NumberFormatException e) {
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
