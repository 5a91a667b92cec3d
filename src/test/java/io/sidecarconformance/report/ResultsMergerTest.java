package io.sidecarconformance.report;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.result;
import static org.assertj.core.api.Assertions.assertThat;

class ResultsMergerTest {

    private static final Instant MERGED_AT = Instant.parse("2025-06-01T04:05:06Z");

    private static SuiteResults cellRun(String runId, String clusterId, Instant start, Outcome outcome, String... faults) {
        return cellRun(runId, clusterId, start, Map.of("stuck window", "30s"), outcome, faults);
    }

    private static SuiteResults cellRun(String runId, String clusterId, Instant start, Map<String, String> parameters,
                                      Outcome outcome, String... faults) {
        List<ScenarioResult> results = new ArrayList<>();
        for (String fault : faults) {
            results.add(result(key(clusterId, "classic", "light", "exec", fault), outcome));
            results.add(result(key(clusterId, "native-sidecar", "dind", "exec+probe", fault), outcome));
        }
        return new SuiteResults(SuiteResults.SCHEMA, runId, start, start.plusSeconds(600), List.of(cluster(clusterId, "v" + clusterId.substring(clusterId.indexOf(':') + 1))),
                parameters, Map.of("wallSeconds", "600"), SampleRuns.CATALOG, results);
    }

    @Test
    void catalogsAreUnitedAWithoutCatalogInputAddsNothingAndADisagreementIsAWarning() {
        SuiteResults published = withCatalog(cellRun("old", "local:1.29", MERGED_AT, Outcome.SUCCEEDED, "none"), Catalog.EMPTY);
        SuiteResults current = cellRun("new", "local:1.31", MERGED_AT, Outcome.SUCCEEDED, "none");
        CatalogFault sigterm = SampleRuns.CATALOG.fault("sigterm").orElseThrow();
        Catalog reworded = new Catalog(List.of(new CatalogFault("sigterm", "reworded", sigterm.aim(), sigterm.figure()),
                new CatalogFault("a-new-fault", "new", Aim.SIDECAR, ColumnFigure.OUTCOME)), List.of(), List.of());
        SuiteResults later = withCatalog(cellRun("later", "local:1.35", MERGED_AT, Outcome.SUCCEEDED, "none"), reworded);

        ResultsMerger.Merged merged = ResultsMerger.merge(List.of(published, current, later), List.of(), MERGED_AT);

        Catalog catalog = merged.results().catalog();
        assertThat(catalog.faultIds()).as("the suite's faults in order, the later input's new one after sigterm")
                .startsWith(SampleRuns.CATALOG.faultIds().subList(0, SampleRuns.CATALOG.faultIds().indexOf("sigterm") + 1)
                        .toArray(String[]::new))
                .contains("a-new-fault").hasSize(SampleRuns.CATALOG.faults().size() + 1);
        assertThat(catalog.faultIds().indexOf("a-new-fault")).isEqualTo(catalog.faultIds().indexOf("sigterm") + 1);
        assertThat(catalog.fault("sigterm")).as("the earlier input's data stands").contains(sigterm);
        assertThat(catalog.patterns()).as("patterns and sidecars too").isEqualTo(SampleRuns.CATALOG.patterns());
        assertThat(merged.warnings()).as("the disagreement")
                .containsExactly("warning: fault sigterm is described differently in later; keeping the earlier input's");
    }

    private static SuiteResults withCatalog(SuiteResults run, Catalog catalog) {
        return new SuiteResults(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.clusters(), run.parameters(),
                run.measurements(), catalog, run.results());
    }

    @Test
    void concatenatesResultsAndMeasurementsInInputOrderAndUnitesClusters() {
        SuiteResults kind = cellRun("kind-1.31", "kind:1.31", Instant.parse("2025-06-01T02:20:00Z"), Outcome.SUCCEEDED, "none");
        SuiteResults k3s = cellRun("k3s-1.28", "k3s:1.28", Instant.parse("2025-06-01T02:18:00Z"), Outcome.STUCK, "none", "sigterm");

        ResultsMerger.Merged merged = ResultsMerger.merge(List.of(kind, k3s), List.of(), MERGED_AT);
        SuiteResults run = merged.results();

        assertThat(run.runId()).as("run id").isEqualTo("merged-20250601T040506Z");
        assertThat(run.schema()).as("schema").isEqualTo(SuiteResults.SCHEMA);
        assertThat(run.clusters()).extracting(ClusterInfo::id).as("clusters, oldest Kubernetes first")
                .containsExactly("k3s:1.28", "kind:1.31");
        assertThat(run.measurements()).as("measurements prefixed with their run id")
                .containsExactlyInAnyOrderEntriesOf(Map.of("kind-1.31/wallSeconds", "600", "k3s-1.28/wallSeconds", "600"));
        assertThat(run.results()).as("results in input order")
                .containsExactlyElementsOf(concat(kind.results(), k3s.results()));
        assertThat(run.startedAt()).as("earliest start").isEqualTo(Instant.parse("2025-06-01T02:18:00Z"));
        assertThat(run.finishedAt()).as("latest end").isEqualTo(Instant.parse("2025-06-01T02:30:00Z"));
        assertThat(run.parameters()).as("parameters both runs share, once").containsExactlyEntriesOf(Map.of("stuck window", "30s"));
        assertThat(merged.warnings()).as("warnings").isEmpty();
    }

