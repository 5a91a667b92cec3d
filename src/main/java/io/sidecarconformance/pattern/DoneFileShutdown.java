package io.sidecarconformance.pattern;

/** Buildkite's dind Job: main traps EXIT and touches a file on a shared emptyDir; the sidecar polls for it and exits. */
public final class DoneFileShutdown implements Pattern {

    @Override
    public String id() {
        return "done-file";
    }

    @Override
    public String label() {
        return "main touches a done file on exit; the sidecar polls for it";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new WorkloadSpec(containers.main("done-file"), containers.sidecar("done-file"), Placement.CONTAINER);
    }
}
