package io.sidecarconformance.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterNamesTest {

    private static List<String> tiny(List<String> clusters) {
        return clusters.stream().map(c -> ClusterNames.tinyName(c, clusters)).toList();
    }

    @Test
    void aSquaresLabelIsTheVersionCutToFourCharacters() {
        assertThat(tiny(List.of("local:1.28", "local:1.28-sidecars", "local:1.33.5", "local:1.37", "local:1.37-stopsignals")))
                .containsExactly("28", "28-s", "33.5", "37", "37-s");
    }

    @Test
    void columnsWhoseLabelsWouldReadTheSameTakeTheInitialsOfTheirSuffix() {
        List<String> clusters = List.of("local:1.35", "local:1.35-single-oom", "local:1.37", "local:1.37-stopsignals",
                "local:1.37-single-oom");

        assertThat(tiny(clusters)).as("1.37-stopsignals and 1.37-single-oom would both read 37-s")
                .containsExactly("35", "35-s", "37", "37s", "37so")
                .doesNotHaveDuplicates();
    }

    @Test
    void aColumnsFileNameKeepsLettersDigitsDotsAndDashesAndTwoColumnsThatWouldShareOneAreRefused() {
        assertThat(ClusterNames.fileStems(List.of("local:1.35", "kind:1.31", "local-v2:1.37-stopsignals")))
                .containsExactly(java.util.Map.entry("local:1.35", "local-1.35"), java.util.Map.entry("kind:1.31", "kind-1.31"),
                        java.util.Map.entry("local-v2:1.37-stopsignals", "local-v2-1.37-stopsignals"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ClusterNames.fileStems(List.of("own:a/b", "own:a-b")))
                .isInstanceOf(IllegalStateException.class).hasMessage("columns own:a/b and own:a-b would share the file name own-a-b");
    }
}
