package io.sidecarconformance.fault;

import io.sidecarconformance.workload.Applicability;
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
import java.util.stream.Collectors;

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
        assertThat(b.get("main-oom").reason()).as("a zero limit is no limit").startsWith("main runner has no memory limit");
    }

    @Test
    void withoutASidecarTheSidecarFaultsDoNotApplyAndMainsDo() throws IOException {
        Map<String, Applicability> a = byId(facts("  containers:\n    - {name: job, image: x" + LIMIT + "}\n", null, null));
        for (String id : List.of("sidecar-oom", "sigkill-sidecar", "delayed-sidecar", "sidecar-early-crash", "sidecar-crashloop",
                "delete-during-init")) {
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
}