    @Test
    void parametersThatDifferBetweenRunsAreAllKeptNamedAfterTheirRun() {
        SuiteResults kind = cellRun("kind-1.31", "kind:1.31", MERGED_AT, ordered("stuck window", "30s", "grace period", "15s"),
                Outcome.SUCCEEDED, "none");
        SuiteResults k3s = cellRun("k3s-1.28", "k3s:1.28", MERGED_AT, ordered("stuck window", "60s", "job window", "20s"),
                Outcome.STUCK, "none");

        SuiteResults run = ResultsMerger.merge(List.of(kind, k3s), List.of(), MERGED_AT).results();

        assertThat(run.parameters()).as("every value any cell was decided with").containsExactly(
                Map.entry("stuck window", "30s"), Map.entry("grace period", "15s"),
                Map.entry("stuck window [k3s-1.28]", "60s"), Map.entry("job window", "20s"));
    }

    @Test
    void theLaterInputWinsARepeatedCellWithAWarning() {
        SuiteResults first = cellRun("nightly-1", "kind:1.31", MERGED_AT, Outcome.STUCK, "none");
        SuiteResults rerun = new SuiteResults(SuiteResults.SCHEMA, "rerun-1", MERGED_AT, MERGED_AT, List.of(), Map.of(), Map.of(), SampleRuns.CATALOG,
                List.of(result(key("kind:1.31", "classic", "light", "exec", "none"), Outcome.SUCCEEDED)));

        ResultsMerger.Merged merged = ResultsMerger.merge(List.of(first, rerun), List.of(), MERGED_AT);

        assertThat(merged.results().results()).as("one record per cell").hasSize(2);
        assertThat(merged.results().results()).filteredOn(r -> r.key().pattern().equals("classic"))
                .extracting(ScenarioResult::outcome).as("the rerun's outcome").containsExactly(Outcome.SUCCEEDED);
        assertThat(merged.warnings()).as("warning").containsExactly("warning: classic / light / exec under none on kind:1.31"
                + " is in both nightly-1 and rerun-1; keeping the one from rerun-1");
    }

    @Test
    void aRunsPartsShareItsMeasurementsQuietlyAndAMeasurementThatDiffersIsAWarning() {
        SuiteResults part1 = cellRun("nightly-1", "kind:1.31", MERGED_AT, Outcome.STUCK, "none");
        SuiteResults part2 = cellRun("nightly-1", "kind:1.31", MERGED_AT, Outcome.STUCK, "sigterm");
        SuiteResults otherWall = new SuiteResults(part2.schema(), part2.runId(), part2.startedAt(), part2.finishedAt(),
                part2.clusters(), part2.parameters(), Map.of("wallSeconds", "700"), part2.catalog(), part2.results());

        ResultsMerger.Merged parts = ResultsMerger.merge(List.of(part1, part2), List.of(), MERGED_AT);
        ResultsMerger.Merged differing = ResultsMerger.merge(List.of(part1, otherWall), List.of(), MERGED_AT);

        assertThat(parts.results().results()).as("both parts' records").hasSize(4);
        assertThat(parts.results().measurements()).as("the run's measurement once").containsExactlyEntriesOf(
                Map.of("nightly-1/wallSeconds", "600"));
        assertThat(parts.warnings()).as("parts of one run: no warning").isEmpty();
        assertThat(differing.results().measurements()).as("the later value").containsExactlyEntriesOf(
                Map.of("nightly-1/wallSeconds", "700"));
        assertThat(differing.warnings()).as("a value that differs").containsExactly(
                "warning: measurement nightly-1/wallSeconds differs between inputs; keeping the later");
    }

