package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sidecarconformance.pattern.JobFactory;
import io.sidecarconformance.pattern.Placement;
import io.sidecarconformance.pattern.WorkloadSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Job of one of our patterns, shaped by its fault. */
final class PatternJob implements JobSource {

    private final RunScope scope;
    private final WorkloadSpec workload;

    PatternJob(RunScope scope) {
        this.scope = scope;
        this.workload = ScenarioWorkload.of(scope, true);
    }

    @Override
    public Job job(String name, Map<String, String> labels) {
        return JobFactory.job(name, workload, labels);
    }

    @Override
    public Job withoutFault(String name, Map<String, String> labels) {
        return JobFactory.job(name, ScenarioWorkload.of(scope, false), labels);
    }

    @Override
    public List<HasMetadata> before(Map<String, String> labels) {
        return List.of();
    }

    @Override
    public Optional<WorkloadSpec> ephemeral() {
        return workload.placement() == Placement.EPHEMERAL ? Optional.of(workload) : Optional.empty();
    }
}
