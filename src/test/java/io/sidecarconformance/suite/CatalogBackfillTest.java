package io.sidecarconformance.suite;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogBackfillTest {

    /** A results.json as the suite wrote it before the catalog: the same file, without that section. */
    private static String withoutCatalog() {
        ScenarioKey key = new ScenarioKey("local:1.31", "native", "light", "exec+probe", "sigterm");
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "run-1", Instant.EPOCH, Instant.EPOCH.plusSeconds(60),
                List.of(new ClusterInfo("local:1.31", "local", "1.31", "v1.31.4")), Map.of("stuck window", "30 s"), Map.of(),
                Catalog.EMPTY, List.of(new ScenarioResult(key, Outcome.FAILED_BY_FAULT, "deleted", List.of(), Figures.none(),
                List.of(), Instant.EPOCH, "")));
        String json = ResultsJson.toJson(run);
        String empty = "  \"catalog\" : {\n    \"faults\" : [ ],\n    \"patterns\" : [ ],\n    \"sidecars\" : [ ]\n  },\n";
        assertThat(json).as("the fixture holds an empty catalog to remove").contains(empty);
        return json.replace(empty, "");
    }

    @Test
    void addsOnlyTheCatalogSectionAsTheSuiteWritesIt(@TempDir Path dir) throws IOException {
        String old = withoutCatalog();
        Path file = dir.resolve("results.json");
        Files.writeString(file, old);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = CatalogBackfill.run(new String[]{file.toString()}, new PrintStream(out), System.err);

        String backfilled = Files.readString(file);
        assertThat(code).as("exit code").isZero();
        assertThat(ResultsJson.read(file).catalog()).as("read back").isEqualTo(SuiteCatalog.of());
        String added = backfilled.substring(backfilled.indexOf("  \"catalog\""), backfilled.indexOf("  \"results\""));
        assertThat(backfilled.replace(added, "")).as("every other byte unchanged").isEqualTo(old);
        SuiteResults fresh = ResultsJson.read(file);
        assertThat(ResultsJson.toJson(fresh)).as("the lines a run writes").contains(added);
        assertThat(out.toString()).contains("catalog added");
    }

    @Test
    void aFileWithACatalogIsLeftAlone() throws IOException {
        String once = CatalogBackfill.backfill(withoutCatalog(), SuiteCatalog.of(), "t");

        assertThat(CatalogBackfill.backfill(once, Catalog.EMPTY, "t")).isEqualTo(once);
    }

    @Test
    void aCatalogWithoutVariantPartsGainsOnlyThose() throws IOException {
        Catalog suite = SuiteCatalog.of();
        Catalog older = new Catalog(suite.faults(), suite.patterns(), suite.sidecars());
        String once = CatalogBackfill.backfill(withoutCatalog(), older, "t");
        String withoutParts = once;
        assertThat(withoutParts).as("the fixture: a catalog the suite wrote before variant parts").doesNotContain("\"variants\"");

        String backfilled = CatalogBackfill.backfill(withoutParts, suite, "t");

        assertThat(ResultsJson.fromJson(backfilled, "t").catalog()).as("read back: the suite's catalog").isEqualTo(suite);
        assertThat(ResultsJson.toJson(ResultsJson.fromJson(backfilled, "t"))).as("as a run writes it").isEqualTo(backfilled);
        assertThat(CatalogBackfill.backfill(backfilled, suite, "t")).as("done once").isEqualTo(backfilled);
    }
}
