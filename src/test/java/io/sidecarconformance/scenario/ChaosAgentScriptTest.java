package io.sidecarconformance.scenario;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The chaos agent's choice of process, on a hand-made /proc: real live pids (so that its kill -0 succeeds) with
 * fake cgroup and stat files. With shareProcessNamespace an orphaned helper of the target container is re-parented
 * to the pod's pause process: the agent must still pick the container's init, its oldest process.
 */
class ChaosAgentScriptTest {

    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final String TARGET = "0123456789abcdef";

    @TempDir
    Path proc;

    private final List<Process> sleepers = new ArrayList<>();

    @AfterEach
    void stopSleepers() {
        sleepers.forEach(Process::destroyForcibly);
    }

    private long livePid() throws IOException {
        Process p = new ProcessBuilder("sleep", "60").start();
        sleepers.add(p);
        return p.pid();
    }

    private void fake(long pid, String cgroup, long startTicks, String cmdline) throws IOException {
        Path d = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(d.resolve("cgroup"), "12:memory:/kubepods/burstable/podx/" + cgroup + "\n");
        // The command name may contain spaces and parentheses: the agent must count fields after the last ") ".
        String stat = pid + " (sh (x) y) S 1 " + pid + " " + pid + " 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 "
                + startTicks + " 1000 100 18446744073709551615";
        Files.writeString(d.resolve("stat"), stat + "\n");
        Files.writeString(d.resolve("cmdline"), cmdline.replace(' ', '\0'));
    }

    private String runAgent() throws Exception {
        assumeThat(Files.isExecutable(BUSYBOX)).as("/bin/busybox is installed (runs the pods' shell here)").isTrue();
        Path script = Path.of("src/main/resources/scripts/agent.sh");
        ProcessBuilder pb = new ProcessBuilder(BUSYBOX.toString(), "sh", script.toString()).redirectErrorStream(true);
        pb.environment().put("SC_TARGET_ID", TARGET);
        pb.environment().put("SC_SIGNAL", "0");
        pb.environment().put("SC_PROC", proc.toString());
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("agent ended").isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8) + "exit=" + p.exitValue();
    }

    @Test
    void theContainersOldestProcessIsSignalledNotAnOrphanedHelper() throws Exception {
        long init = livePid();
        long orphan = livePid();
        long other = livePid();
        fake(orphan, TARGET, 900, "timeout 1 wget -q -O - http://127.0.0.1:8080/ping");
        fake(init, TARGET, 500, "/bin/sh -c /bin/sh /sc/main.sh");
        fake(other, "ffffffffffffffff", 100, "/pause");

        assertThat(runAgent()).as("agent output")
                .contains("signalling pid " + init + " (/bin/sh -c /bin/sh /sc/main.sh")
                .doesNotContain("pid " + orphan).endsWith("exit=0");
    }

    @Test
    void noProcessOfTheContainerIsExitSeven() throws Exception {
        fake(livePid(), "ffffffffffffffff", 100, "/pause");

        assertThat(runAgent()).contains("no process of container " + TARGET).endsWith("exit=7");
    }
}
