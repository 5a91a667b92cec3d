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
}
