package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The check decides a stored cell again from its file alone, and names every difference. */
class RecomputeCheckTest {

    private static final ScenarioKey KEY = new ScenarioKey("local:1.31", "native", "light", "exec+tolerant", "sidecar-oom");

    /** A cell as the suite stores it: decided by the rules, with its observation. */
    private static ScenarioResult stored(Obs obs) {
        Observation o = obs.build();
        Decision d = VerdictRules.decide(o);
        return new ScenarioResult(KEY, d.outcome(), d.reason(), d.findings(), d.figures().withVerdictDelay(0.2),
                o.timeline().events(), Obs.T0, "", 1, List.of(), null, o.record());
    }

    private static SuiteResults fileOf(ScenarioResult... results) {
        return new SuiteResults(SuiteResults.SCHEMA, "run-1", Obs.T0, Obs.T0.plusSeconds(60), List.of(), Map.of(), Map.of(),
                Catalog.EMPTY, List.of(results));
    }

    /** A file written and read back: what the check sees is what results.json holds. */
    private static SuiteResults roundTrip(SuiteResults run) throws Exception {
        return ResultsJson.fromJson(ResultsJson.toJson(run), "results.json");
    }

    private static List<Obs> fixtures() {
        List<Obs> all = new ArrayList<>(List.of(Obs.clean(), Obs.sidecarKeepsPodAlive(),
                Obs.sidecarRestartedUnderMain().ending(Ending.Kind.POD_NOT_ENDED, "x", 40)));
        Obs deleted = Obs.clean();
        deleted.deleteAt = 3.0;
        deleted.grace = 15L;
        deleted.at(3.0, "suite", EventKind.ACTION, "delete pod").at(3.2, "main", EventKind.STEP, "Terminating on SIGTERM")
                .at(3.3, "sidecar", EventKind.STEP, "Terminating on SIGTERM: stopping its service")
                .at(8.0, "pod", EventKind.DELETED, "");
        all.add(deleted);
        all.addAll(List.of(Obs.slowMainDrain(true), Obs.slowMainDrain(false), Obs.evictionRefused(),
                Obs.stopSignal(true, true), Obs.stopSignal(false, true), Obs.readyThroughGrace(true),
                Obs.readyThroughGrace(false)));
        return all;
    }

    @Test
    void everyFixtureDecidedAgainFromItsStoredFileAgrees() throws Exception {
        for (Obs fixture : fixtures()) {
            SuiteResults file = roundTrip(fileOf(stored(fixture)));
            RecomputeCheck.Report report = RecomputeCheck.check("results.json", file);
            assertThat(report.checked()).isEqualTo(1);
            assertThat(report.disagreements()).as("fixture decided as %s", file.results().get(0).reason()).isEmpty();
        }
    }

    @Test
    void aFigureThatDisagreesWithItsTimelineIsNamedInOneLine() throws Exception {
        ScenarioResult good = stored(Obs.clean());
        Figures f = good.figures();
        Figures tampered = new Figures(f.completionSeconds(), 99.0, f.terminationSeconds(), f.gracePeriodSeconds(),
                f.verdictDelaySeconds(), f.podPhase(), f.jobCondition(), f.jobAfterPodSeconds(), f.sidecarRestarts(),
                f.sidecarDownSeconds(), f.mainStartedBeforeReadySeconds(), f.termAfterDeletionSeconds(), f.restarts(),
                f.exitCodes(), f.reasons(), f.exitAfterDeletionSeconds(), f.mainStartedAfterSidecarRestartSeconds(),
                f.oomScoreAdj(), f.readyAfterDeletion());
        ScenarioResult bad = new ScenarioResult(KEY, good.outcome(), good.reason(), good.findings(), tampered,
                good.timeline(), good.startedAt(), "", 1, List.of(), null, good.observation());

        RecomputeCheck.Report report = RecomputeCheck.check("r.json", roundTrip(fileOf(bad)));

        assertThat(report.disagreements()).hasSize(1);
        assertThat(report.disagreements().get(0).line())
                .startsWith("r.json: local:1.31 | native | light | exec+tolerant | sidecar-oom run 1: figures stored ")
                .contains("sidecarOutlivedMainSeconds=99.0", "sidecarOutlivedMainSeconds=1.1")
                .doesNotContain("\n");
    }

