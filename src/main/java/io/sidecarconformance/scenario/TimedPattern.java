package io.sidecarconformance.scenario;

import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.ContainerSettings;
import io.sidecarconformance.pattern.Pattern;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * A pattern whose containers get the run's container settings, whatever factory it is handed. ScenarioRun builds
 * its factory with the defaults; this keeps -Dsidecar.lightStartupSeconds, -Dclient.checkTimeoutSeconds and
 * -Dclient.retrySeconds in force until ScenarioRun passes {@code settings.containers()} to the factory itself.
 */
record TimedPattern(Pattern pattern, ContainerSettings containers) implements Pattern {

    @Override
    public String id() {
        return pattern.id();
    }

    @Override
    public String summary() {
        return pattern.summary();
    }

    @Override
    public WorkloadSpec workload(ContainerFactory factory) {
        return pattern.workload(factory.with(containers));
    }

    @Override
    public boolean supports(Variant variant) {
        return pattern.supports(variant);
    }
}
