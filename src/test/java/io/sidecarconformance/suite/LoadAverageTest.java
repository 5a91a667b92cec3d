package io.sidecarconformance.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The runner's 1-minute load average, from a file in /proc/loadavg's format; null where it cannot be read. */
class LoadAverageTest {

    @Test
    void theFirstFieldIsTheOneMinuteLoad(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("loadavg"), "3.47 2.10 1.95 4/1289 998877\n");
        assertThat(new LoadAverage(file).get()).isEqualTo(3.47);
    }

    @Test
    void aMissingOrMalformedFileIsUnknown(@TempDir Path dir) throws IOException {
        assertThat(new LoadAverage(dir.resolve("absent")).get()).as("no such file (not Linux)").isNull();
        assertThat(new LoadAverage(dir).get()).as("a folder").isNull();
        assertThat(new LoadAverage(Files.writeString(dir.resolve("odd"), "busy\n")).get()).as("not a number").isNull();
        assertThat(new LoadAverage(Files.writeString(dir.resolve("empty"), "")).get()).as("empty").isNull();
        assertThat(LoadAverage.parse("-1 0 0")).as("negative").isNull();
        assertThat(LoadAverage.parse("NaN 0 0")).as("not finite").isNull();
    }
}
