package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sidecarconformance.pattern.WorkloadSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where a run's Job comes from: one of our patterns ({@link PatternJob}) or a user's own pod ({@link OwnPodJob}). */
interface JobSource {

    /** The Job to create, named and labelled as given. */
    Job job(String name, Map<String, String> labels);

    /** The same Job without what the fault adds to it: a refusal of only the fault's fields is NOT_APPLICABLE. */
    Job withoutFault(String name, Map<String, String> labels);

    /** Objects the Job needs in its namespace first (a user's ConfigMaps and Secrets), labelled as given. */
    List<HasMetadata> before(Map<String, String> labels);

    /** The sidecar to inject as an ephemeral container once main runs, if the pattern does so. */
    Optional<WorkloadSpec> ephemeral();

    static JobSource of(RunScope scope) {
        return scope.spec().own().<JobSource>map(own -> new OwnPodJob(own, scope))
                .orElseGet(() -> new PatternJob(scope));
    }
}
