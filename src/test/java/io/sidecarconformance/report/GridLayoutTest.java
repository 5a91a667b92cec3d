package io.sidecarconformance.report;

import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.sidecarconformance.report.SampleRuns.cluster;
import static io.sidecarconformance.report.SampleRuns.key;
import static io.sidecarconformance.report.SampleRuns.result;
import static io.sidecarconformance.report.SampleRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

class GridLayoutTest {

    @Test
    void knownFaultsFirstInTheirOrderThenOthersAlphabetically() {
        assertThat(GridLayout.orderFaults(SampleRuns.CATALOG.faultIds(), Set.of("sigkill-main", "b-other", "none", "a-other", "main-oom")))
                .as("fault order").containsExactly("none", "main-oom", "sigkill-main", "a-other", "b-other");
    }

    @Test
    void faultColumnsFollowTheRunsCatalogAndWithoutOneAreAlphabetical() {
        List<ScenarioResult> results = List.of(result(key("c:1", "p", "s", "v", "none"), Outcome.SUCCEEDED),
                result(key("c:1", "p", "s", "v", "zeta"), Outcome.SUCCEEDED),
                result(key("c:1", "p", "s", "v", "alpha"), Outcome.SUCCEEDED));
        Catalog zetaFirst = new Catalog(List.of(new CatalogFault("zeta", "", Aim.SIDECAR, ColumnFigure.OUTCOME),
                new CatalogFault("none", "", Aim.NONE, ColumnFigure.OUTCOME)), List.of(), List.of());
        SuiteResults run = run("r", List.of(), results);

        assertThat(GridLayout.of(withCatalog(run, zetaFirst)).faults()).as("the catalog's order, then the rest")
                .containsExactly("zeta", "none", "alpha");
        assertThat(GridLayout.of(withCatalog(run, Catalog.EMPTY)).faults()).as("a file without a catalog")
                .containsExactly("alpha", "none", "zeta");
    }

    private static SuiteResults withCatalog(SuiteResults run, Catalog catalog) {
        return new SuiteResults(run.schema(), run.runId(), run.startedAt(), run.finishedAt(), run.clusters(), run.parameters(),
                run.measurements(), catalog, run.results());
    }

    @Test
    void columnsAreFaultMajorOverEveryCluster() {
        GridLayout grid = GridLayout.of(run("r", List.of(cluster("kind:1.31", "v"), cluster("k3s:1.28", "v")), List.of(
                result(key("kind:1.31", "p", "s", "v", "sigterm"), Outcome.SUCCEEDED),
                result(key("k3s:1.28", "p", "s", "v", "none"), Outcome.SUCCEEDED))));

        assertThat(grid.columns()).as("fault x cluster").containsExactly(
                new GridLayout.Column("none", "kind:1.31"), new GridLayout.Column("none", "k3s:1.28"),
                new GridLayout.Column("sigterm", "kind:1.31"), new GridLayout.Column("sigterm", "k3s:1.28"));
        assertThat(grid.recordAt(grid.rows().get(0), grid.columns().get(1))).as("record under none on k3s").contains(1);
        assertThat(grid.recordAt(grid.rows().get(0), grid.columns().get(0))).as("nothing ran under none on kind").isEmpty();
    }

    @Test
    void aClusterListedButWithoutRecordsStillGetsItsColumns() {
        GridLayout grid = GridLayout.of(run("r", List.of(cluster("kind:1.27", null), cluster("kind:1.31", "v")),
                List.of(result(key("kind:1.31", "p", "s", "v", "none"), Outcome.SUCCEEDED))));

        assertThat(grid.clusters()).as("clusters").containsExactly("kind:1.27", "kind:1.31");
    }

    @Test
    void aRepeatedCellShowsTheLaterRecord() {
        GridLayout grid = GridLayout.of(run("r", List.of(), List.of(
                result(key("c:1", "p", "s", "v", "none"), Outcome.STUCK),
                result(key("c:1", "p", "s", "v", "none"), Outcome.SUCCEEDED))));

        assertThat(grid.filledCells()).as("filled cells").isEqualTo(1);
        assertThat(grid.recordAt(grid.rows().get(0), grid.columns().get(0))).as("the later record").contains(1);
    }
}
