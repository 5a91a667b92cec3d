package io.sidecarconformance.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class OneLineTest {

    @Test
    void aYamlErrorBecomesOneLine() {
        String yaml = """
                while parsing a flow node
                 in 'reader', line 3, column 3:
                      - what
                      ^
                expected the node content, but found '-'
                """;

        assertThat(OneLine.flatten(yaml)).isEqualTo("while parsing a flow node in 'reader', line 3, column 3: - what"
                + " expected the node content, but found '-'");
    }

    @Test
    void theDeepestCauseSpeaks() {
        Exception e = new IllegalStateException("wrapper", new IOException("Connection refused"));

        assertThat(OneLine.of(e)).isEqualTo("Connection refused");
        assertThat(OneLine.of(new RuntimeException(new NullPointerException()))).startsWith("java.lang.NullPointerException");
        assertThat(OneLine.of(new RuntimeException())).isEqualTo("RuntimeException");
        assertThat(OneLine.flatten("x".repeat(500))).hasSize(240);
    }
}
