package io.sidecarconformance.input;

import io.sidecarconformance.fault.WorkloadFaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The own-pod feature's Examples table names faults only: a row per fault, each under the pattern "workload". */
class FeatureCheckTest {

    private static final Path OWN = Path.of("features", "own-workload.feature");

    private static final String OWN_OUTLINE = """
            Feature: f
              Scenario Outline: your own pod under <fault>
                Given your own pods, named by -Dworkload
                When each runs under the "<fault>" fault
                Then an outcome is recorded

                Examples: faults
                  | fault |
                  | none  |
                  | %s |
            """;

    @Test
    void theShippedOwnPodFeatureHasOneWorkloadRowPerFault() throws IOException {
        List<String> lines = Files.readAllLines(OWN);
        List<FeatureRow> rows = FeatureCheck.rows(Path.of("features")).stream()
                .filter(r -> r.file().equals(OWN.toAbsolutePath().normalize())).toList();

        assertThat(rows).extracting(FeatureRow::fault).as("the faults that act on any image, in the table's order")
                .containsExactly("none", "sidecar-oom", "sigkill-sidecar", "main-oom", "delayed-sidecar", "sigterm",
                        "eviction", "eviction-pdb", "sigkill-main", "kubelet-restart");
        assertThat(rows).as("each a known fault").allMatch(r -> WorkloadFaults.ids().contains(r.fault()));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.pattern()).isEqualTo(FeatureRow.OWN_POD);
            assertThat(r.sidecar()).isEmpty();
            assertThat(r.variant()).isEmpty();
            assertThat(r.name()).as("Cucumber's name for it").isEqualTo("your own pod under " + r.fault());
            assertThat(lines.get(r.line() - 1)).as("its line").contains("| " + r.fault() + " ");
        });
        assertThat(FeatureCheck.checkFile(OWN, lines)).isEqualTo(rows);
    }

    @Test
    void anUnknownFaultInAFaultTableIsOneLineWithFileAndLine(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("mine.feature"), OWN_OUTLINE.formatted("oom"));

        assertThatThrownBy(() -> FeatureCheck.check(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(f.toAbsolutePath() + ":10: unknown fault 'oom'; known: " + String.join(", ", WorkloadFaults.ids()));

        Files.writeString(f, OWN_OUTLINE.formatted("sigkill-sidecar"));
        assertThat(FeatureCheck.rows(dir)).extracting(r -> r.line() + " " + r.pattern() + " " + r.fault())
                .containsExactly("9 workload none", "10 workload sigkill-sidecar");
    }
}