    @Test
    void aReadyFigureThatDisagreesWithItsTimelineIsNamed() throws Exception {
        ScenarioResult good = stored(Obs.readyThroughGrace(true));
        Figures f = good.figures();
        assertThat(f.readyAfterDeletion()).as("the stored figure").containsKeys("main", "sidecar", "pod");
        java.util.Map<String, io.sidecarconformance.result.ReadyAfterDeletion> claimed = new java.util.HashMap<>(f.readyAfterDeletion());
        claimed.put("main", new io.sidecarconformance.result.ReadyAfterDeletion(true, null, 4.1));
        Figures tampered = new Figures(f.completionSeconds(), f.sidecarOutlivedMainSeconds(), f.terminationSeconds(),
                f.gracePeriodSeconds(), f.verdictDelaySeconds(), f.podPhase(), f.jobCondition(), f.jobAfterPodSeconds(),
                f.sidecarRestarts(), f.sidecarDownSeconds(), f.mainStartedBeforeReadySeconds(), f.termAfterDeletionSeconds(),
                f.restarts(), f.exitCodes(), f.reasons(), f.exitAfterDeletionSeconds(),
                f.mainStartedAfterSidecarRestartSeconds(), f.oomScoreAdj(), claimed);
        ScenarioResult bad = new ScenarioResult(KEY, good.outcome(), good.reason(), good.findings(), tampered,
                good.timeline(), good.startedAt(), "", 1, List.of(), null, good.observation());

        RecomputeCheck.Report report = RecomputeCheck.check("r.json", roundTrip(fileOf(bad)));

        assertThat(report.disagreements()).as("a main claimed Ready through the grace period, its timeline says not")
                .hasSize(1);
        assertThat(report.disagreements().get(0).line()).contains("figures stored ")
                .contains("main=ReadyAfterDeletion[readyAtDeletion=true, unreadySeconds=null, endedSeconds=4.1]")
                .contains("main=ReadyAfterDeletion[readyAtDeletion=true, unreadySeconds=1.1, endedSeconds=4.1]");
    }

