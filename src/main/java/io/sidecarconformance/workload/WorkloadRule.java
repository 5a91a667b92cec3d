package io.sidecarconformance.workload;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a fault applies to a user's workload: what it needs of the spec, or why it never applies to one (it changes
 * what the suite's own images do), and what the cell should say of how it acts on this spec. Each fault declares its
 * own ({@code Fault.onWorkload()}).
 */
public record WorkloadRule(List<FaultNeed> needs, Optional<String> neverBecause, Function<WorkloadFacts, String> note) {

    public static WorkloadRule needing(FaultNeed... needs) {
        return new WorkloadRule(List.of(needs), Optional.empty(), facts -> "");
    }

    public static WorkloadRule never(String why) {
        return new WorkloadRule(List.of(), Optional.of(why), facts -> "");
    }

    /** The same rule, saying of a workload it applies to how the fault acts on it (e.g. with which grace period). */
    public WorkloadRule saying(Function<WorkloadFacts, String> how) {
        return new WorkloadRule(needs, neverBecause, how);
    }

    /** This rule's answer for one workload. */
    public Applicability decide(String faultId, WorkloadFacts facts) {
        if (neverBecause.isPresent()) {
            return Applicability.notApplicable(faultId, neverBecause.get());
        }
        for (FaultNeed need : needs) {
            Optional<String> missing = need.missing(facts);
            if (missing.isPresent()) {
                return Applicability.notApplicable(faultId, missing.get());
            }
        }
        return Applicability.applies(faultId, note.apply(facts));
    }
}
