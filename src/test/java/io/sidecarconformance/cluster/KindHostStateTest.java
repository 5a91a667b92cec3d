package io.sidecarconformance.cluster;

import io.sidecarconformance.Skip;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host snapshot {@code clusters/kind/lib/docker.sh} takes before its Docker daemon starts and compares after
 * {@code kind.sh down}: one line per fact. Run with stand-ins for sysctl, iptables and ip (shell functions), so it needs
 * neither root nor Docker.
 */
class KindHostStateTest {

    private static final Path LIB = Path.of("clusters/kind/lib/docker.sh");

    private static String hostState(String sysctlLines) throws Exception {
        Skip.unless(Files.isRegularFile(LIB), "KindHostStateTest", "run from the repository root");
        String script = "sysctl() { printf '" + sysctlLines + "'; }; iptables() { :; }; ip() { :; }\n"
                + "KC=/nonexistent/sc-kind; SYSCTL_VOLATILE='^kernel\\.random\\.'\n"
                + ". " + LIB + "\nhost_state\n";
        Process process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void aSysctlOfSeveralLinesIsOneFactAndVolatileOnesAreLeftOut() throws Exception {
        // fs.pipe-keep on a 6.18 kernel: one key, ten lines; compared line by line they paired off as false differences
        String out = hostState("fs.pipe-keep = read 0\\nkernel.panic = 0\\nfs.pipe-keep = copy 0\\n"
                + "kernel.random.uuid = 1234\\nfs.pipe-keep = brace 0\\n");

        assertThat(out.lines().filter(l -> l.startsWith("sysctl "))).as("one line per key, values in their order")
                .containsExactly("sysctl fs.pipe-keep = read 0 | copy 0 | brace 0", "sysctl kernel.panic = 0");
    }
}
