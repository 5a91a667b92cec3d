package io.sidecarconformance.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which of today's faults apply to a user's workload, as data: what each needs of the spec, or why it never applies to
 * a workload (it changes what the suite's own images do). Kept here, by fault id, until the faults can say it
 * themselves (docs/own-workload.md); a test fails when a fault is missing here.
 */
public final class WorkloadFaults {

    /** A fault's rule for workloads: what it needs, or why it never applies to one. */
    private record Rule(List<FaultNeed> needs, Optional<String> neverBecause) {

        static Rule needing(FaultNeed... needs) {
            return new Rule(List.of(needs), Optional.empty());
        }

        static Rule never(String why) {
            return new Rule(List.of(), Optional.of(why));
        }
    }

    /** In the order of the fault catalogue. */
    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        RULES.put("none", Rule.needing());
        RULES.put("sidecar-oom", Rule.needing(FaultNeed.SIDECAR_MEMORY_LIMIT));
        RULES.put("sidecar-early-crash", Rule.needing(FaultNeed.SIDECAR));
        RULES.put("sidecar-crashloop", Rule.needing(FaultNeed.SIDECAR));
        RULES.put("main-oom", Rule.needing(FaultNeed.MAIN_MEMORY_LIMIT));
        RULES.put("delayed-sidecar", Rule.needing(FaultNeed.SIDECAR));
        RULES.put("sigterm", Rule.needing());
        RULES.put("sigterm-slow-main", Rule.never("it changes how main answers SIGTERM, which only the suite's own images"
                + " can; sigterm deletes the pod with the spec's own grace period"));
        RULES.put("sigkill-main", Rule.needing());
        RULES.put("delete-during-init", Rule.needing(FaultNeed.NATIVE_SIDECAR_WITH_STARTUP_PROBE));
        RULES.put("kubelet-restart", Rule.needing());
        RULES.put("burstable-oom-scores", Rule.never("it sets main's and the sidecar's memory requests and limits itself;"
                + " a workload keeps its own resources"));
    }

    private WorkloadFaults() {
    }

    /** The fault ids this class knows, in catalogue order. */
    public static List<String> faultIds() {
        return List.copyOf(RULES.keySet());
    }

    /** Every fault's answer for this workload, in catalogue order. */
    public static List<Applicability> applicability(WorkloadFacts facts) {
        return RULES.keySet().stream().map(id -> applicability(id, facts)).toList();
    }

    public static Applicability applicability(String faultId, WorkloadFacts facts) {
        Rule rule = RULES.get(faultId);
        if (rule == null) {
            throw new IllegalArgumentException("unknown fault '" + faultId + "'; known: " + String.join(", ", RULES.keySet()));
        }
        if (rule.neverBecause().isPresent()) {
            return Applicability.notApplicable(faultId, rule.neverBecause().get());
        }
        for (FaultNeed need : rule.needs()) {
            Optional<String> missing = need.missing(facts);
            if (missing.isPresent()) {
                return Applicability.notApplicable(faultId, missing.get());
            }
        }
        return Applicability.applies(faultId, note(faultId, facts));
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

    private static String note(String faultId, WorkloadFacts facts) {
        return switch (faultId) {
            case "sigterm" -> "deletes the pod with its grace period, " + facts.gracePeriodSeconds() + " s"
                    + (facts.gracePeriodFromSpec() ? "" : " (Kubernetes' default: the spec sets none)");
            case "kubelet-restart" -> "on local clusters only, where the suite runs the kubelet";
            default -> "";
        };
    }
}
