package io.sidecarconformance.suite;

import io.sidecarconformance.fault.Fault;
import io.sidecarconformance.fault.FaultSettings;
import io.sidecarconformance.fault.FireMoment;
import io.sidecarconformance.fault.WorkloadFaults;
import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.CatalogWorkload;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.scenario.OwnPod;
import io.sidecarconformance.scenario.ScenarioSpec;
import io.sidecarconformance.settings.PropertyReader;
import io.sidecarconformance.workload.Applicability;
import io.sidecarconformance.workload.RoleFinder;
import io.sidecarconformance.workload.RoleNames;
import io.sidecarconformance.workload.Workload;
import io.sidecarconformance.workload.WorkloadFacts;
import io.sidecarconformance.workload.WorkloadFile;
import io.sidecarconformance.workload.WorkloadInputException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static io.sidecarconformance.suite.SuiteProperties.*;

/**
 * The users' own pods of a run (-Dworkload, several comma-separated), read and checked before any cluster work, with the
 * moment their faults fire. Roles come from -Dworkload.main / -Dworkload.sidecar, else from the pod's annotations
 * {@code sidecar-conformance.io/main} and {@code sidecar-conformance.io/sidecar}, else from the spec.
 *
 * @param pods         the pods, one grid row each, in the order given
 * @param when         when their faults fire
 * @param withPatterns whether our patterns' cells run too (-Dworkload.withPatterns)
 */
public record SuiteWorkloads(List<OwnPod> pods, FireMoment when, boolean withPatterns) {

    public static final String MAIN_ANNOTATION = "sidecar-conformance.io/main";
    public static final String SIDECAR_ANNOTATION = "sidecar-conformance.io/sidecar";
    static final String VARIANT = "as-written";

    public static SuiteWorkloads none() {
        return new SuiteWorkloads(List.of(), new FireMoment.AfterMainStarts(Duration.ZERO), true);
    }

    /** @throws IllegalArgumentException one line, what to do */
    static SuiteWorkloads read(PropertyReader r, Set<String> chosenFaults) {
        Optional<String> files = r.text(WORKLOAD);
        Optional<String> fireOnText = r.text(WORKLOAD_FIRE_ON);
        int after = r.wholeNumber(WORKLOAD_FIRE_AFTER);
        boolean withPatterns = "true".equals(r.choice(WORKLOAD_WITH_PATTERNS));
        Optional<Pattern> fireOn = fireOnText.map(SuiteWorkloads::regex);
        RoleNames given = RoleNames.of(r.text(WORKLOAD_MAIN).orElse(null), r.text(WORKLOAD_SIDECAR).orElse(null));
        if (files.isEmpty()) {
            return new SuiteWorkloads(List.of(), moment(after, fireOn), true);
        }
        if (fireOn.isPresent() && r.wholeNumberIfGiven(WORKLOAD_FIRE_AFTER).isPresent()) {
            throw new IllegalArgumentException("-Dworkload.fireOn and -Dworkload.fireAfterSeconds both given; choose one"
                    + " moment for the faults: a line of main's log, or seconds after main starts");
        }
        List<OwnPod> pods = new ArrayList<>();
        for (String file : Arrays.stream(files.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            Workload w = WorkloadFile.read(Path.of(file));
            OwnPod pod = new OwnPod(w, RoleFinder.find(w, given.main().isPresent() || given.sidecar().isPresent() ? given
                    : fromAnnotations(w)), fireOn);
            if (pods.stream().anyMatch(p -> OwnPod.rowId(p.workload()).equals(OwnPod.rowId(w)))) {
                throw new WorkloadInputException("-Dworkload names two files called " + w.file().getFileName()
                        + "; give them different names (a row of the grid is named after its file)");
            }
            WorkloadFaults.requireApplicable(List.copyOf(chosenFaults), facts(pod), file);
            pods.add(pod);
        }
        return new SuiteWorkloads(List.copyOf(pods), moment(after, fireOn), withPatterns);
    }

    private static FireMoment moment(int after, Optional<Pattern> fireOn) {
        return fireOn.<FireMoment>map(FireMoment.OnMainLog::new)
                .orElseGet(() -> new FireMoment.AfterMainStarts(Duration.ofSeconds(after)));
    }

    private static Pattern regex(String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("-Dworkload.fireOn: not a regular expression (" + e.getDescription()
                    + " at index " + e.getIndex() + "); give one that a line of main's log matches, e.g. 'Running job'");
        }
    }

    private static RoleNames fromAnnotations(Workload w) {
        Map<String, String> a = w.podMetadata() == null || w.podMetadata().getAnnotations() == null ? Map.of()
                : w.podMetadata().getAnnotations();
        return RoleNames.of(a.get(MAIN_ANNOTATION), a.get(SIDECAR_ANNOTATION));
    }

    static WorkloadFacts facts(OwnPod pod) {
        return WorkloadFacts.of(pod.workload(), pod.roles());
    }

    public boolean any() {
        return !pods.isEmpty();
    }

    /** The cells of every pod under one fault: the fault built for a user's pod, or one that says why it does not apply. */
    public List<ScenarioSpec> cells(String cluster, String faultId, FaultSettings settings) {
        List<ScenarioSpec> specs = new ArrayList<>();
        for (OwnPod pod : pods) {
            ScenarioKey key = new ScenarioKey(cluster, OwnPod.rowId(pod.workload()), pod.sidecarId(), VARIANT, faultId);
            Fault fault = WorkloadFaults.forCell(faultId, when, facts(pod), settings);
            specs.add(ScenarioSpec.ownPod(key, pod, fault));
        }
        return specs;
    }

    /** What results.json's catalog says of each pod's row: its file, roles and how each fault acts on it. */
    public List<Map.Entry<CatalogEntry, CatalogWorkload>> catalog(FaultSettings settings) {
        List<Map.Entry<CatalogEntry, CatalogWorkload>> out = new ArrayList<>();
        for (OwnPod pod : pods) {
            Workload w = pod.workload();
            String id = OwnPod.rowId(w);
            Map<String, String> faults = new LinkedHashMap<>();
            for (Applicability a : WorkloadFaults.applicability(facts(pod))) {
                Fault fault = WorkloadFaults.forCell(a.faultId(), when, facts(pod), settings);
                faults.put(a.faultId(), a.applies() ? fault.label() + "; fires " + fault.moment() : a.inWords());
            }
            out.add(Map.entry(new CatalogEntry(id, "your own pod from " + w.file() + " (" + w.source() + "; "
                            + pod.roles().describe() + "), run as written; faults act from outside its containers"),
                    new CatalogWorkload(id, w.file().toString(), w.sha256(), w.source(), pod.roles().describe(), faults)));
        }
        return out;
    }

    /** The parameters that shape own-pod cells, for the report's legend beside the scenario timings; none without pods. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        if (any()) {
            p.put("your own pods: when the faults fire (workload.fireAfterSeconds, workload.fireOn)", when.words());
            p.put("your own pods: sidecar-oom, main-oom: the container's init gone within (fixed), else not injected",
                    io.sidecarconformance.fault.CgroupOomFault.BOUND_SECONDS + " s");
        }
        return p;
    }
}
