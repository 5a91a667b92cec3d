package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.workload.Applicability;
import io.sidecarconformance.workload.ExampleWorkloads;
import io.sidecarconformance.workload.RoleFinder;
import io.sidecarconformance.workload.RoleNames;
import io.sidecarconformance.workload.Workload;
import io.sidecarconformance.workload.WorkloadFacts;
import io.sidecarconformance.workload.WorkloadFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.sidecarconformance.fault.FireMomentTest.event;
import static io.sidecarconformance.workload.OneLineAssert.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadFaultsTest {

    @TempDir
    Path dir;

    private static final String LIMIT = ", resources: {limits: {memory: 256Mi}}";

    private WorkloadFacts facts(String podSpec, String main, String sidecar) throws IOException {
        Workload w = WorkloadFile.read(Files.writeString(dir.resolve("w.yaml"), "kind: Pod\nmetadata: {name: p}\nspec:\n" + podSpec));
        return WorkloadFacts.of(w, RoleFinder.find(w, RoleNames.of(main, sidecar)));
    }

    private static Map<String, Applicability> byId(WorkloadFacts facts) {
        return WorkloadFaults.applicability(facts).stream().collect(Collectors.toMap(Applicability::faultId, a -> a));
    }

    @Test
    void everyFaultOfTheCatalogueAnswersInItsOrder() throws IOException {
        WorkloadFacts f = facts("  containers:\n    - {name: main, image: busybox}\n", null, null);
        assertThat(WorkloadFaults.applicability(f)).extracting(Applicability::faultId).as("one answer per fault, in order")
                .containsExactlyElementsOf(java.util.stream.Stream.concat(Faults.all().stream().map(Fault::id),
                        java.util.stream.Stream.of("sigkill-sidecar")).toList());
    }

    @Test
    void theFactsAreReadFromTheSpec() throws IOException {
        WorkloadFacts f = facts("""
                  terminationGracePeriodSeconds: 45
                  initContainers:
                    - {name: dind, image: x, restartPolicy: Always, resources: {limits: {memory: 1Gi}}, startupProbe: {exec: {command: [docker, info]}}}
                  containers:
                    - {name: runner, image: x}
                """, null, null);
        assertThat(f.main().name()).isEqualTo("runner");
        assertThat(f.main().memoryLimit()).as("main has no memory limit").isEmpty();
        assertThat(f.sidecar()).hasValueSatisfying(s -> {
            assertThat(s.name()).isEqualTo("dind");
            assertThat(s.memoryLimit()).as("sidecar's memory limit").hasValueSatisfying(q -> assertThat(q.toString()).isEqualTo("1Gi"));
            assertThat(s.nativeSidecar()).isTrue();
            assertThat(s.startupProbe()).isTrue();
        });
        assertThat(f.gracePeriodSeconds()).isEqualTo(45);
        assertThat(f.gracePeriodFromSpec()).isTrue();
    }

    @Test
    void memoryFaultsNeedAMemoryLimitOnTheirTarget() throws IOException {
        Map<String, Applicability> a = byId(facts("""
                  initContainers:
                    - {name: dind, image: x, restartPolicy: Always}
                  containers:
                    - {name: runner, image: x%s}
                """.formatted(LIMIT), null, null));
        assertThat(a.get("main-oom").applies()).as("main-oom with main limited").isTrue();
        assertThat(a.get("sidecar-oom").applies()).as("sidecar-oom with the sidecar unlimited").isFalse();
        assertThat(a.get("sidecar-oom").inWords()).isEqualTo("NOT_APPLICABLE: sidecar dind has no memory limit"
                + " (resources.limits.memory), so nothing stops its memory short of the node's; give it one to run this fault");

        Map<String, Applicability> b = byId(facts("""
                  initContainers:
                    - {name: dind, image: x, restartPolicy: Always%s}
                  containers:
                    - {name: runner, image: x, resources: {limits: {memory: "0"}}}
                """.formatted(LIMIT), null, null));
        assertThat(b.get("sidecar-oom").applies()).isTrue();
        assertThat(b.get("sidecar-child-oom").inWords()).as("a child of our own sidecar's script allocates: not on a user's pod")
                .startsWith("NOT_APPLICABLE: not built for a user's pod yet");
        assertThat(b.get("main-oom").reason()).as("a zero limit is no limit").startsWith("main runner has no memory limit");
    }

    @Test
    void withoutASidecarTheSidecarFaultsDoNotApplyAndMainsDo() throws IOException {
        Map<String, Applicability> a = byId(facts("  containers:\n    - {name: job, image: x" + LIMIT + "}\n", null, null));
        for (String id : List.of("sidecar-oom", "sidecar-child-oom", "sigkill-sidecar", "delayed-sidecar", "sidecar-early-crash",
                "sidecar-crashloop", "delete-during-init")) {
            assertThat(a.get(id).applies()).as(id).isFalse();
            assertThat(a.get(id).reason()).as(id).startsWith("the pod has no sidecar");
        }
        for (String id : List.of("none", "main-oom", "sigterm", "sigkill-main", "kubelet-restart")) {
            assertThat(a.get(id).applies()).as(id).isTrue();
        }
    }

    @Test
    void theFaultsThatChangeTheSuitesOwnImagesNeverApply() throws IOException {
        Map<String, Applicability> a = byId(facts("  containers:\n    - {name: job, image: x}\n", null, null));
        assertThat(a.get("sigterm-slow-main").inWords()).startsWith("NOT_APPLICABLE: it changes how main answers SIGTERM");
        assertThat(a.get("burstable-oom-scores").inWords()).startsWith("NOT_APPLICABLE: it sets main's and the sidecar's memory");
    }

    @Test
    void deleteDuringInitNeedsANativeSidecarWithAStartupProbe() throws IOException {
        String probe = ", startupProbe: {exec: {command: [docker, info]}}";
        String spec = "  initContainers:\n    - {name: dind, image: x, restartPolicy: Always%s}\n  containers:\n    - {name: runner, image: x}\n";
        assertThat(byId(facts(spec.formatted(probe), null, null)).get("delete-during-init").reason())
                .as("its needs are met, but it is not built for a user's pod").startsWith("not built for a user's pod yet");
        assertThat(byId(facts(spec.formatted(""), null, null)).get("delete-during-init").reason())
                .isEqualTo("sidecar dind has no startupProbe, so the kubelet starts main as soon as it runs and there is no start-up to interrupt");
        assertThat(byId(facts("  containers:\n    - {name: agent, image: x}\n    - {name: dind, image: x" + probe + "}\n", "agent", null))
                .get("delete-during-init").reason()).isEqualTo("sidecar dind is a classic sidecar: main does not wait for it");
    }

    @Test
    void sigtermSaysWhichGracePeriodItUses() throws IOException {
        assertThat(byId(facts("  containers:\n    - {name: job, image: x}\n", null, null)).get("sigterm").inWords())
                .isEqualTo("applies: deletes the pod with its grace period, 30 s (Kubernetes' default: the spec sets none)");
        assertThat(byId(facts("  terminationGracePeriodSeconds: 5\n  containers:\n    - {name: job, image: x}\n", null, null))
                .get("sigterm").inWords()).isEqualTo("applies: deletes the pod with its grace period, 5 s");
        assertThat(byId(facts("  containers:\n    - {name: job, image: x}\n", null, null)).get("eviction").inWords())
                .isEqualTo("applies: evicts the pod through the Eviction API with its grace period, 30 s (Kubernetes' default:"
                        + " the spec sets none)");
        assertThat(byId(facts("  containers:\n    - {name: job, image: x}\n", null, null)).get("stop-signal").applies())
                .as("a stop signal only the suite's main is known to trap").isFalse();
        assertThat(byId(facts("  containers:\n    - {name: job, image: x}\n", null, null)).get("none").inWords()).isEqualTo("applies");
    }

    @Test
    void aChosenFaultThatCannotApplyIsOneLineNamingTheOnesThatCan() throws IOException {
        WorkloadFacts f = facts("  containers:\n    - {name: job, image: x}\n", null, null);
        WorkloadFaults.requireApplicable(List.of("none", "sigkill-main"), f, "w.yaml");
        assertThat(refusal(() -> WorkloadFaults.requireApplicable(List.of("none", "main-oom"), f, "w.yaml")))
                .isEqualTo("fault main-oom cannot apply to w.yaml: main job has no memory limit (resources.limits.memory),"
                        + " so nothing stops its memory short of the node's; give it one to run this fault;"
                        + " faults that apply to it: -Dfaults=none,sigterm,eviction,eviction-pdb,sigkill-main,kubelet-restart");
        assertThatThrownBy(() -> WorkloadFaults.applicability("oom", f)).hasMessageStartingWith("unknown fault 'oom'; known: none, ");
    }

    @Test
    void theIdsAreOursThenTheOnesBuiltForAUsersPodAlone() {
        assertThat(WorkloadFaults.ids()).containsExactly("none", "sidecar-oom", "sidecar-child-oom", "sidecar-early-crash",
                "sidecar-crashloop", "main-oom", "delayed-sidecar", "sigterm", "sigterm-slow-main", "eviction", "eviction-pdb",
                "stop-signal", "sigkill-main", "delete-during-init", "kubelet-restart", "kubelet-restart-main-kill", "burstable-oom-scores",
                "sigkill-sidecar");
    }

    @Test
    void aCellsFaultThatAppliesIsTheOneBuiltForAUsersPodAndFiresWhenTheUserChose() {
        WorkloadFacts arc = ExampleWorkloads.facts(ExampleWorkloads.ARC, null, null);
        FireMoment onLog = new FireMoment.OnMainLog(Pattern.compile("Running job"));
        FaultSettings settings = new FaultSettings(12, 99);
        Map<String, Class<? extends Fault>> built = Map.of("none", AtMoment.class, "sidecar-oom", CgroupOomFault.class,
                "sigkill-sidecar", ContainerKillFault.class, "main-oom", CgroupOomFault.class,
                "delayed-sidecar", CgroupFreezeFault.class, "sigterm", AtMoment.class,
                "sigkill-main", ContainerKillFault.class, "kubelet-restart", AtMoment.class);
        Map<String, Aim> aims = Map.of("none", Aim.NONE, "sidecar-oom", Aim.SIDECAR, "sigkill-sidecar", Aim.SIDECAR,
                "main-oom", Aim.MAIN, "delayed-sidecar", Aim.SIDECAR, "sigterm", Aim.POD, "sigkill-main", Aim.MAIN,
                "kubelet-restart", Aim.NODE);

        built.forEach((id, type) -> {
            Fault f = WorkloadFaults.forCell(id, onLog, arc, settings);
            assertThat(f).as(id).isInstanceOf(type);
            assertThat(f.id()).as(id).isEqualTo(id);
            assertThat(f.aim()).as("%s aims at", id).isEqualTo(aims.get(id));
            assertThat(f.notRunBecause()).as("%s runs", id).isEmpty();
            if (!id.equals("delayed-sidecar")) {
                assertThat(f.firesOn(event("main", EventKind.LOG_MATCH))).as("%s fires on main's mark", id).isTrue();
                assertThat(f.firesOn(event("main", EventKind.STEP))).as("%s: not on our Working line", id).isFalse();
                assertThat(f.moment()).as("%s in words", id).isEqualTo(onLog.words());
            }
        });
        Fault freeze = WorkloadFaults.forCell("delayed-sidecar", onLog, arc, settings);
        assertThat(freeze.firesOn(event("sidecar", EventKind.RUNNING))).as("the freeze: as the sidecar starts").isTrue();
        assertThat(freeze.firesOn(event("main", EventKind.LOG_MATCH))).isFalse();
        assertThat(freeze.label()).as("for -Dfault.delaySeconds").contains("frozen for 12 s");
        assertThat(WorkloadFaults.forCell("kubelet-restart", onLog, arc, settings).actsOnNode()).as("kubelet-restart").isTrue();
        assertThat(WorkloadFaults.forCell("sigkill-main", new FireMoment.AfterMainStarts(java.time.Duration.ofSeconds(3)), arc,
                settings).delay()).as("the user's delay").hasSeconds(3);
    }

    @Test
    void theDeletionUsesTheSpecsGracePeriodOrKubernetesDefaultNeverTheSuites() throws IOException {
        FireMoment any = new FireMoment.AfterMainStarts(java.time.Duration.ZERO);
        FaultSettings settings = new FaultSettings(15, 99);
        assertThat(WorkloadFaults.forCell("sigterm", any, ExampleWorkloads.facts(ExampleWorkloads.ARC, null, null), settings).label())
                .isEqualTo("the pod is deleted while main works, with Kubernetes' default grace period (30 s)");
        WorkloadFacts spec = facts("  terminationGracePeriodSeconds: 45\n  containers:\n    - {name: job, image: x}\n", null, null);
        assertThat(WorkloadFaults.forCell("sigterm", any, spec, settings).label())
                .isEqualTo("the pod is deleted while main works, with its spec's grace period (45 s)");
    }

    @Test
    void aCellsFaultThatCannotApplyIsNotRunAndSaysWhy() throws IOException {
        WorkloadFacts arc = ExampleWorkloads.facts(ExampleWorkloads.ARC, null, null);
        FireMoment any = new FireMoment.AfterMainStarts(java.time.Duration.ZERO);
        for (String id : List.of("sigterm-slow-main", "burstable-oom-scores", "sidecar-early-crash", "delete-during-init")) {
            Fault f = WorkloadFaults.forCell(id, any, arc, FaultSettings.defaults());
            assertThat(f).as(id).isInstanceOf(NotOnOwnPod.class);
            assertThat(f.id()).isEqualTo(id);
            assertThat(f.label()).as("%s: our fault's label", id).isEqualTo(Faults.byId(id).label());
            assertThat(f.aim()).isEqualTo(Faults.byId(id).aim());
            assertThat(f.notRunBecause()).as(id).contains("the fault does not apply to this pod: "
                    + WorkloadFaults.applicability(id, arc).reason());
        }
        assertThat(WorkloadFaults.forCell("sigterm-slow-main", any, arc, FaultSettings.defaults()).notRunBecause())
                .hasValueSatisfying(why -> assertThat(why).contains("it changes how main answers SIGTERM"));

        WorkloadFacts unlimited = facts("""
                  initContainers:
                    - {name: dind, image: x, restartPolicy: Always}
                  containers:
                    - {name: runner, image: x%s}
                """.formatted(LIMIT), null, null);
        Fault oom = WorkloadFaults.forCell("sidecar-oom", any, unlimited, FaultSettings.defaults());
        assertThat(oom).isInstanceOf(NotOnOwnPod.class);
        assertThat(oom.label()).as("the label of the fault built for a user's pod")
                .isEqualTo(new CgroupOomFault(io.sidecarconformance.pattern.Role.SIDECAR, any).label());
        assertThat(oom.notRunBecause()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("the fault does not apply to this pod: sidecar dind has no memory limit"));
        assertThat(WorkloadFaults.forCell("main-oom", any, unlimited, FaultSettings.defaults())).as("main is limited")
                .isInstanceOf(CgroupOomFault.class);
    }
}
