package io.sidecarconformance.report;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.ScenarioResult;

import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellNotesTest {

    @TempDir
    Path dir;

    private static ScenarioResult cell(String cluster, String pattern, String fault) {
        return new ScenarioResult(new ScenarioKey(cluster, pattern, "light", "exec", fault), Outcome.STUCK, "r",
                List.of(new Finding(FindingKind.RACE_AT_START, "main waited")), null, List.of(), Instant.EPOCH, "");
    }

    /** Run {@code n} of a sigterm cell whose main exited with {@code mainExit}. */
    private static ScenarioResult run(String cluster, int n, int mainExit) {
        Figures figures = new Figures(null, null, 1.0, 15L, null, "Failed", null, null, 0, null, null, Map.of(), Map.of(),
                Map.of("main", mainExit), Map.of());
        return new ScenarioResult(new ScenarioKey(cluster, "pidfile", "light", "shell", "sigterm"),
                Outcome.FAILED_BY_FAULT, "r", List.of(), figures, List.of(), Instant.EPOCH, "", n, List.of(), null);
    }

    private Path notes(String text) throws Exception {
        return Files.writeString(dir.resolve("notes.tsv"), text);
    }

    @Test
    void wildcardsMatchAndNotesAccumulateWithoutTouchingOutcomesOrFindings() throws Exception {
        Path f = notes("# comment\n"
                + "local:1.27\tnative\t*\t*\t*\toutcome=STUCK\tKEP-753 is not in 1.27: the API drops restartPolicy.\n"
                + "*\tnative\t*\t*\tnone\tfinding RACE_AT_START\tSecond note.\n");
        List<ScenarioResult> out = CellNotes.read(f).apply(List.of(
                cell("local:1.27", "native", "none"), cell("local:1.29", "native", "none"), cell("local:1.27", "classic", "none")));

        assertThat(out.get(0).note()).as("both rules match").isEqualTo("KEP-753 is not in 1.27: the API drops restartPolicy.\nSecond note.");
        assertThat(out.get(1).note()).as("only the wildcard cluster rule").isEqualTo("Second note.");
        assertThat(out.get(2).note()).as("no rule").isEmpty();
        assertThat(out).extracting(ScenarioResult::outcome).as("outcomes unchanged").containsOnly(Outcome.STUCK);
        assertThat(out).allSatisfy(r -> assertThat(r.findings()).as("findings unchanged")
                .containsExactly(new Finding(FindingKind.RACE_AT_START, "main waited")));
    }

    @Test
    void oneRowServesEveryClusterItListsAndOnlyThose() throws Exception {
        Path f = notes("local:1.33,local:1.34, local:1.35\tnative,classic\t*\t*\tnone\toutcome=STUCK\tListed.\n");

        List<ScenarioResult> out = CellNotes.read(f).apply(List.of(cell("local:1.33", "native", "none"),
                cell("local:1.35", "classic", "none"), cell("local:1.36", "native", "none"),
                cell("local:1.34", "done-file", "none")));

        assertThat(out).extracting(ScenarioResult::note).as("1.33 and 1.35 listed, 1.36 not, done-file not")
                .containsExactly("Listed.", "Listed.", "", "");
    }

    @Test
    void aNoteThatDoesNotHoldInOneRunIsOneLineNamingFileLineCellRunAndClause() throws Exception {
        Path f = notes("# header\n"
                + "local:1.31,local:1.32\tpidfile\tlight\tshell\tsigterm\toutcome=FAILED_BY_FAULT and exit main=143\tPID 1 is pause.\n");
        CellNotes notes = CellNotes.read(f);

        assertThat(notes.apply(List.of(run("local:1.31", 1, 143), run("local:1.32", 1, 143))))
                .as("holds in every run: noted").extracting(ScenarioResult::note).containsOnly("PID 1 is pause.");
        assertThatThrownBy(() -> notes.apply(List.of(run("local:1.31", 1, 143), run("local:1.32", 1, 143),
                run("local:1.32", 2, 137), run("local:1.32", 3, 143))))
                .as("run 2 of local:1.32 contradicts it").isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":2: note does not hold for local:1.32 | pidfile | light | shell | sigterm run 2:"
                        + " exit main=143, but exitCodes.main was 137")
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
    }

    @Test
    void aRunThatEndedInErrorIsNotChecked() throws Exception {
        Path f = notes("*\tnative\t*\t*\tnone\toutcome=STUCK\tStuck.\n");
        ScenarioResult error = ScenarioResult.error(new ScenarioKey("local:1.31", "native", "light", "exec", "none"),
                "no results uploaded for local:1.31", Instant.EPOCH);

        assertThat(CellNotes.read(f).apply(List.of(error))).as("an infrastructure failure says nothing of the pattern")
                .singleElement().extracting(ScenarioResult::outcome).isEqualTo(Outcome.ERROR);
    }

    @Test
    void aMalformedLineNamesFileAndLine() throws Exception {
        Path f = notes("local:1.27\tnative\tonly three\n");
        assertThatThrownBy(() -> CellNotes.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.tsv:1: expected 7 tab-separated columns: cluster pattern sidecar variant"
                        + " fault asserts note (asserts: - when nothing is checkable)");
        Path sixColumns = notes("# before conditions\nlocal:1.27\tnative\t*\t*\t*\tA note without a condition.\n");
        assertThatThrownBy(() -> CellNotes.read(sixColumns)).as("the format before conditions")
                .hasMessageContaining("notes.tsv:2: expected 7 tab-separated columns");
    }

    @Test
    void anUnreadableConditionOrKeyNamesFileLineAndClause() throws Exception {
        Path badClause = notes("*\tnative\t*\t*\tnone\toutcome=STUCK and finding RACE\tA note.\n");
        assertThatThrownBy(() -> CellNotes.read(badClause)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(badClause + ":1: asserts 'finding RACE': unknown FindingKind RACE");
        Path emptyValue = notes("local:1.33,,local:1.34\tnative\t*\t*\tnone\toutcome=STUCK\tA note.\n");
        assertThatThrownBy(() -> CellNotes.read(emptyValue)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(emptyValue + ":1: 'local:1.33,,local:1.34' lists an empty value or *");
    }
}
