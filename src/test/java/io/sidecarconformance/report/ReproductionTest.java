package io.sidecarconformance.report;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReproductionTest {

    private final List<ScenarioResult> runs = SampleRuns.repeated().results().stream()
            .filter(r -> r.key().equals(SampleRuns.DRILL_DOWN)).toList();
    private final ScenarioResult run = runs.get(1);

    @Test
    void objectsBeforeTheFirstPatchOrActionGoIntoOneFileAndLaterStepsFollowInOrder() {
        Reproduction repro = only(run);
        String base = "repro/kind-1.31/native-sidecar-dind-exec-probe-sidecar-oom";

        assertThat(repro.files().keySet()).as("files").containsExactly(base + ".yaml", base + ".step3.json");
        assertThat(repro.files().get(base + ".yaml")).as("the ConfigMap then the Job, as one multi-document file")
                .isEqualTo(SampleRuns.APPLIED.get(0).manifest() + "---\n" + SampleRuns.APPLIED.get(1).manifest());
        assertThat(repro.command()).as("one line").doesNotContain("\n").isEqualTo(
                "NS=sc-repro; kubectl create ns \"$NS\" && kubectl -n \"$NS\" apply -f " + base + ".yaml"
                        + " && read -r -p 'next: ephemeralcontainers patch sc-native-dind-abcde - press Enter ' _"
                        + " && kubectl -n \"$NS\" patch pod \"$(kubectl -n \"$NS\" get pod -l 'job-name=sc-native-dind'"
                        + " -o jsonpath='{.items[0].metadata.name}')\" --subresource ephemeralcontainers --type strategic"
                        + " --patch-file " + base + ".step3.json"
                        + " && read -r -p 'once main says Working - press Enter ' _"
                        + " && kubectl -n \"$NS\" delete pod -l job-name=sc-native-dind --grace-period=5 --wait=false");
        assertThat(repro.images()).as("images of the YAML and of the patch").containsExactly("docker:27-dind", "busybox:1.36");
        assertThat(repro.steps()).as("steps in words").hasSize(4).last().asString()
                .startsWith("once main says Working: kubectl");
    }

    @Test
    void aClusterNamedLikeAParentFolderStaysInsideRepro() {
        ScenarioResult odd = new ScenarioResult(new io.sidecarconformance.result.ScenarioKey("..", "p", "s", "v", "f"),
                run.outcome(), "", List.of(), null, List.of(), null, "", 1, SampleRuns.APPLIED, null);

        assertThat(only(odd).files().keySet()).as("files")
                .allSatisfy(name -> assertThat(name).startsWith("repro/-/").doesNotContain(".."));
    }

    @Test
    void aRunThatRecordedNothingCannotBeReproduced() {
        assertThat(Reproduction.of(List.of(SampleRuns.realistic().results().get(0)))).as("no objects")
                .containsExactly(Optional.empty());
    }

    @Test
    void runsOfACellShareTheFilesTheyWroteAlikeAndKeepTheirOwnWhereTheyDiffer() {
        String cell = "repro/kind-1.31/native-sidecar-dind-exec-probe-sidecar-oom";
        List<AppliedObject> otherPod = new ArrayList<>(SampleRuns.APPLIED);
        otherPod.set(2, new AppliedObject(Reproduction.PATCH_KIND, "sc-native-dind-fghij",
                "{\"spec\":{\"ephemeralContainers\":[{\"name\":\"debug\",\"image\":\"busybox:1.37\"}]}}"));
        ScenarioResult third = runs.get(2).asRun(3, otherPod, null);

        List<Reproduction> alike = Reproduction.of(runs).stream().map(Optional::orElseThrow).toList();
        List<Reproduction> differ = Reproduction.of(List.of(runs.get(0), runs.get(1), third)).stream()
                .map(Optional::orElseThrow).toList();

        assertThat(alike).as("three runs that applied the same objects").extracting(r -> r.files().keySet())
                .containsOnly(Set.of(cell + ".yaml", cell + ".step3.json"));
        assertThat(differ).as("run 3 patched another pod: the patch per run, the YAML still shared")
                .extracting(r -> List.copyOf(r.files().keySet())).containsExactly(
                        List.of(cell + ".yaml", cell + "-run1.step3.json"), List.of(cell + ".yaml", cell + "-run2.step3.json"),
                        List.of(cell + ".yaml", cell + "-run3.step3.json"));
        assertThat(differ.get(2).files().get(cell + "-run3.step3.json")).as("run 3's own patch").contains("busybox:1.37");
        assertThat(differ).as("each command names its run's files").allSatisfy(r -> assertThat(r.command())
                .contains("apply -f " + cell + ".yaml").contains("--patch-file " + r.files().keySet().toArray()[1]));
    }

    @Test
    void anObjectRunsOfSeveralCellsAppliedAlikeHasOneFileForTheCluster() {
        ScenarioKey otherCell = new ScenarioKey("kind:1.31", "native-sidecar", "dind", "exec", "none");
        List<AppliedObject> otherJob = List.of(SampleRuns.APPLIED.get(0),
                new AppliedObject("Job", "sc-native-dind", "kind: Job\nmetadata:\n  name: sc-native-dind\n"));
        ScenarioResult other = new ScenarioResult(otherCell, run.outcome(), "", List.of(), null, List.of(), null, "", 1,
                otherJob, null);
        String shared = "repro/kind-1.31/shared/configmap-sc-images.yaml";

        List<Reproduction> repros = Reproduction.of(List.of(runs.get(0), other)).stream().map(Optional::orElseThrow).toList();

        assertThat(repros.get(1).files()).as("the ConfigMap in the cluster's file, the Job in the cell's").containsExactly(
                Map.entry(shared, SampleRuns.APPLIED.get(0).manifest()),
                Map.entry("repro/kind-1.31/native-sidecar-dind-exec-none.yaml", otherJob.get(1).manifest()));
        assertThat(repros).as("both commands apply the cluster's file with their cell's, at once").allSatisfy(r ->
                assertThat(r.command()).contains("apply -f " + shared + " -f repro/kind-1.31/native-sidecar-dind-"));
        assertThat(repros.get(0).steps()).as("steps as before").startsWith("apply ConfigMap sc-images", "apply Job sc-native-dind");

        AppliedObject otherText = new AppliedObject("ConfigMap", "sc-images", "kind: ConfigMap\ndata:\n  a: c\n");
        ScenarioResult differs = other.asRun(1, List.of(otherText, otherJob.get(1)), null);
        assertThat(Reproduction.of(List.of(runs.get(0), differs))).as("two texts of it on the cluster: each cell's own")
                .allSatisfy(r -> assertThat(r.orElseThrow().files().keySet()).noneMatch(f -> f.contains("/shared/")));
    }

    private static Reproduction only(ScenarioResult result) {
        return Reproduction.of(List.of(result)).get(0).orElseThrow();
    }

    @Test
    void aQuoteInAPromptStaysInsideItsQuotes() {
        assertThat(Reproduction.shellQuote("main's exit")).isEqualTo("'main'\\''s exit'");
        assertThat(Reproduction.images("containers:\n- image: 'a:1'\n  name: x\n- name: y\n  image: b@sha256:00\n"))
                .containsExactly("a:1", "b@sha256:00");
        assertThat(Reproduction.images("{\"image\": \"c:2\"}")).isEqualTo(List.of("c:2"));
    }
}
