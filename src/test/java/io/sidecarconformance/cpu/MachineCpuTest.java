package io.sidecarconformance.cpu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MachineCpuTest {

    private static String stat(long user, long system, long idle, long iowait) {
        return "cpu  " + user + " 0 " + system + " " + idle + " " + iowait + " 0 0 0 0 0\n"
                + "cpu0 1 0 1 1 0 0 0 0 0 0\ncpu1 1 0 1 1 0 0 0 0 0 0\nintr 12345\n";
    }

    @Test
    void busyTicksLeaveOutIdleAndIowait() {
        MachineCpu.Sample s = MachineCpu.parse(stat(300, 100, 500, 100)).orElseThrow();
        assertThat(s.busy()).as("user + system").isEqualTo(400);
        assertThat(s.total()).as("every tick").isEqualTo(1000);
        assertThat(s.cores()).as("cpuN lines").isEqualTo(2);
    }

    @Test
    void figuresBetweenTwoSamples() {
        MachineCpu.Sample from = MachineCpu.parse(stat(1000, 0, 1000, 0)).orElseThrow();
        // 60 s on 2 cores = 12,000 ticks, of which 3,000 busy: 30 CPU seconds, half a core on average.
        MachineCpu.Sample to = MachineCpu.parse(stat(3000, 1000, 10000, 0)).orElseThrow();

        Map<String, String> m = MachineCpu.between(from, to, 10);

        assertThat(m).containsEntry("machine CPU seconds, scenario phase (all processes)", "30 s")
                .containsEntry("machine CPU seconds per run", "3.0 s")
                .containsEntry("machine busy share, scenario phase", "0.50 of 2 cores");
    }

    @Test
    void nothingIsMeasuredFromWhatCannotBeRead() throws IOException {
        assertThat(MachineCpu.parse("intr 1\n")).as("no cpu line").isEmpty();
        assertThat(MachineCpu.parse("cpu  a b c d e\ncpu0 1 1 1 1\n")).as("not numbers").isEmpty();
        assertThat(new MachineCpu(Path.of("/nonexistent/stat")).sample()).as("no file").isEmpty();
        MachineCpu.Sample s = MachineCpu.parse(stat(1, 1, 1, 1)).orElseThrow();
        assertThat(MachineCpu.between(s, s, 3)).as("no time passed").isEmpty();
        assertThat(MachineCpu.between(s, MachineCpu.parse(stat(9, 9, 9, 9)).orElseThrow(), 0)).as("no runs").isEmpty();
        Path real = Path.of("/proc/stat");
        if (Files.isReadable(real)) {
            assertThat(new MachineCpu(real).sample()).as("this machine's own /proc/stat").isPresent();
        }
    }
}
