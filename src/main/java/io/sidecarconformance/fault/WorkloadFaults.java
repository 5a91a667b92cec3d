package io.sidecarconformance.fault;

import io.sidecarconformance.workload.Applicability;
import io.sidecarconformance.workload.WorkloadFacts;
import io.sidecarconformance.workload.WorkloadInputException;

import java.util.List;
import java.util.stream.Collectors;

/** Which faults apply to a user's workload: each fault's own {@link Fault#onWorkload()} rule, in catalogue order. */
public final class WorkloadFaults {

    private WorkloadFaults() {
    }

    /** Every fault's answer for this workload, in catalogue order. */
    public static List<Applicability> applicability(WorkloadFacts facts) {
        return Faults.all().stream().map(f -> f.onWorkload().decide(f.id(), facts)).toList();
    }

    /** @throws IllegalArgumentException one line, for an unknown fault id */
    public static Applicability applicability(String faultId, WorkloadFacts facts) {
        return Faults.byId(faultId).onWorkload().decide(faultId, facts);
    }

    /**
     * Faults the user chose by name (-Dfaults) must apply: one that cannot is one line before any cluster work. (Run
     * without a choice, the faults that do not apply become NOT_APPLICABLE cells with their reason.)
     *
     * @throws WorkloadInputException the first fault that cannot apply, why, and the ones that can
     */
    public static void requireApplicable(List<String> faultIds, WorkloadFacts facts, String file) {
        for (String id : faultIds) {
            Applicability a = applicability(id, facts);
            if (!a.applies()) {
                String applicable = applicability(facts).stream().filter(Applicability::applies)
                        .map(Applicability::faultId).collect(Collectors.joining(","));
                throw new WorkloadInputException("fault " + id + " cannot apply to " + file + ": " + a.reason()
                        + "; faults that apply to it: -Dfaults=" + applicable);
            }
        }
    }
}
