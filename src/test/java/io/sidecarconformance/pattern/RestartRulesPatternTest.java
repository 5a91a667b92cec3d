package io.sidecarconformance.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sidecarconformance.pattern.JobFactoryTest.IMAGES;
import static io.sidecarconformance.pattern.JobFactoryTest.LABELS;
import static org.assertj.core.api.Assertions.assertThat;

/** The container restart rules of KEP-5307 and KEP-5532 as the API receives them: the JSON the Job is sent as. */
class RestartRulesPatternTest {

    private static JsonNode podSpecJson(String pattern) {
        WorkloadSpec w = Patterns.byId(pattern).workload(new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse("exec")));
        Job job = JobFactory.job("sc-job", w, LABELS);
        return Serialization.jsonMapper().valueToTree(job).at("/spec/template/spec");
    }

    private static JsonNode named(JsonNode array, String name) {
        for (JsonNode c : array) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no container " + name + " in " + array);
    }

    private static void assertOneRule(JsonNode container, String policy, String action) {
        assertThat(container.path("restartPolicy").asText()).as("%s restartPolicy", container.path("name").asText()).isEqualTo(policy);
        JsonNode rules = container.path("restartPolicyRules");
        assertThat(rules.size()).as("%s: one rule", container.path("name").asText()).isEqualTo(1);
        assertThat(rules.get(0).path("action").asText()).as("action").isEqualTo(action);
        assertThat(rules.get(0).at("/exitCodes/operator").asText()).as("operator").isEqualTo("In");
        assertThat(rules.get(0).at("/exitCodes/values").toString()).as("exit codes").isEqualTo("[137]");
    }

    @Test
    void doneFileRulesGivesBothRegularContainersTheirOwnNeverPolicyAndARestartRule() {
        JsonNode spec = podSpecJson("done-file-rules");

        assertThat(spec.path("restartPolicy").asText()).as("the pod's policy").isEqualTo("Never");
        assertThat(spec.path("initContainers").size()).as("no init containers").isZero();
        assertOneRule(named(spec.path("containers"), "main"), "Never", "Restart");
        assertOneRule(named(spec.path("containers"), "sidecar"), "Never", "Restart");
        assertThat(named(spec.path("containers"), "sidecar").path("env").toString()).as("done-file's protocol kept")
                .contains("\"done-file\"");
    }

    @Test
    void nativeRulesGivesOnlyMainARestartRuleBesideAnAlwaysSidecar() {
        JsonNode spec = podSpecJson("native-rules");

        assertOneRule(named(spec.path("containers"), "main"), "Never", "Restart");
        JsonNode sidecar = named(spec.path("initContainers"), "sidecar");
        assertThat(sidecar.path("restartPolicy").asText()).as("native sidecar").isEqualTo("Always");
        assertThat(sidecar.has("restartPolicyRules")).as("no rule on the sidecar").isFalse();
    }

    @Test
    void nativeRestartAllGivesMainAndTheAlwaysSidecarARestartAllContainersRule() {
        JsonNode spec = podSpecJson("native-restart-all");

        assertOneRule(named(spec.path("containers"), "main"), "Never", "RestartAllContainers");
        assertOneRule(named(spec.path("initContainers"), "sidecar"), "Always", "RestartAllContainers");
    }

    @Test
    void noOtherPatternSendsRestartRules() {
        for (Pattern p : Patterns.all()) {
            if (List.of("done-file-rules", "native-rules", "native-restart-all").contains(p.id())) {
                continue;
            }
            assertThat(podSpecJson(p.id()).toString()).as("%s sends no rules", p.id()).doesNotContain("restartPolicyRules");
        }
    }

    @Test
    void theLegendNamesTheRulesFixedValues() {
        assertThat(RestartRules.describe()).as("legend text").contains("Never", "In [137]");
    }
}
