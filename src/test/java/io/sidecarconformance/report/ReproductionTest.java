package io.sidecarconformance.report;

import io.sidecarconformance.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReproductionTest {

    private final ScenarioResult run = SampleRuns.repeated().results().stream()
            .filter(r -> r.key().equals(SampleRuns.DRILL_DOWN) && r.repeat() == 2).findFirst().orElseThrow();

    @Test
    void objectsBeforeTheFirstPatchOrActionGoIntoOneFileAndLaterStepsFollowInOrder() {
        Reproduction repro = Reproduction.of(run).orElseThrow();
        String base = "repro/kind-1.31/native-sidecar-dind-exec-probe-sidecar-oom-run2";

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

        assertThat(Reproduction.of(odd).orElseThrow().files().keySet()).as("files")
                .allSatisfy(name -> assertThat(name).startsWith("repro/-/").doesNotContain(".."));
    }

    @Test
    void aRunThatRecordedNothingCannotBeReproduced() {
        assertThat(Reproduction.of(SampleRuns.realistic().results().get(0))).as("no objects").isEmpty();
    }

    @Test
    void aQuoteInAPromptStaysInsideItsQuotes() {
        assertThat(Reproduction.shellQuote("main's exit")).isEqualTo("'main'\\''s exit'");
        assertThat(Reproduction.images("containers:\n- image: 'a:1'\n  name: x\n- name: y\n  image: b@sha256:00\n"))
                .containsExactly("a:1", "b@sha256:00");
        assertThat(Reproduction.images("{\"image\": \"c:2\"}")).isEqualTo(List.of("c:2"));
    }
}
