package io.sidecarconformance.cluster;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Testcontainers' Ryuk removes the k3s container of a run that was killed (kill -9 included): nothing the suite
 * ships may turn it off.
 */
class RyukStaysOnTest {

    @Test
    void noTestcontainersPropertiesOnTheClasspathDisablesRyuk() throws IOException {
        for (String name : List.of("testcontainers.properties", "META-INF/testcontainers.properties")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    assertThat(p.getProperty("ryuk.disabled", "false")).as(name).isNotEqualToIgnoringCase("true");
                }
            }
        }
    }

    @Test
    void noBuildCiOrSourceFileDisablesRyuk() throws IOException {
        List<Path> roots = Stream.of("pom.xml", ".ci", ".github", "src/main", "src/test/resources", "clusters")
                .map(Path::of).filter(Files::exists).toList();
        assertThat(roots).as("run from the repository root").contains(Path.of("pom.xml"));
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toFile().length() < 1_000_000).toList()) {
                    String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)
                            .toLowerCase(Locale.ROOT);
                    assertThat(text).as(file.toString()).doesNotContain("ryuk_disabled").doesNotContain("ryuk.disabled");
                }
            }
        }
    }
}
