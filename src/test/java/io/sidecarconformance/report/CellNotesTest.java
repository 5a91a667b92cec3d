package io.sidecarconformance.report;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellNotesTest {

    private static ScenarioResult cell(String cluster, String pattern, String fault) {
        return new ScenarioResult(new ScenarioKey(cluster, pattern, "light", "exec", fault), Outcome.STUCK, "r",
                List.of(new Finding(FindingKind.RACE_AT_START, "main waited")), null, List.of(), Instant.EPOCH, "");
    }

    @Test
    void wildcardsMatchAndNotesAccumulateWithoutTouchingOutcomesOrFindings(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.tsv");
        Files.writeString(f, "# comment\n"
                + "local:1.27\tnative\t*\t*\t*\tKEP-753 is not in 1.27: the API drops restartPolicy.\n"
                + "*\tnative\t*\t*\tnone\tSecond note.\n");
        List<ScenarioResult> out = CellNotes.read(f).apply(List.of(
                cell("local:1.27", "native", "none"), cell("local:1.29", "native", "none"), cell("local:1.27", "classic", "none")));

        assertThat(out.get(0).note()).as("both rules match").isEqualTo("KEP-753 is not in 1.27: the API drops restartPolicy. Second note.");
        assertThat(out.get(1).note()).as("only the wildcard cluster rule").isEqualTo("Second note.");
        assertThat(out.get(2).note()).as("no rule").isEmpty();
        assertThat(out).extracting(ScenarioResult::outcome).as("outcomes unchanged").containsOnly(Outcome.STUCK);
        assertThat(out).allSatisfy(r -> assertThat(r.findings()).as("findings unchanged")
                .containsExactly(new Finding(FindingKind.RACE_AT_START, "main waited")));
    }

    @Test
    void aMalformedLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.tsv");
        Files.writeString(f, "local:1.27\tnative\tonly three\n");
        assertThatThrownBy(() -> CellNotes.read(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("notes.tsv:1: expected 6 tab-separated columns");
    }
}
