package io.sidecarconformance.result;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {

    private static CatalogFault fault(String id, Aim aim) {
        return new CatalogFault(id, id + " happens", aim, ColumnFigure.OUTCOME);
    }

    private static Catalog faults(CatalogFault... faults) {
        return new Catalog(List.of(faults), List.of(), List.of());
    }

    @Test
    void aUnionKeepsEachEntryInItsPlaceAndTheFirstCatalogsData() {
        Catalog older = faults(fault("none", Aim.NONE), fault("main-oom", Aim.MAIN), fault("sigterm", Aim.POD));
        CatalogFault reworded = new CatalogFault("sigterm", "reworded", Aim.POD, ColumnFigure.TERMINATION);
        Catalog newer = faults(fault("none", Aim.NONE), fault("sidecar-oom", Aim.SIDECAR), fault("main-oom", Aim.MAIN),
                reworded, fault("kubelet-restart", Aim.NODE));

        Catalog united = older.union(newer);

        assertThat(united.faultIds()).as("a newer fault sits after the one it follows there")
                .containsExactly("none", "sidecar-oom", "main-oom", "sigterm", "kubelet-restart");
        assertThat(united.fault("sigterm").orElseThrow().label()).as("the first catalog's data stands").isEqualTo("sigterm happens");
        assertThat(older.disagreements(newer)).as("what the merge warns of").containsExactly("fault sigterm");
        assertThat(Catalog.EMPTY.union(newer)).as("an empty catalog adds nothing").isEqualTo(newer);
        assertThat(newer.union(Catalog.EMPTY)).isEqualTo(newer);
    }

    @Test
    void faultsAimedAtMainAreMainsThenThePodsEachInReadingOrder() {
        Catalog catalog = faults(fault("none", Aim.NONE), fault("sigterm", Aim.POD), fault("main-oom", Aim.MAIN),
                fault("sidecar-oom", Aim.SIDECAR), fault("sigkill-main", Aim.MAIN), fault("kubelet-restart", Aim.NODE));

        assertThat(catalog.faultsFailingMain()).containsExactly("main-oom", "sigkill-main", "sigterm");
        assertThat(Catalog.EMPTY.faultsFailingMain()).isEmpty();
    }

    @Test
    void resultsJsonCarriesTheCatalogAndAFileWithoutOneReadsEmpty() throws ResultsFileException {
        Catalog catalog = new Catalog(List.of(new CatalogFault("sigterm", "the pod is deleted", Aim.POD, ColumnFigure.TERMINATION)),
                List.of(new CatalogEntry("native", "a native sidecar")), List.of(new CatalogEntry("light", "busybox")));
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "run-1", Instant.EPOCH, Instant.EPOCH, List.of(), Map.of(), Map.of(),
                catalog, List.of());

        String json = ResultsJson.toJson(run);
        SuiteResults back = ResultsJson.fromJson(json, "test");
        SuiteResults older = ResultsJson.fromJson(json.replaceFirst("(?s)\"catalog\" : \\{.*?\\n  },\\n", ""), "older");

        assertThat(back.catalog()).as("read back").isEqualTo(catalog);
        assertThat(json).as("written").contains("\"aim\" : \"POD\"", "\"figure\" : \"TERMINATION\"");
        assertThat(older.catalog()).as("a file written before the catalog").isEqualTo(Catalog.EMPTY);
    }

    @Test
    void aCatalogWithoutWorkloadsIsWrittenAsBeforeThem() throws Exception {
        // Written before users' own pods had rows: its catalog is faults, patterns and sidecars alone.
        java.nio.file.Path published = java.nio.file.Path.of("reports", "2026-12-06-refactor-check", "after", "results.json");
        com.fasterxml.jackson.databind.JsonNode before = ResultsJson.mapper().readTree(published.toFile()).get("catalog");
        SuiteResults run = ResultsJson.read(published);

        com.fasterxml.jackson.databind.JsonNode written = ResultsJson.mapper().readTree(ResultsJson.toJson(run)).get("catalog");

        assertThat(run.catalog().workloads()).isEmpty();
        assertThat(written).as("written again: the same catalog, no \"workloads\" key").isEqualTo(before);
        assertThat(written.has("workloads")).isFalse();
    }

    @Test
    void aWorkloadJoinsTheCatalogAsARowAndItsFile() throws ResultsFileException {
        CatalogEntry row = new CatalogEntry("workload:arc.yaml", "your own pod from arc.yaml");
        CatalogWorkload arc = new CatalogWorkload("workload:arc.yaml", "examples/arc.yaml", "ab12", "Job arc (line 17)",
                "main=runner sidecar=dind(native)", Map.of("none", "applies", "sigterm-slow-main", "NOT_APPLICABLE: why"));
        Catalog base = new Catalog(List.of(fault("none", Aim.NONE)), List.of(new CatalogEntry("native", "n")), List.of());

        Catalog with = base.withWorkload(row, arc);

        assertThat(with.patterns()).containsExactly(new CatalogEntry("native", "n"), row);
        assertThat(with.workloads()).containsExactly(arc);
        assertThat(with.withWorkload(row, arc)).as("the same file twice: once").isEqualTo(with);
        assertThat(base.disagreements(with.union(base))).isEmpty();
        CatalogWorkload changed = new CatalogWorkload("workload:arc.yaml", "examples/arc.yaml", "cd34", "Job arc (line 17)",
                "main=runner sidecar=dind(native)", Map.of());
        assertThat(with.disagreements(base.withWorkload(row, changed))).as("another content under the same row")
                .containsExactly("workload workload:arc.yaml");
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "run-1", Instant.EPOCH, Instant.EPOCH, List.of(), Map.of(),
                Map.of(), with, List.of());
        assertThat(ResultsJson.fromJson(ResultsJson.toJson(run), "test").catalog()).as("read back").isEqualTo(with);
    }
}