    @Test
    void theSameRunGivenTwiceSaysSo() {
        SuiteResults run = cellRun("nightly-1", "kind:1.31", MERGED_AT, Outcome.STUCK, "none");

        ResultsMerger.Merged merged = ResultsMerger.merge(List.of(run, run), List.of(), MERGED_AT);

        assertThat(merged.results().results()).as("records").isEqualTo(run.results());
        assertThat(merged.warnings()).as("warnings").contains(
                "warning: classic / light / exec under none on kind:1.31 is twice in nightly-1; keeping the later record");
    }

    @Test
    void anExpectedClusterWithoutRecordsGetsAnErrorColumnMirroringTheOthers() {
        SuiteResults kind = cellRun("kind-1.31", "kind:1.31", MERGED_AT, Outcome.SUCCEEDED, "none", "sigterm");
        SuiteResults k3s = cellRun("k3s-1.28", "k3s:1.28", MERGED_AT, Outcome.SUCCEEDED, "none", "main-oom");

        ResultsMerger.Merged merged = ResultsMerger.merge(List.of(kind, k3s),
                List.of("kind:1.31", "kind:1.29-sidecars", "kind:1.29-sidecars"), MERGED_AT);

        List<ScenarioResult> filled = merged.results().results().stream()
                .filter(r -> r.key().cluster().equals("kind:1.29-sidecars")).toList();
        assertThat(filled).as("one ERROR cell for each row under each fault the others ran").hasSize(6)
                .allSatisfy(r -> {
                    assertThat(r.outcome()).as("outcome").isEqualTo(Outcome.ERROR);
                    assertThat(r.reason()).as("reason").isEqualTo("no results uploaded for kind:1.29-sidecars");
                });
        assertThat(filled).extracting(r -> r.key().row() + " | " + r.key().fault()).as("cells").containsExactlyInAnyOrder(
                "classic / light / exec | none", "native-sidecar / dind / exec+probe | none",
                "classic / light / exec | sigterm", "native-sidecar / dind / exec+probe | sigterm",
                "classic / light / exec | main-oom", "native-sidecar / dind / exec+probe | main-oom");
        assertThat(merged.results().clusters()).as("the missing cluster is a column")
                .contains(new ClusterInfo("kind:1.29-sidecars", "kind", "1.29-sidecars", null));
        assertThat(merged.results().results()).filteredOn(r -> r.key().cluster().equals("kind:1.31"))
                .as("an expected cluster that has records is left alone").extracting(ScenarioResult::outcome)
                .containsOnly(Outcome.SUCCEEDED).hasSize(4);
        assertThat(merged.warnings()).as("warning")
                .containsExactly("warning: no results uploaded for kind:1.29-sidecars; its column has 6 ERROR cells");
    }

    @Test
    void rowsAndFaultsANewerRunAddsAreAbsentInAnOlderRunsColumnNotErrors() {
        SuiteResults older = cellRun("local-1.29", "local:1.29", MERGED_AT, Outcome.SUCCEEDED, "none", "sigterm");
        List<ScenarioResult> newer = new ArrayList<>(cellRun("local-1.31", "local:1.31", MERGED_AT, Outcome.SUCCEEDED,
                "none", "sigterm").results());
        newer.add(result(key("local:1.31", "native-multi", "light", "exec", "sigterm-slow-main"), Outcome.FAILED_BY_FAULT));
        SuiteResults newerRun = new SuiteResults(SuiteResults.SCHEMA, "local-1.31", MERGED_AT, MERGED_AT.plusSeconds(600),
                List.of(cluster("local:1.31", "v1")), Map.of(), Map.of(), SampleRuns.CATALOG, newer);

        ResultsMerger.Merged merged = ResultsMerger.merge(List.of(older, newerRun), List.of("local:1.29", "local:1.31"), MERGED_AT);
        GridLayout grid = GridLayout.of(merged.results());
        GridLayout.Row multi = new GridLayout.Row("native-multi", "light", "exec");

        assertThat(merged.results().results()).as("no ERROR cell made up for the older run")
                .noneMatch(r -> r.outcome() == Outcome.ERROR);
        assertThat(grid.faults()).as("the new fault is a column group").contains("sigterm-slow-main");
        assertThat(grid.recordAt(multi, new GridLayout.Column("sigterm-slow-main", "local:1.31"))).as("the newer run's cell")
                .isPresent();
        assertThat(grid.recordAt(multi, new GridLayout.Column("sigterm-slow-main", "local:1.29"))).as("absent in the older run")
                .isEmpty();
        assertThat(merged.warnings()).as("warnings").isEmpty();
    }

