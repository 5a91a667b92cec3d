package io.sidecarconformance.pattern;

/**
 * The self-hosted-runner write-up's safer shutdown: shareProcessNamespace, main writes its PID, the sidecar waits with
 * kill -0 until it vanishes.
 */
public final class PidfileShutdown implements Pattern {

    @Override
    public String id() {
        return "pidfile";
    }

    @Override
    public String label() {
        return "shared process namespace; the sidecar waits for main's PID to vanish";
    }

    @Override
    public WorkloadSpec workload(ContainerFactory containers) {
        return new WorkloadSpec(containers.main("pidfile"), containers.sidecar("pidfile"), Placement.CONTAINER)
                .shareProcessNamespace(true);
    }
}
