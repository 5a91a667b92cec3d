package io.sidecarconformance.scenario;

import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.WorkloadSpec;

/** The pattern's workload for a scenario, shaped by its fault or not (to tell a refusal of the fault's fields from the pattern's). */
final class ScenarioWorkload {

    private ScenarioWorkload() {
    }

    static WorkloadSpec of(RunScope scope, boolean withFault) {
        ScenarioSpec spec = scope.spec();
        ScenarioSettings settings = scope.settings();
        WorkloadSpec w = spec.pattern().workload(new ContainerFactory(scope.images(), spec.sidecar(), spec.variant(),
                settings.containers()));
        w.env(Role.MAIN, "SC_WAIT_SECONDS", Integer.toString(settings.mainWaitSeconds()))
                .env(Role.MAIN, "SC_WORK_SECONDS", Integer.toString(settings.workSeconds()));
        if (withFault) {
            spec.fault().shape(w, spec.sidecar(), settings.faults());
        }
        return w;
    }
}
