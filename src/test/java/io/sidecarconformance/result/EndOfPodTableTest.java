package io.sidecarconformance.result;

import io.sidecarconformance.result.EndOfPod.State;
import io.sidecarconformance.timeline.EventKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The "endOfPod" section: per column, each cell of the normal ends with what each run's pod ended as. */
class EndOfPodTableTest {

    private static final Instant START = Instant.parse("2026-12-02T04:00:00Z");

    private static ScenarioResult run(ScenarioKey key, int repeat, Outcome outcome, EndOfPodTest.Events events) {
        return new ScenarioResult(key, outcome, "", List.of(), Figures.none(), events.list, START, "", repeat, List.of(), null);
    }

    @Test
    void thePublished135ColumnHasARowPerNoneAndSigtermCellAndEveryNativeSidecarEndsWith143InASucceededPod()
            throws Exception {
        SuiteResults file = ResultsJson.read(Path.of("reports/2026-12-02-local/1.35/results.json"));

        EndOfPodTable table = EndOfPodTable.of(file.results());

        Map<ScenarioKey, Long> expected = file.results().stream()
                .filter(r -> Set.of("none", "sigterm").contains(r.key().fault()) && r.outcome() != Outcome.ERROR)
                .collect(Collectors.groupingBy(ScenarioResult::key, Collectors.counting()));
        assertThat(table.columns()).extracting(EndOfPodTable.Column::cluster).containsExactly("local:1.35");
        List<EndOfPodTable.Row> rows = table.columns().get(0).rows();
        assertThat(rows).extracting(r -> r.key("local:1.35")).as("one row per none and sigterm cell of the file")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(rows).allSatisfy(r -> assertThat((long) r.runs()).isEqualTo(expected.get(r.key("local:1.35"))));
        List<String> underNone = rows.stream().filter(r -> r.fault().equals("none")).map(r -> r.pattern() + " / " + r.sidecar())
                .distinct().sorted().toList();
        assertThat(underNone).as("the pattern / sidecar rows none implies")
                .containsExactly("classic / dind", "classic / light", "done-file / dind", "done-file / light",
                        "done-file-rules / light", "ephemeral / dind", "ephemeral / light", "native / dind", "native / light",
                        "native-multi / light", "native-multi-prestop / light", "native-restart-all / light",
                        "native-rules / light", "pidfile / dind", "pidfile / light");

        List<EndOfPodTable.Row> nativeUnderNone = rows.stream()
                .filter(r -> r.pattern().startsWith("native") && r.fault().equals("none") && r.observed().stream()
                        .anyMatch(o -> "Succeeded".equals(o.endOfPod().podPhase())))
                .toList();
        assertThat(nativeUnderNone).as("native, native-multi(-prestop), native-rules; native-restart-all was rejected on 1.35")
                .extracting(r -> r.pattern() + " / " + r.sidecar() + " / " + r.variant()).containsExactly(
                        "native / dind / exec", "native / dind / exec+probe", "native / light / exec", "native / light / exec+probe",
                        "native-multi / light / exec", "native-multi-prestop / light / exec", "native-rules / light / exec");
        assertThat(nativeUnderNone).allSatisfy(row -> {
            assertThat(row.agree()).as("%s: all runs ended alike", row.key("local:1.35")).isTrue();
            EndOfPod end = row.observed().get(0).endOfPod();
            assertThat(end.containers().get("main").exitCode()).isZero();
            end.containers().entrySet().stream().filter(c -> c.getKey().startsWith("sidecar")).forEach(c -> {
                assertThat(c.getValue().exitCode()).as("%s %s", row.key("local:1.35"), c.getKey()).isEqualTo(143);
                assertThat(c.getValue().reason()).isEqualTo("Error");
                assertThat(c.getValue().signal()).isEqualTo("SIGTERM");
            });
        });
    }

    @Test
    void thePartial135ReportOf2026_12_06HoldsNoNormalEndAtAll() throws Exception {
        // It re-ran sidecar-oom, kubelet-restart and sigterm-slow-main only: no none or sigterm cell, so no column.
        SuiteResults file = ResultsJson.read(Path.of("reports/2026-12-06-local/1.35/results.json"));

        assertThat(EndOfPodTable.of(file.results()).columns()).isEmpty();
    }

    @Test
    void disagreeingRepeatsAreEachKeptWithTheirRunsAndAnErrorRunIsLeftOut() {
        ScenarioKey key = new ScenarioKey("local:1.31", "native", "light", "exec", "none");
        EndOfPodTest.Events stillRunning = new EndOfPodTest.Events()
                .at(1.0, "sidecar", EventKind.RUNNING, "startedAt=2026-12-02T04:00:01Z")
                .at(2.0, "pod", EventKind.PHASE, "Running");
        List<ScenarioResult> runs = List.of(
                run(key, 2, Outcome.STUCK, stillRunning),
                run(key, 1, Outcome.SUCCEEDED, EndOfPodTest.nativeSidecarStoppedAfterMain()),
                run(key, 3, Outcome.SUCCEEDED, EndOfPodTest.nativeSidecarStoppedAfterMain()),
                run(key, 4, Outcome.ERROR, new EndOfPodTest.Events()),
                run(new ScenarioKey("local:1.31", "native", "light", "exec", "sidecar-oom"), 1, Outcome.SUCCEEDED,
                        EndOfPodTest.nativeSidecarStoppedAfterMain()));

        EndOfPodTable table = EndOfPodTable.of(runs);

        assertThat(table.columns()).hasSize(1);
        EndOfPodTable.Row row = table.columns().get(0).rows().get(0);
        assertThat(table.columns().get(0).rows()).as("only the normal ends' faults").hasSize(1);
        assertThat(row.runs()).as("the ERROR run says nothing of the pod").isEqualTo(3);
        assertThat(row.agree()).isFalse();
        assertThat(row.observed()).extracting(EndOfPodTable.Observed::repeats).containsExactly(List.of(1, 3), List.of(2));
        assertThat(row.observed().get(1).endOfPod().containers().get("sidecar").state()).isEqualTo(State.RUNNING);
        assertThat(table.byRun().get(key)).containsOnlyKeys(1, 2, 3);
    }

    @Test
    void theSectionIsWrittenIntoResultsJsonAndReadsBackAsTheSameTable() throws Exception {
        ScenarioKey key = new ScenarioKey("local:1.31", "native", "light", "exec", "none");
        SuiteResults run = new SuiteResults(SuiteResults.SCHEMA, "r", START, START, List.of(), Map.of(), Map.of(),
                List.of(run(key, 1, Outcome.SUCCEEDED, EndOfPodTest.nativeSidecarStoppedAfterMain())));
        String text = ResultsJson.toJson(run);

        assertThat(ResultsJson.endOfPod(text, "results.json")).contains(EndOfPodTable.of(run.results()));
        assertThat(ResultsJson.mapper().readTree(text).at("/endOfPod/columns/0/rows/0/observed/0/endOfPod/containers/sidecar")
                .toString()).isEqualTo("{\"state\":\"TERMINATED\",\"waiting\":null,\"exitCode\":143,\"reason\":\"Error\","
                        + "\"signal\":\"SIGTERM\",\"ready\":false,\"restarts\":0}");
        assertThat(ResultsJson.fromJson(text, "results.json")).as("derived: not read back into the run").isEqualTo(
                ResultsJson.fromJson(text.replace("\"endOfPod\"", "\"ignored\""), "results.json"));
        assertThat(ResultsJson.endOfPod("{\"schema\":3}", "old.json")).as("a file written before it").isEmpty();
    }
}
