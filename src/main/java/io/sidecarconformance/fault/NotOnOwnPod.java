package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.workload.WorkloadRule;

import java.util.Optional;

/** A fault that does not apply to a user's pod: its cell is NOT_APPLICABLE, with the reason, and nothing is created. */
final class NotOnOwnPod implements Fault {

    private final String id;
    private final String label;
    private final Aim aim;
    private final String reason;

    NotOnOwnPod(String id, String label, Aim aim, String reason) {
        this.id = id;
        this.label = label;
        this.aim = aim;
        this.reason = reason;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.never(reason);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Aim aim() {
        return aim;
    }

    @Override
    public Optional<String> notRunBecause() {
        return Optional.of("the fault does not apply to this pod: " + reason);
    }
}