    @Test
    void anExpectedClusterListedInAnInputButWithoutRecordsIsFilledToo() {
        SuiteResults empty = new SuiteResults(SuiteResults.SCHEMA, "kind-1.27", MERGED_AT, MERGED_AT,
                List.of(cluster("kind:1.27", null)), Map.of(), Map.of(), SampleRuns.CATALOG, List.of());
        SuiteResults kind = cellRun("kind-1.31", "kind:1.31", MERGED_AT, Outcome.SUCCEEDED, "none");

        SuiteResults run = ResultsMerger.merge(List.of(empty, kind), List.of("kind:1.27"), MERGED_AT).results();

        assertThat(run.results()).extracting(ScenarioResult::key).extracting(ScenarioKey::cluster)
                .as("clusters of records").containsOnly("kind:1.31", "kind:1.27").hasSize(4);
        assertThat(run.clusters()).extracting(ClusterInfo::id).as("clusters").containsExactly("kind:1.27", "kind:1.31");
    }

    @Test
    void everyRunOfACellIsKeptAndTheSameRunInTwoInputsIsReplacedWithAWarning() {
        ScenarioKey cell = key("local:1.31", "classic", "light", "exec", "none");
        SuiteResults first = new SuiteResults(SuiteResults.SCHEMA, "repeat-a", MERGED_AT, MERGED_AT, List.of(cluster("local:1.31", "v1")),
                Map.of(), Map.of(), SampleRuns.CATALOG, List.of(result(cell, Outcome.SUCCEEDED).asRun(1, List.of(), null),
                result(cell, Outcome.STUCK).asRun(2, List.of(), null)));
        SuiteResults second = new SuiteResults(SuiteResults.SCHEMA, "repeat-b", MERGED_AT, MERGED_AT, List.of(cluster("local:1.29", "v1")),
                Map.of(), Map.of(), SampleRuns.CATALOG, List.of(result(cell, Outcome.SUCCEEDED).asRun(2, List.of(), null),
                result(cell, Outcome.FAILED).asRun(3, List.of(), null),
                result(key("local:1.29", "classic", "light", "exec", "none"), Outcome.SUCCEEDED)));

        ResultsMerger.Merged merged = ResultsMerger.merge(List.of(first, second), List.of("local:1.29", "local:1.31"), MERGED_AT);
        CellRuns runs = GridLayout.of(merged.results()).cellAt(new GridLayout.Row("classic", "light", "exec"),
                new GridLayout.Column("none", "local:1.31")).orElseThrow();

        assertThat(runs.runs()).extracting(ScenarioResult::repeat).as("runs 1 to 3, each once").containsExactly(1, 2, 3);
        assertThat(runs.distribution()).as("run 2 from the later input").isEqualTo("2 of 3: SUCCEEDED, 1 of 3: FAILED");
        assertThat(merged.warnings()).as("warning names the run").containsExactly(
                "warning: classic / light / exec under none on local:1.31 run 2 is in both repeat-a and repeat-b;"
                        + " keeping the one from repeat-b");
        assertThat(merged.results().results()).as("no ERROR made up").noneMatch(r -> r.outcome() == Outcome.ERROR);
    }

    @Test
    void columnsComeOldestKubernetesFirstWhateverTheInputOrder() {
        Map<String, String> versions = ordered("local:1.33", "v1.33.13", "local:1.35-stopsignals", "v1.35.8",
                "local:1.33.5", "v1.33.5", "kind:1.31", "v1.31.14", "local:1.35", "v1.35.8", "local:1.31", "v1.31.4",
                "local:1.28-sidecars", "v1.28.15");
        List<SuiteResults> inputs = new ArrayList<>();
        versions.forEach((id, version) -> {
            SuiteResults one = cellRun(id, id, Instant.parse("2025-06-01T02:20:00Z"), Outcome.SUCCEEDED, "none");
            inputs.add(new SuiteResults(one.schema(), one.runId(), one.startedAt(), one.finishedAt(),
                    List.of(SampleRuns.cluster(id, version)), one.parameters(), one.measurements(), one.catalog(), one.results()));
        });

        assertThat(ResultsMerger.merge(inputs, List.of(), MERGED_AT).results().clusters()).extracting(ClusterInfo::id)
                .as("by the API server's version (v1.33.5 before v1.33.13), then id (a gate after its base)")
                .containsExactly("local:1.28-sidecars", "local:1.31", "kind:1.31", "local:1.33.5", "local:1.33",
                        "local:1.35", "local:1.35-stopsignals");
        assertThat(ResultsMerger.versionNumbers("v1.35.8+k3s1")).containsExactly(1, 35, 8);
        assertThat(ResultsMerger.versionNumbers("1.28-sidecars")).containsExactly(1, 28);
        assertThat(ResultsMerger.versionNumbers(null)).isEmpty();
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static List<ScenarioResult> concat(List<ScenarioResult> a, List<ScenarioResult> b) {
        List<ScenarioResult> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
