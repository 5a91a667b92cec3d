package io.sidecarconformance.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.sidecarconformance.fault.FaultSettings;
import io.sidecarconformance.fault.WorkloadFaults;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.CatalogWorkload;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.sidecarconformance.suite.SuiteWorkloadsTest.ARC;
import static io.sidecarconformance.suite.SuiteWorkloadsTest.config;
import static org.assertj.core.api.Assertions.assertThat;

/** results.json's catalog of a run with users' own pods: which file each row came from, and how each fault acts on it. */
class SuiteCatalogTest {

    @TempDir
    Path dir;

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static SuiteResults run(Catalog catalog) {
        return new SuiteResults(SuiteResults.SCHEMA, "run-1", Instant.EPOCH, Instant.EPOCH, List.of(), Map.of(), Map.of(),
                catalog, List.of());
    }

    @Test
    void eachFileIsARowWithItsHashRolesAndHowEachFaultActsOnIt() throws Exception {
        Path gitlab = SuiteWorkloadsTest.annotatedGitlab(dir, "gitlab-annotated.yaml");
        SuiteConfig config = config("workload", ARC + "," + gitlab, "workload.fireAfterSeconds", "3");

        Catalog catalog = SuiteCatalog.of(config.workloads(), config.settings().faults());

        assertThat(catalog.faultIds()).as("ours, then sigkill-sidecar: the columns' order")
                .containsExactlyElementsOf(WorkloadFaults.ids()).startsWith(SuiteCatalog.of().faultIds().toArray(String[]::new));
        assertThat(catalog.fault("sigkill-sidecar")).hasValueSatisfying(f -> {
            assertThat(f.label()).isEqualTo("the sidecar's process is SIGKILLed (a crash)");
            assertThat(f.aim()).isEqualTo(Aim.SIDECAR);
        });
        List<String> ours = SuiteCatalog.of().patterns().stream().map(CatalogEntry::id).toList();
        assertThat(catalog.patterns()).as("a row per file after our patterns, in the order given").extracting(CatalogEntry::id)
                .startsWith(ours.toArray(String[]::new))
                .endsWith("workload:arc-runner-dind.yaml", "workload:gitlab-annotated.yaml").hasSize(ours.size() + 2);
        assertThat(catalog.workloads()).extracting(CatalogWorkload::id)
                .containsExactly("workload:arc-runner-dind.yaml", "workload:gitlab-annotated.yaml");

        CatalogWorkload arc = catalog.workloads().get(0);
        assertThat(arc.file()).isEqualTo(ARC);
        assertThat(arc.sha256()).as("the file's content").isEqualTo(sha256(Path.of(ARC)));
        assertThat(arc.source()).startsWith("Job arc-runner-dind");
        assertThat(arc.roles()).isEqualTo("main=runner sidecar=dind(native) init=init-dind-externals");
        assertThat(arc.faults().keySet()).as("every fault, in order").containsExactlyElementsOf(WorkloadFaults.ids());
        assertThat(arc.faults().get("sigkill-main")).isEqualTo("main's process is SIGKILLed; fires 3 s after main's container"
                + " was reported running (-Dworkload.fireAfterSeconds)");
        assertThat(arc.faults().get("delayed-sidecar")).as("the freeze fires as the sidecar starts")
                .startsWith("the sidecar's cgroup is frozen for").endsWith("; fires when the sidecar is first reported running");
        assertThat(arc.faults().get("sigterm")).startsWith("the pod is deleted while main works, with Kubernetes' default grace"
                + " period (30 s); fires 3 s after");
        assertThat(arc.faults().get("sigterm-slow-main")).as("with the reason")
                .startsWith("NOT_APPLICABLE: it changes how main answers SIGTERM");
        assertThat(arc.faults().get("delete-during-init")).startsWith("NOT_APPLICABLE: not built for a user's pod yet");
        assertThat(catalog.workloads().get(1).sha256()).isEqualTo(sha256(gitlab)).isNotEqualTo(arc.sha256());

        String json = ResultsJson.toJson(run(catalog));
        assertThat(ResultsJson.fromJson(json, "test").catalog()).as("read back").isEqualTo(catalog);
        assertThat(json).contains("\"workloads\" : [", "\"sha256\" : \"" + arc.sha256() + "\"");
    }

    @Test
    void aRunWithoutOwnPodsHasOurCatalogWithoutAWorkloadsKey() throws Exception {
        Catalog ours = SuiteCatalog.of(SuiteWorkloads.none(), FaultSettings.defaults());

        assertThat(ours).isEqualTo(SuiteCatalog.of());
        assertThat(ours.fault("sigkill-sidecar")).as("a fault of users' pods alone").isEmpty();
        JsonNode catalog = ResultsJson.mapper().readTree(ResultsJson.toJson(run(ours))).get("catalog");
        assertThat(catalog.fieldNames()).toIterable().containsExactly("faults", "patterns", "sidecars", "variants");
    }
}
