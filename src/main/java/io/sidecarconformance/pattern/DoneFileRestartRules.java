package io.sidecarconformance.pattern;

/**
 * {@code done-file} whose two regular containers each restart themselves in place on exit code 137 (KEP-5307: a
 * container's own restartPolicy Never and a Restart rule): a classic sidecar that comes back after an OOM kill in a
 * pod that never restarts, and a main that does after a kill.
 */
public final class DoneFileRestartRules implements Pattern {

    @Override
    public String id() {
        return "done-file-rules";
    }

    @Override
    public String label() {
        return "done-file with a Restart rule on exit code 137 (KEP-5307)";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new DoneFileShutdown().workload(containers)
                .restartRule(Role.MAIN, RestartRules.REGULAR_POLICY, RestartRules.RESTART, RestartRules.EXIT_CODE)
                .restartRule(Role.SIDECAR, RestartRules.REGULAR_POLICY, RestartRules.RESTART, RestartRules.EXIT_CODE);
    }
}
