package io.sidecarconformance.pattern;

/**
 * {@code native} whose main restarts itself in place on exit code 137 (KEP-5307: main's own restartPolicy Never and a
 * Restart rule), beside a native sidecar that keeps running.
 */
public final class NativeRestartRules implements Pattern {

    @Override
    public String id() {
        return "native-rules";
    }

    @Override
    public String label() {
        return "native with a Restart rule for main on exit code 137 (KEP-5307)";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new NativeSidecar().workload(containers)
                .restartRule(Role.MAIN, RestartRules.REGULAR_POLICY, RestartRules.RESTART, RestartRules.EXIT_CODE);
    }

    @Override
    public boolean supports(Variant variant) {
        return true;
    }
}
