package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * As {@link SigtermFault}, but main finishes its work on SIGTERM: it says so at once and exits
 * {@link #LINGER_SECONDS} later, so each sidecar's SIGTERM falls clearly before or after main's exit.
 */
public final class SigtermSlowMainFault implements Fault {

    /** How long main takes to exit after SIGTERM: well above the timeline's second, well below the grace period. */
    static final int LINGER_SECONDS = 4;

    @Override
    public String id() {
        return "sigterm-slow-main";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.never("it changes how main answers SIGTERM, which only the suite's own images can;"
                + " sigterm deletes the pod with the spec's own grace period");
    }

    @Override
    public String label() {
        return "the pod is deleted; main exits 4 s after SIGTERM";
    }

    @Override
    public Aim aim() {
        return Aim.POD;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        new SigtermFault().shape(spec, kind, settings);
        spec.env(Role.MAIN, "SC_TERM_LINGER_SECONDS", Integer.toString(LINGER_SECONDS));
    }

    @Override
    public void act(FaultContext context) {
        PodDeletion.delete(context);
    }
}
