package io.sidecarconformance.pattern;

/**
 * {@code native} where exit code 137 of main or of the sidecar restarts the whole pod in place (KEP-5532: a
 * RestartAllContainers rule on both; main's own restartPolicy Never, the sidecar's stays Always).
 */
public final class NativeRestartAllContainers implements Pattern {

    @Override
    public String id() {
        return "native-restart-all";
    }

    @Override
    public String label() {
        return "native with a RestartAllContainers rule on exit code 137 (KEP-5532)";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new NativeSidecar().workload(containers)
                .restartRule(Role.MAIN, RestartRules.REGULAR_POLICY, RestartRules.RESTART_ALL, RestartRules.EXIT_CODE)
                .restartRule(Role.SIDECAR, null, RestartRules.RESTART_ALL, RestartRules.EXIT_CODE);
    }

    @Override
    public boolean supports(Variant variant) {
        return true;
    }
}
