package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.ColumnFigure;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;

/**
 * Not a failure: the pod is made Burstable, main asking for far more memory than the sidecar ({@link #MAIN_REQUEST}
 * against {@link #SIDECAR_REQUEST}, each below its limit), and every container writes the oom_score_adj it was given.
 * The kubelet derives a Burstable container's score from its own request; kubernetes#128029 (1.32) has a native
 * sidecar's score follow main's instead, so that the OOM killer does not take the sidecar first.
 */
public final class BurstableOomScoresFault implements Fault {

    static final String MAIN_REQUEST = "2Gi";
    static final String MAIN_LIMIT = "3Gi";
    static final String SIDECAR_REQUEST = "64Mi";
    static final String SIDECAR_LIMIT = "1Gi";

    @Override
    public String id() {
        return "burstable-oom-scores";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.never("it sets main's and the sidecar's memory requests and limits itself;"
                + " a workload keeps its own resources");
    }

    @Override
    public String label() {
        return "each container's oom_score_adj in a Burstable pod";
    }

    @Override
    public Aim aim() {
        return Aim.NONE;
    }

    @Override
    public ColumnFigure figure() {
        return ColumnFigure.OOM_SCORES;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        spec.memoryRequestAndLimit(Role.MAIN, MAIN_REQUEST, MAIN_LIMIT)
                .memoryRequestAndLimit(Role.SIDECAR, SIDECAR_REQUEST, SIDECAR_LIMIT)
                .env(Role.MAIN, "SC_REPORT_OOM_SCORE", "1")
                .env(Role.SIDECAR, "SC_REPORT_OOM_SCORE", "1");
    }

    static String describe() {
        return "main " + MAIN_REQUEST + " of " + MAIN_LIMIT + ", sidecar " + SIDECAR_REQUEST + " of " + SIDECAR_LIMIT;
    }
}
