package io.sidecarconformance.scenario;

import io.sidecarconformance.Skip;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chaos agent's oom action on this machine's real kernel: a memory cgroup of cgroup v1 (the node's policy the local
 * clusters run under here) stands in for a container, with an init process and a larger second process in it. The
 * agent must keep the cgroup full until the init is gone: the kernel kills the larger process first (one process a
 * time, the largest resident set), then the init; never the allocator. Needs root and cgroup v1's memory controller
 * (CI has both); elsewhere it says why it skips.
 */
class ChaosAgentOomTest {

    private static final Path BUSYBOX = Path.of("/bin/busybox");
    private static final Path MEMORY = Path.of("/sys/fs/cgroup/memory");
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final String target = "scagenttest" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<Process> started = new ArrayList<>();

    private Path cgroup() {
        return MEMORY.resolve("sc-" + target);
    }

    @AfterEach
    void cleanUp() throws Exception {
        started.forEach(Process::destroyForcibly);
        for (Process p : started) {
            p.waitFor(10, TimeUnit.SECONDS);
        }
        Path hog = dir.resolve("hog");
        if (Files.exists(hog) && Files.readString(Path.of("/proc/mounts")).contains(" " + hog + " ")) {
            new ProcessBuilder("umount", hog.toString()).start().waitFor(10, TimeUnit.SECONDS);
        }
        if (Files.isDirectory(cgroup())) {
            await().atMost(BOUND).alias("test cgroup empty and removed").until(() -> {
                try {
                    Files.delete(cgroup());
                    return true;
                } catch (IOException busy) {
                    return false;
                }
            });
        }
    }

    /** A process of the stand-in container: joins its cgroup, then runs the script. */
    private Process inCgroup(String script) throws IOException {
        Process p = new ProcessBuilder(BUSYBOX.toString(), "sh", "-c",
                "echo $$ > " + cgroup().resolve("cgroup.procs") + " && " + script).start();
        started.add(p);
        return p;
    }

    private long rssKiB(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst()
                .orElse(0);
    }

    private boolean inIt(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cgroup")).contains(target);
        } catch (IOException gone) {
            return false;
        }
    }

    @Test
    void theAgentKeepsTheCgroupFullUntilTheInitIsGoneTheLargerProcessDyingFirst() throws Exception {
        Skip.unless(Files.isExecutable(BUSYBOX), "ChaosAgentOomTest",
                "/bin/busybox not found; the chaos agent's script runs under busybox's ash: apt-get install busybox");
        Skip.unless("root".equals(System.getProperty("user.name")) && Files.isWritable(MEMORY), "ChaosAgentOomTest",
                "needs root and cgroup v1's memory controller at " + MEMORY + " (CI's machine has both)");
        Files.createDirectory(cgroup());
        Files.writeString(cgroup().resolve("memory.limit_in_bytes"), Long.toString(64L << 20));

        Process init = inCgroup("while :; do sleep 1; done");
        await().atMost(BOUND).alias("init in the cgroup").until(() -> inIt(init.pid()));
        // A second process with a larger resident set (a 24 MB shell variable), started after the init.
        Process big = inCgroup("x=$(head -c 24000000 /dev/zero | tr '\\0' a); echo held; while :; do sleep 1; done");
        await().atMost(BOUND).alias("the larger process holds its memory").until(() -> inIt(big.pid()) && rssKiB(big.pid()) > 20000);

        ProcessBuilder pb = new ProcessBuilder(BUSYBOX.toString(), "sh", Path.of("src/main/resources/scripts/agent.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("SC_TARGET_ID", target);
        pb.environment().put("SC_ACTION", "oom");
        pb.environment().put("SC_OOM_BOUND_SECONDS", "30");
        pb.environment().put("SC_HOG_DIR", dir.resolve("hog").toString());
        pb.environment().put("SC_CGROUP_ROOT", MEMORY.getParent().toString());
        Process agent = pb.start();
        started.add(agent);
        assertThat(agent.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("agent ended").isTrue();
        String out = new String(agent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(agent.exitValue()).as("agent's exit; it said: %s", out).isZero();
        assertThat(out).contains("the container's init (pid " + init.pid() + ") is gone");
        assertThat(init.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("init killed").isTrue();
        assertThat(big.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("larger process killed").isTrue();
        Matcher took = Pattern.compile("took, in order: (.*)").matcher(out);
        if (took.find()) { // the kernel's log, where dmesg is readable: the larger process first, the init after it
            String order = took.group(1).toLowerCase(Locale.ROOT);
            assertThat(order.indexOf(big.pid() + "(")).as("larger process in %s", order).isNotNegative();
            assertThat(order.indexOf(init.pid() + "(")).as("init after it in %s", order).isGreaterThan(order.indexOf(big.pid() + "("));
        }
        assertThat(Files.readString(cgroup().resolve("memory.oom_control"))).as("kills counted in the cgroup")
                .containsPattern("oom_kill [2-9]");
    }
}
