package io.sidecarconformance.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The report renders results.json only: it reads the result and timeline packages, never how a run decides. */
class ReportDependenciesTest {

    private static final Path REPORT = Path.of("src/main/java/io/sidecarconformance/report");
    private static final Pattern OWN_PACKAGE = Pattern.compile("io\\.sidecarconformance\\.([a-z]+)\\.");

    @Test
    void reportUsesOnlyTheResultAndTimelinePackages() throws IOException {
        assertThat(REPORT).as("report sources (tests run from the project folder)").isDirectory();
        try (Stream<Path> files = Files.list(REPORT)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = OWN_PACKAGE.matcher(Files.readString(file));
                while (m.find()) {
                    assertThat(m.group(1)).as("package %s used in %s", m.group(1), file.getFileName())
                            .isIn(List.of("report", "result", "timeline"));
                }
            }
        }
    }
}
