package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.workload.Applicability;
import io.sidecarconformance.workload.WorkloadFacts;
import io.sidecarconformance.workload.WorkloadInputException;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The faults a user's own pod runs under (-Dworkload): each acts from outside the user's containers, at the moment the
 * user chose, and says itself what it needs of the spec ({@link Fault#onWorkload()}). Our other faults change what our
 * own images do, so they never apply to a user's pod; their cells are NOT_APPLICABLE with the reason.
 */
public final class WorkloadFaults {

    private WorkloadFaults() {
    }

    /** The faults built for a user's pod, in the catalogue's order (sigkill-sidecar, theirs alone, after the crashes). */
    public static List<Fault> forOwnPod(FireMoment when, WorkloadFacts facts, FaultSettings settings) {
        Optional<AtMoment.Grace> grace = Optional.of(new AtMoment.Grace(facts.gracePeriodSeconds(), facts.gracePeriodFromSpec()));
        return List.of(new AtMoment(new NoFault(), when), new CgroupOomFault(Role.SIDECAR, when),
                new ContainerKillFault(Role.SIDECAR, when), new CgroupOomFault(Role.MAIN, when),
                new CgroupFreezeFault(settings.delaySeconds()),
                new AtMoment(new SigtermFault(), when, grace), new AtMoment(new EvictionFault(), when, grace),
                new AtMoment(new EvictionPdbFault(), when, grace),
                new ContainerKillFault(Role.MAIN, when), new AtMoment(new KubeletRestartFault(), when));
    }

    /** Every fault id a user's pod has a cell for: ours, then those built for a user's pod alone. */
    public static List<String> ids() {
        return Stream.concat(Faults.all().stream().map(Fault::id), Stream.of("sigkill-sidecar")).distinct().toList();
    }

    /** The fault built for a user's pod under this id, if there is one. */
    public static Optional<Fault> byId(String id, FireMoment when, WorkloadFacts facts, FaultSettings settings) {
        return forOwnPod(when, facts, settings).stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The fault of one cell of a user's pod: the one built for it, or one that says why it does not apply. */
    public static Fault forCell(String id, FireMoment when, WorkloadFacts facts, FaultSettings settings) {
        Applicability a = applicability(id, facts);
        if (a.applies()) {
            return byId(id, when, facts, settings).orElseThrow();
        }
        Optional<Fault> built = byId(id, when, facts, settings);
        Fault known = built.orElseGet(() -> Faults.byId(id));
        return new NotOnOwnPod(id, known.label(), known.aim(), a.reason());
    }

    /** Every fault's answer for this workload, in the order of {@link #ids()}. */
    public static List<Applicability> applicability(WorkloadFacts facts) {
        return ids().stream().map(id -> applicability(id, facts)).toList();
    }

    /** @throws IllegalArgumentException one line, for an unknown fault id */
    public static Applicability applicability(String faultId, WorkloadFacts facts) {
        FireMoment any = new FireMoment.AfterMainStarts(java.time.Duration.ZERO);
        Optional<Fault> built = byId(faultId, any, facts, FaultSettings.defaults());
        if (built.isPresent()) {
            return built.get().onWorkload().decide(faultId, facts);
        }
        Fault ours = Faults.byId(faultId);
        Applicability needs = ours.onWorkload().decide(faultId, facts);
        return needs.applies() ? Applicability.notApplicable(faultId, "not built for a user's pod yet: our cells of it"
                + " use what our own test images do (" + ours.label() + ")") : needs;
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