    @Test
    void theCommandExitsOneOnADisagreementAndCountsRecordsItCannotCheck(@TempDir Path dir) throws Exception {
        ScenarioResult good = stored(Obs.clean());
        ScenarioResult wrongOutcome = new ScenarioResult(KEY, io.sidecarconformance.result.Outcome.FAILED, good.reason(),
                good.findings(), good.figures(), good.timeline(), good.startedAt(), "", 2, List.of(), null, good.observation());
        ScenarioResult old = ScenarioResult.error(KEY, "written before observations were stored", Obs.T0);
        Path ok = dir.resolve("ok.json");
        Path bad = dir.resolve("bad.json");
        ResultsJson.write(fileOf(good, old), ok);
        ResultsJson.write(fileOf(wrongOutcome), bad);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(RecomputeCheck.run(new String[] {ok.toString()}, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 records decided again, 0 disagreements, 1 not checkable");
        assertThat(RecomputeCheck.run(new String[] {bad.toString()}, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run 2: outcome stored FAILED, recomputed SUCCEEDED");
        assertThat(RecomputeCheck.run(new String[] {dir.resolve("none.json").toString()}, new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n").contains("does not exist");
    }

    @Test
    void writeDecidesEveryCheckableRecordAgainAndTheFileThenAgrees(@TempDir Path dir) throws Exception {
        ScenarioResult good = stored(Obs.clean());
        ScenarioResult stale = new ScenarioResult(KEY, io.sidecarconformance.result.Outcome.FAILED, "an older rule's reason",
                List.of(), good.figures(), good.timeline(), good.startedAt(), "a note", 1, List.of(), 0.5, good.observation());
        Path file = dir.resolve("results.json");
        ResultsJson.write(fileOf(stale), file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(RecomputeCheck.run(new String[] {"--write", file.toString()}, new PrintStream(out), System.err)).isZero();
        SuiteResults written = ResultsJson.read(file);
        ScenarioResult again = written.results().get(0);
        assertThat(again.outcome()).isEqualTo(good.outcome());
        assertThat(again.reason()).isEqualTo(good.reason());
        assertThat(again.note()).as("the note stays").isEqualTo("a note");
        assertThat(again.runnerLoad()).as("what the run recorded stays").isEqualTo(0.5);
        assertThat(written.measurements()).containsKey(
                "records decided again from their stored timelines and observations (RecomputeCheck --write)");
        assertThat(RecomputeCheck.check("results.json", written).disagreements()).isEmpty();
    }

    @Test
    void theEndOfPodSectionIsReadAgainFromTheTimelinesAndARunThatDisagreesIsNamed(@TempDir Path dir) throws Exception {
        ScenarioKey none = new ScenarioKey("local:1.31", "done-file", "light", "exec", "none");
        ScenarioResult good = stored(Obs.clean());
        ScenarioResult baseline = new ScenarioResult(none, good.outcome(), good.reason(), good.findings(), good.figures(),
                good.timeline(), good.startedAt(), "", 1, List.of(), null, good.observation());
        SuiteResults file = fileOf(baseline);
        String text = ResultsJson.toJson(file);
        assertThat(RecomputeCheck.checkEndOfPod("results.json", file, ResultsJson.endOfPod(text, "results.json")))
                .as("as written").isEmpty();

        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                ResultsJson.mapper().readTree(text);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/endOfPod/columns/0/rows/0/observed/0/endOfPod/containers/sidecar"))
                .put("exitCode", 143);
        Path tampered = dir.resolve("results.json");
        java.nio.file.Files.writeString(tampered, ResultsJson.mapper().writeValueAsString(tree));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(RecomputeCheck.run(new String[] {tampered.toString()}, new PrintStream(out), System.err)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(tampered + ": local:1.31 | done-file | light | exec | none run 1: endOfPod stored ")
                .contains("exitCode=143", "exitCode=0")
                .contains("1 records decided again, 1 disagreements");
    }

    @Test
    void aPublishedFileWrittenBeforeTheSectionSaysSoAndItsRecordsStillAgree() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThat(RecomputeCheck.run(new String[] {"reports/2026-12-06-local/1.29/results.json"}, new PrintStream(out),
                System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("42 records decided again, 0 disagreements"
                + "; no endOfPod section (written before it existed)");
    }

    @Test
    void aStuckRecordWhoseDeadlinePassedIsATimeoutTodayAndTheCommandCountsIt(@TempDir Path dir) throws Exception {
        Obs deadline = new Obs().at(1.0, "sidecar", EventKind.STARTING, "pid=1").at(1.5, "sidecar", EventKind.READY, "")
                .at(2.0, "main", EventKind.STARTING, "pid=1")
                .ending(Ending.Kind.DEADLINE, "the scenario's deadline of 300s passed", 300.0);
        ScenarioResult today = stored(deadline);
        ScenarioResult before = new ScenarioResult(KEY, io.sidecarconformance.result.Outcome.STUCK, today.reason(),
                today.findings(), today.figures(), today.timeline(), today.startedAt(), "", 1, List.of(), null,
                today.observation());
        Path file = dir.resolve("results.json");
        ResultsJson.write(fileOf(before, stored(Obs.clean())), file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        RecomputeCheck.Report report = RecomputeCheck.check("results.json", ResultsJson.read(file));

        assertThat(today.outcome()).isEqualTo(io.sidecarconformance.result.Outcome.TIMEOUT);
        assertThat(report.disagreements()).as("only the outcome changes: the reason is the same words")
                .extracting(RecomputeCheck.Disagreement::what).containsExactly("outcome");
        assertThat(report.outcomeChanges()).containsExactly(Map.entry("STUCK -> TIMEOUT", 1L));
        assertThat(RecomputeCheck.run(new String[] {file.toString()}, new PrintStream(out), System.err)).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("run 1: outcome stored STUCK, recomputed TIMEOUT")
                .contains("2 records decided again, 1 disagreements (outcomes: STUCK -> TIMEOUT 1)");
    }
}
