package io.sidecarconformance.scenario;

import io.sidecarconformance.Skip;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventLineParser;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the real container scripts with busybox: a temp dir stands in for /sc (the scripts) and /sc-shared.
 * The copies get the temp paths and a free port in place of /sc, /tmp/www and 8080 (hard-coded in the scripts).
 */
class ContainerScriptsTest {

    private static final Path BUSYBOX = Path.of("/bin/busybox");
    /**
     * The bound on waiting for a real process here (a line, an exit, a port closing). Its steps take well under a
     * second on an idle machine; the bound only has to outlast a shared machine's worst moment (HAProxy's Ready took
     * over 15 s once under two concurrent Maven builds), since a test here must not depend on the machine's speed.
     */
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static Path bin;
    private Path sc;
    private Path shared;
    private int port;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void needsBusybox() throws Exception {
        Skip.unless(Files.isExecutable(BUSYBOX), "ContainerScriptsTest",
                "/bin/busybox not found; the container scripts run under busybox's ash: apt-get install busybox");
        // Only busybox applets on the PATH, as in the busybox image. Kept out of @TempDir, which warns about every link.
        bin = Files.createTempDirectory("sc-busybox-bin");
        Process install = new ProcessBuilder(BUSYBOX.toString(), "--install", "-s", bin.toString()).inheritIO().start();
        assertThat(install.waitFor(10, TimeUnit.SECONDS) && install.exitValue() == 0).as("busybox --install").isTrue();
    }

    @AfterAll
    static void removeBin() throws IOException {
        if (bin != null) {
            try (var links = Files.list(bin)) {
                for (Path link : links.toList()) {
                    Files.delete(link);
                }
            }
            Files.delete(bin);
        }
    }

    @BeforeEach
    void stageScripts() throws Exception {
        sc = Files.createDirectories(dir.resolve("sc"));
        shared = Files.createDirectories(dir.resolve("sc-shared"));
        port = freePort();
        for (String file : ScenarioScripts.FILES) {
            Files.writeString(sc.resolve(file), ScenarioScripts.read(file)
                    .replace("/sc/lib.sh", sc.resolve("lib.sh").toString())
                    .replace("/sc/proxy.sh", sc.resolve("proxy.sh").toString())
                    .replace("/tmp/haproxy.cfg", dir.resolve("haproxy.cfg").toString())
                    .replace("8080", Integer.toString(port))
                    .replace("/tmp/www", dir.resolve("www").toString())
                    .replace("/tmp/sc-ready", dir.resolve("sc-ready").toString())
                    .replace("/tmp/dockerd.log", dir.resolve("dockerd.log").toString())
                    .replace("/var/run/docker.sock", dir.resolve("run").resolve("docker.sock").toString())
                    .replace("find /run /var/run", "find " + dir.resolve("run")));
        }
        assertThat(Files.readString(sc.resolve("lib.sh"))).as("staged lib.sh uses the temp dirs and port")
                .doesNotContain("/sc/lib.sh").doesNotContain("8080").contains(Integer.toString(port));
        assertThat(Files.readString(sc.resolve("sidecar.sh"))).as("staged sidecar.sh sources the staged proxy.sh")
                .contains(". " + sc.resolve("proxy.sh"));
    }

    @AfterEach
    void killLeftovers() throws Exception {
        for (Process p : started) {
            // Each script runs in its own session: kill the whole group, orphaned sleeps included.
            new ProcessBuilder(BUSYBOX.toString(), "kill", "-9", "-" + p.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private Process run(String script, String name, Map<String, String> env) throws IOException {
        return run(List.of(BUSYBOX.toString(), "sh", sc.resolve(script).toString()), name, env);
    }

    /** Runs a command in its own session (so that leftovers can be killed as a group). */
    private Process run(List<String> command, String name, Map<String, String> env) throws IOException {
        List<String> full = new ArrayList<>(List.of(BUSYBOX.toString(), "setsid"));
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        Map<String, String> e = pb.environment();
        e.clear();
        e.put("PATH", bin.toString());
        e.put("SC_NAME", name);
        e.put("SC_SIDECAR_KIND", "light");
        e.put("SC_SHARED", shared.toString());
        e.put("SC_SHUTDOWN", "none");
        e.putAll(env);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private List<String> lines(String name) {
        try {
            Path out = dir.resolve(name + ".out");
            return Files.exists(out) ? Files.readAllLines(out) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line the container wrote, parsed; fails if one is not an event line. */
    private List<TimelineEvent> events(String name) {
        List<TimelineEvent> out = new ArrayList<>();
        for (String line : lines(name)) {
            Optional<TimelineEvent> e = EventLineParser.parse(line);
            assertThat(e).as("%s wrote an event line: '%s' (stderr: %s)", name, line, stderr(name)).isPresent();
            out.add(e.get());
        }
        return out;
    }

    private String stderr(String name) {
        try {
            Path err = dir.resolve(name + ".err");
            return Files.exists(err) ? Files.readString(err) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitLine(String name, String word) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(50))
                .alias(name + " says " + word)
                .until(() -> lines(name).stream().anyMatch(l -> l.contains(" " + name + " " + word)));
    }

    private int exitOf(Process p, String name) throws InterruptedException {
        assertThat(p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("%s ended in time; wrote %s; stderr %s",
                name, lines(name), stderr(name)).isTrue();
        return p.exitValue();
    }

    private static List<String> words(List<TimelineEvent> events) {
        return events.stream().map(e -> e.kind() == EventKind.STEP ? e.detail().split(" ")[0] : e.kind().name()).toList();
    }

    private static void assertNonDecreasing(List<TimelineEvent> events, String what) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).time()).as("%s: event %d not before event %d", what, i, i - 1)
                    .isAfterOrEqualTo(events.get(i - 1).time());
        }
    }

    private boolean portAnswers() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Main's command as ContainerFactory builds it for a variant, pointed at busybox and the staged script. */
    private List<String> mainCommand(String variant) {
        List<String> command = new ContainerFactory(new ImageSet("busybox", "dind", "proxy", "Never"), SidecarKind.LIGHT, Variant.parse(variant))
                .main("done-file").getCommand();
        List<String> local = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (i == 0 && arg.equals("/bin/sh")) {
                local.addAll(List.of(BUSYBOX.toString(), "sh"));
            } else {
                local.add(arg.replace("/bin/sh", BUSYBOX + " sh").replace("/sc/main.sh", sc.resolve("main.sh").toString()));
            }
        }
        return local;
    }

    /** A light sidecar up, then main in the given form working beside it. */
    private Process mainWorkingBesideASidecar(String variant, Map<String, String> env) throws IOException {
        run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run(mainCommand(variant), "main", env);
        awaitLine("main", "Working");
        return main;
    }

    /** The lines from main's Terminating line on. */
    private static List<TimelineEvent> afterTerminating(List<TimelineEvent> events) {
        int from = events.indexOf(step(events, "Terminating"));
        return events.subList(from, events.size());
    }

    /** Sends a signal by name to a process, as the runtime does to a container's first process. */
    private static void signal(String name, Process p) throws Exception {
        Process kill = new ProcessBuilder(BUSYBOX.toString(), "kill", "-" + name, Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -%s %s", name, p.pid()).isTrue();
    }

    private Duration elapsedSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    private static TimelineEvent step(List<TimelineEvent> events, String word) {
        return events.stream().filter(e -> e.kind() == EventKind.STEP && e.detail().startsWith(word)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + word + " line in " + events));
    }

    /** A light service on our port whose answer comes {@code delay} late: a check that blocks, then answers. */
    private HttpServer slowService(AtomicReference<Duration> delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        server.createContext("/ping", exchange -> {
            try {
                TimeUnit.MILLISECONDS.sleep(delay.get().toMillis()); // the service's own slowness, not a wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "pong".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    /** Fake dockerd and docker: dockerd refuses to start over a pid file, as the real one does; docker info checks it is up. */
    private Path fakeDocker(Path run) throws IOException {
        Path fakes = Files.createDirectories(dir.resolve("fakes"));
        Files.createDirectories(run);
        Path dockerd = fakes.resolve("dockerd");
        Files.writeString(dockerd, """
                #!%1$s sh
                if [ -n "$FAKE_DOCKERD_FAILS" ]; then echo "failed to start daemon: $FAKE_DOCKERD_FAILS"; exit 1; fi
                if [ -f %2$s/docker.pid ]; then
                    echo "failed to start daemon: pid file found, ensure docker is not running or delete %2$s/docker.pid"
                    exit 1
                fi
                mkdir -p %2$s/docker/containerd
                echo $$ > %2$s/docker.pid
                echo $$ > %2$s/docker/containerd/containerd.pid
                touch %2$s/up
                if [ -z "$FAKE_SOCKET_LATER" ]; then touch %2$s/docker.sock; fi
                trap 'rm -f %2$s/up %2$s/docker.pid %2$s/docker.sock; exit 0' TERM
                while :; do sleep 1 & wait $!; done
                """.formatted(BUSYBOX, run));
        Path docker = fakes.resolve("docker");
        Files.writeString(docker, "#!%s sh\necho \"$*\" >> %s/calls\n[ -f %s/up ]\n".formatted(BUSYBOX, run, run));
        assertThat(dockerd.toFile().setExecutable(true) && docker.toFile().setExecutable(true)).as("fakes executable").isTrue();
        return fakes;
    }

    @Test
    void doneFileProtocolEndsTheSidecarAfterMain() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of("SC_SHUTDOWN", "done-file"));
        awaitLine("sidecar", "Ready");
        assertThat(portAnswers()).as("service up while the sidecar is ready").isTrue();
        assertThat(sidecar.isAlive()).as("sidecar waits while main has not run").isTrue();

        Process main = run("main.sh", "main", Map.of("SC_SHUTDOWN", "done-file", "SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "1"));
        assertThat(exitOf(main, "main")).as("main exit code").isZero();
        assertThat(shared.resolve("done")).as("main's EXIT trap touched the done file").exists();
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar exit code after the done file").isZero();
        assertThat(portAnswers()).as("service stopped with the sidecar").isFalse();

        List<TimelineEvent> mainEvents = events("main");
        List<TimelineEvent> sidecarEvents = events("sidecar");
        assertThat(words(mainEvents)).as("main's lines").containsExactly("STARTING", "Working", "EXITING");
        assertThat(mainEvents.get(2).detail()).as("main's exit line").isEqualTo("0");
        assertThat(words(sidecarEvents)).as("sidecar's lines").containsExactly("STARTING", "READY", "EXITING");
        assertThat(sidecarEvents.get(2).detail()).as("sidecar's exit line").isEqualTo("0 done file seen");
        assertThat(mainEvents).as("main's container name").allMatch(e -> e.container().equals("main"));

        assertNonDecreasing(mainEvents, "main");
        assertNonDecreasing(sidecarEvents, "sidecar");
        assertThat(sidecarEvents.get(1).time()).as("sidecar Ready before main Starting").isBefore(mainEvents.get(0).time());
        assertThat(sidecarEvents.get(2).time()).as("sidecar exits after main").isAfter(mainEvents.get(2).time());
        assertThat(Duration.between(mainEvents.get(1).time(), mainEvents.get(2).time()))
                .as("main worked SC_WORK_SECONDS").isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void pidfileProtocolEndsTheSidecarOnceMainsPidIsGone() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of("SC_SHUTDOWN", "pidfile"));
        awaitLine("sidecar", "Ready");

        Process main = run("main.sh", "main", Map.of("SC_SHUTDOWN", "pidfile", "SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "2"));
        awaitLine("main", "Working");
        assertThat(Files.readString(shared.resolve("pid")).strip()).as("pid file holds main's PID")
                .isEqualTo(Long.toString(main.pid()));
        assertThat(sidecar.isAlive()).as("sidecar still up while main works").isTrue();

        assertThat(exitOf(main, "main")).as("main exit code").isZero();
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar exit code").isZero();

        List<TimelineEvent> mainEvents = events("main");
        List<TimelineEvent> sidecarEvents = events("sidecar");
        assertThat(mainEvents.get(0).detail()).as("main's Starting line").isEqualTo("pid=" + main.pid());
        assertThat(sidecarEvents.get(sidecarEvents.size() - 1).detail()).as("sidecar's exit line")
                .isEqualTo("0 pid " + main.pid() + " gone");
        assertThat(shared.resolve("done")).as("no done file in the pidfile protocol").doesNotExist();
        assertThat(sidecarEvents.get(sidecarEvents.size() - 1).time()).as("sidecar exits after main")
                .isAfter(mainEvents.get(mainEvents.size() - 1).time());
    }

    @Test
    void mainGivesUpWithExit3WhenNoSidecarAnswers() throws Exception {
        long t0 = System.nanoTime();
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "2"));

        assertThat(exitOf(main, "main")).as("main exit code").isEqualTo(3);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("gave up after about SC_WAIT_SECONDS")
                .isBetween(Duration.ofMillis(1800), Duration.ofSeconds(10));
        List<TimelineEvent> events = events("main");
        assertThat(words(events)).as("main's lines").containsExactly("STARTING", "Waiting", "EXITING");
        assertThat(events.get(2).detail()).as("exit line").isEqualTo("3 sidecar not ready after 2s");
        assertNonDecreasing(events, "main");
        assertThat(Duration.between(events.get(0).time(), events.get(2).time())).as("event times span the wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1800));
    }

    @Test
    void delayedSidecarSaysSoAndIsReadyOnlyAfterTheDelay() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of("SC_DELAY_SECONDS", "2"));
        awaitLine("sidecar", "Ready");
        List<TimelineEvent> events = events("sidecar");

        assertThat(words(events)).as("sidecar's lines").containsExactly("STARTING", "Delaying", "READY");
        assertThat(events.get(1).detail()).as("delay line").isEqualTo("Delaying 2s");
        assertThat(Duration.between(events.get(1).time(), events.get(2).time())).as("ready after the delay")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(sidecar.isAlive()).as("no shutdown protocol: the sidecar serves on").isTrue();
    }

    @Test
    void lightServiceStartupTimeDelaysReadyWithoutADelayStep() throws Exception {
        run("sidecar.sh", "sidecar", Map.of("SC_STARTUP_SECONDS", "2"));
        awaitLine("sidecar", "Ready");
        List<TimelineEvent> events = events("sidecar");

        assertThat(words(events)).as("sidecar's lines: startup time is not a fault").containsExactly("STARTING", "READY");
        assertThat(Duration.between(events.get(0).time(), events.get(1).time())).as("ready after the startup time")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void mainMarksAMomentInsideItsWorkForAFaultToActOn() throws Exception {
        run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", Map.of("SC_WORK_SECONDS", "3", "SC_MARK_AFTER_SECONDS", "1"));

        assertThat(exitOf(main, "main")).as("main exit code").isZero();
        List<TimelineEvent> mainEvents = events("main");
        assertThat(words(mainEvents)).as("main's lines").containsExactly("STARTING", "Working", "Marked", "EXITING");
        TimelineEvent working = mainEvents.get(1);
        TimelineEvent marked = mainEvents.get(2);
        TimelineEvent exit = mainEvents.get(3);
        assertThat(marked.detail()).isEqualTo("Marked 1s into its work");
        // the lines' times are files' mtimes, which the kernel keeps to its clock tick: a few milliseconds' slack
        assertThat(java.time.Duration.between(working.time(), marked.time())).as("the mark, on the script's clock")
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(950));
        assertThat(java.time.Duration.between(working.time(), exit.time())).as("the whole work still")
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(2950));
    }

    @Test
    void mainWaitsForALateSidecarAndThenWorks() throws Exception {
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "10", "SC_WORK_SECONDS", "0"));
        awaitLine("main", "Waiting");
        run("sidecar.sh", "sidecar", Map.of());

        assertThat(exitOf(main, "main")).as("main exit code").isZero();
        awaitLine("sidecar", "Ready"); // main may see the service answer before the sidecar's own check does
        List<TimelineEvent> mainEvents = events("main");
        assertThat(words(mainEvents)).as("main's lines").containsExactly("STARTING", "Waiting", "Working", "EXITING");
        TimelineEvent ready = events("sidecar").stream().filter(e -> e.kind() == EventKind.READY).findFirst().orElseThrow();
        assertThat(mainEvents.get(0).time()).as("main started before the sidecar was ready").isBefore(ready.time());
    }

    @Test
    void earlyCrashesEndTheFirstStartsWithExit1BeforeTheServiceAndTheNextStartWorks() throws Exception {
        Map<String, String> env = Map.of("SC_FAULT_SIDECAR", "crash-early", "SC_CRASH_STARTS", "2",
                "SC_CRASH_AFTER_SECONDS", "0", "SC_STARTUP_SECONDS", "0");
        for (int start = 1; start <= 2; start++) {
            Process crashing = run("sidecar.sh", "sidecar", env);
            assertThat(exitOf(crashing, "sidecar")).as("start %d exit code", start).isEqualTo(1);
            assertThat(words(events("sidecar"))).as("start %d lines", start).containsExactly("STARTING", "EXITING");
            assertThat(events("sidecar").get(1).detail()).as("start %d says so", start)
                    .isEqualTo("1 start " + start + " of 2 crashes before its service is up");
            assertThat(portAnswers()).as("start %d never served", start).isFalse();
        }
        run("sidecar.sh", "sidecar", env);
        awaitLine("sidecar", "Ready");
        assertThat(portAnswers()).as("the third start serves").isTrue();
    }

    @Test
    void aLingeringMainSaysSigtermAtOnceUsesTheSidecarWhileItDrainsAndExitsLater() throws Exception {
        Process main = mainWorkingBesideASidecar("exec", Map.of("SC_WORK_SECONDS", "60", "SC_TERM_LINGER_SECONDS", "2"));

        long before = System.nanoTime();
        main.destroy();
        awaitLine("main", "Terminating");
        assertThat(main.isAlive()).as("still there right after its SIGTERM line").isTrue();
        assertThat(exitOf(main, "main")).as("exit code").isEqualTo(143);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("lingered").isGreaterThanOrEqualTo(Duration.ofMillis(1800));
        List<TimelineEvent> drain = afterTerminating(events("main"));
        assertThat(drain.get(0).detail()).as("the SIGTERM line").isEqualTo("Terminating on SIGTERM, exiting in 2s");
        assertThat(drain.get(drain.size() - 1).detail()).as("exit line, last").isEqualTo("143 SIGTERM");
        List<String> uses = drain.subList(1, drain.size() - 1).stream().map(TimelineEvent::detail).toList();
        assertThat(uses).as("uses of the sidecar while it drained, each begun and answered in turn")
                .startsWith("Draining use 1", "Draining use 1 ok", "Draining use 2", "Draining use 2 ok")
                .allMatch(u -> u.matches("Draining use \\d+( ok)?"));
        assertNonDecreasing(drain, "main's drain");
    }

    @Test
    void aLingeringMainSaysWhenItsUsesFailOnceTheSidecarIsGone() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run(mainCommand("exec"), "main", Map.of("SC_WORK_SECONDS", "60", "SC_TERM_LINGER_SECONDS", "3"));
        awaitLine("main", "Working");

        main.destroy();
        sidecar.destroy(); // as a classic sidecar gets SIGTERM with main
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar stopped").isEqualTo(143);
        assertThat(exitOf(main, "main")).as("main still exits on its own time").isEqualTo(143);
        List<String> uses = afterTerminating(events("main")).stream().map(TimelineEvent::detail)
                .filter(d -> d.startsWith("Draining")).toList();
        assertThat(uses).as("once the service is gone, main's uses fail").anyMatch(u -> u.endsWith(" failed"));
        assertThat(uses.get(uses.size() - 1)).as("the last use it made failed (or was still unanswered)")
                .matches("Draining use \\d+( failed)?");
    }

    /** The readinessProbe of a +ready variant, run as the kubelet runs it: an exec in the container's environment. */
    private int readinessProbe(String container, Map<String, String> env) throws Exception {
        String check = new ContainerFactory(new ImageSet("busybox", "dind", "proxy", "Never"), SidecarKind.LIGHT,
                Variant.parse("exec+ready")).main("none").getReadinessProbe().getExec().getCommand().get(2);
        String command = (container.equals("main") ? check : check.replace(" marker", " service"))
                .replace("/sc/lib.sh", sc.resolve("lib.sh").toString());
        Map<String, String> probeEnv = new java.util.HashMap<>(env);
        probeEnv.put("SC_NAME", container);
        Process probe = run(List.of(BUSYBOX.toString(), "sh", "-c", command), "probe-" + container, probeEnv);
        return exitOf(probe, "probe-" + container);
    }

    @Test
    void aReadyMainWorksOnlyOnceBothReadinessProbesPassedAndItsOwnFailsFromItsSigterm() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Map<String, String> env = Map.of("SC_READINESS", "1", "SC_WORK_SECONDS", "60", "SC_TERM_LINGER_SECONDS", "3");
        assertThat(readinessProbe("main", env)).as("main's probe before main made its marker").isEqualTo(1);
        Process main = run(mainCommand("exec+ready"), "main", env);

        await().during(Duration.ofSeconds(1)).atMost(BOUND).alias("no Working line while no probe has passed")
                .until(() -> main.isAlive() && lines("main").stream().noneMatch(l -> l.contains(" main Working")));
        assertThat(readinessProbe("sidecar", Map.of())).as("the sidecar's probe: its service answers").isZero();
        assertThat(shared.resolve("probed-sidecar")).as("the sidecar's pass, noted").exists();
        assertThat(readinessProbe("sidecar", Map.of())).as("the sidecar's second pass").isZero();
        await().atMost(BOUND).alias("main made its marker").until(() -> readinessProbe("main", env) == 0);
        await().during(Duration.ofMillis(500)).atMost(BOUND).alias("one pass of main's own probe is not enough")
                .until(() -> lines("main").stream().noneMatch(l -> l.contains(" main Working")));
        assertThat(readinessProbe("main", env)).as("main's second pass").isZero();
        awaitLine("main", "Working");
        TimelineEvent probed = step(events("main"), "Probed");
        assertThat(probed.detail()).as("main says both passed twice")
                .isEqualTo("Probed the readiness probes of main and the sidecar have each passed twice");

        main.destroy();
        awaitLine("main", "Terminating");
        assertThat(main.isAlive()).as("main still drains").isTrue();
        assertThat(readinessProbe("main", env)).as("main's probe fails from its SIGTERM on, while it drains").isEqualTo(1);
        assertThat(exitOf(main, "main")).as("main's exit").isEqualTo(143);
        assertThat(readinessProbe("sidecar", Map.of())).as("the sidecar's probe while it still serves").isZero();
        sidecar.destroy();
        assertThat(exitOf(sidecar, "sidecar")).isEqualTo(143);
        assertThat(readinessProbe("sidecar", Map.of())).as("the sidecar's probe once its service is gone").isEqualTo(1);
    }

    @Test
    void mainTrapsItsOwnStopSignalAndSaysWhichItGot() throws Exception {
        Process main = mainWorkingBesideASidecar("exec", Map.of("SC_WORK_SECONDS", "60", "SC_STOP_SIGNAL", "USR1"));

        signal("USR1", main);
        assertThat(exitOf(main, "main")).as("128 + SIGUSR1's number").isEqualTo(138);
        List<TimelineEvent> events = events("main");
        assertThat(events.get(events.size() - 1).detail()).as("exit line names the signal").isEqualTo("138 SIGUSR1");
    }

    @Test
    void aShellFormMainsWrappingShellDoesNotPassItsStopSignalOn() throws Exception {
        Process entrypoint = mainWorkingBesideASidecar("shell", Map.of("SC_WORK_SECONDS", "2", "SC_STOP_SIGNAL", "USR1"));

        signal("USR1", entrypoint); // to the container's first process, as the runtime sends a stop signal
        assertThat(exitOf(entrypoint, "main")).as("the wrapping shell has no trap and dies of SIGUSR1").isEqualTo(138);
        awaitLine("main", "Exiting");
        List<TimelineEvent> events = events("main");
        assertThat(events.get(events.size() - 1).detail()).as("the script never saw the signal and ended normally").isEqualTo("0");
    }

    @Test
    void sigtermStopsTheSidecarWith143AndItsService() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");

        sidecar.destroy(); // SIGTERM to the script, as the kubelet sends it
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar exit code").isEqualTo(143);
        List<TimelineEvent> events = events("sidecar");
        assertThat(events.get(events.size() - 1).kind()).as("last line").isEqualTo(EventKind.EXITING);
        assertThat(events.get(events.size() - 1).detail()).as("exit line").isEqualTo("143 SIGTERM");
        assertThat(events.get(events.size() - 2).detail()).as("the arrival line, written before the service is stopped")
                .isEqualTo("Terminating on SIGTERM: stopping its service");
        await().atMost(BOUND).alias("service gone").until(() -> !portAnswers());
    }

    @Test
    void aDrainingSidecarServesOnAfterSigtermForItsDrain() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of("SC_TERM_DRAIN_SECONDS", "3"));
        awaitLine("sidecar", "Ready");

        sidecar.destroy();
        awaitLine("sidecar", "Terminating");
        assertThat(portAnswers()).as("still serving during its drain").isTrue();
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar exit code").isEqualTo(143);
        List<TimelineEvent> events = events("sidecar");
        TimelineEvent term = events.get(events.size() - 2);
        TimelineEvent exit = events.get(events.size() - 1);
        assertThat(term.detail()).isEqualTo("Terminating on SIGTERM: stopping its service after a 3s drain");
        assertThat(java.time.Duration.between(term.time(), exit.time())).as("the drain, on the script's own clock")
                .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(2950));
        await().atMost(BOUND).alias("service gone").until(() -> !portAnswers());
    }

    @Test
    void shellFormKeepsSigtermFromTheScript() throws Exception {
        run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process entrypoint = run(mainCommand("shell"), "main", Map.of("SC_SHUTDOWN", "done-file", "SC_WORK_SECONDS", "2"));
        awaitLine("main", "Working");

        entrypoint.destroy(); // SIGTERM to the container's first process
        assertThat(exitOf(entrypoint, "main")).as("the wrapping shell has no trap and dies of SIGTERM").isEqualTo(143);
        awaitLine("main", "Exiting");
        List<TimelineEvent> events = events("main");
        assertThat(events.get(events.size() - 1).detail()).as("the script never saw SIGTERM and ended normally").isEqualTo("0");
        // The EXIT trap touches the file after the Exiting line: on a loaded machine, a moment later.
        await().atMost(BOUND).alias("done file from the normal exit").until(() -> java.nio.file.Files.exists(shared.resolve("done")));
    }

    @Test
    void execFormDeliversSigtermToTheScriptsTrap() throws Exception {
        run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process entrypoint = run(mainCommand("exec"), "main", Map.of("SC_SHUTDOWN", "done-file", "SC_WORK_SECONDS", "60"));
        awaitLine("main", "Working");

        entrypoint.destroy();
        assertThat(exitOf(entrypoint, "main")).as("main exit code on SIGTERM").isEqualTo(143);
        List<TimelineEvent> events = events("main");
        assertThat(events.get(events.size() - 1).detail()).as("exit line from the TERM trap").isEqualTo("143 SIGTERM");
        assertThat(shared.resolve("done")).as("EXIT trap touched the done file").exists();
    }

    @Test
    void shellFormPassesTheScriptsExitCodeOn() throws Exception {
        Process entrypoint = run(mainCommand("shell"), "main", Map.of("SC_WAIT_SECONDS", "1"));
        assertThat(exitOf(entrypoint, "main")).as("exit 3 of the script, through the wrapping shell").isEqualTo(3);
    }

    @Test
    void mainOomSwitchReportsTheAllocationAndItsResult() throws Exception {
        run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", new HashMap<>(Map.of("SC_FAULT_MAIN", "oom", "SC_OOM_MB", "1")));

        // No memory limit here: the allocation succeeds and main reports dd's exit code.
        assertThat(exitOf(main, "main")).as("main exit code").isZero();
        List<TimelineEvent> events = events("main");
        assertThat(words(events)).as("main's lines").containsExactly("STARTING", "Working", "Allocating", "EXITING");
        assertThat(events.get(2).detail()).as("allocation line").isEqualTo("Allocating 1MiB");
        assertThat(events.get(3).detail()).as("exit line").isEqualTo("0 allocation ended with 0");
    }

    @Test
    void strictClientExitsAtTheFirstFailedUse() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "2", "SC_CLIENT", "strict"));
        awaitLine("main", "Working");
        sidecar.destroy();
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar stopped").isEqualTo(143);
        await().atMost(BOUND).alias("service gone").until(() -> !portAnswers());

        assertThat(exitOf(main, "main")).as("main exit code").isEqualTo(4);
        List<TimelineEvent> events = events("main");
        assertThat(words(events)).as("main's lines: no retry").containsExactly("STARTING", "Working", "EXITING");
        assertThat(events.get(2).detail()).as("exit line").isEqualTo("4 second use of the sidecar failed");
    }

    @Test
    void tolerantClientRetriesUntilTheSidecarIsBackAndSaysHowLongItWasDown() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "1",
                "SC_CLIENT", "tolerant", "SC_RETRY_SECONDS", "20"));
        awaitLine("main", "Working");
        sidecar.destroy();
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar stopped").isEqualTo(143);
        awaitLine("main", "Retrying");
        assertThat(main.isAlive()).as("main keeps retrying while the sidecar is down").isTrue();
        long down = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(2)).atMost(BOUND).alias("still retrying after 2 s").until(main::isAlive);
        run("sidecar.sh", "sidecar2", Map.of("SC_STARTUP_SECONDS", "0"));

        assertThat(exitOf(main, "main")).as("main exit code after the sidecar came back").isZero();
        List<TimelineEvent> events = events("main");
        assertThat(words(events)).as("main's lines")
                .containsExactly("STARTING", "Working", "Retrying", "Recovered", "EXITING");
        assertThat(step(events, "Retrying").detail()).as("retry line").isEqualTo("Retrying second use failed (budget 20s)");
        assertThat(step(events, "Recovered").detail()).as("recovery line").matches("Recovered after [0-9]+s");
        int gap = Integer.parseInt(step(events, "Recovered").detail().replaceAll("\\D", ""));
        assertThat(gap).as("reported gap covers the time the sidecar was down").isGreaterThanOrEqualTo(2)
                .isLessThanOrEqualTo((int) elapsedSince(down).toSeconds() + 2);
        assertThat(Duration.between(step(events, "Retrying").time(), step(events, "Recovered").time()))
                .as("the timeline shows the gap").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void sidecarOomWaitsForMainsBusySpellAndTheStrictClientFailsAtTheCallItMeets() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of("SC_FAULT_SIDECAR", "oom", "SC_OOM_MB", "1"));
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "1",
                "SC_CLIENT", "strict", "SC_BUSY_SECONDS", "20", "SC_BUSY_PAUSE_SECONDS", "0.1"));
        awaitLine("main", "Working");
        assertThat(sidecar.isAlive()).as("the sidecar's fault waits for the busy spell, not for Working").isTrue();
        awaitLine("main", "Busy");
        // No memory limit here: the allocation ends, dd (exec'd in the script's place) exits, and the end of a
        // container's first process takes the rest with it, as the kernel does to a pid namespace: kill the group.
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar ended by its fault").isZero();
        new ProcessBuilder(BUSYBOX.toString(), "kill", "-9", "-" + sidecar.pid()).start().waitFor(5, TimeUnit.SECONDS);
        await().atMost(BOUND).alias("service gone").until(() -> !portAnswers());

        assertThat(exitOf(main, "main")).as("main exit code").isEqualTo(4);
        List<TimelineEvent> events = events("main");
        assertThat(words(events)).as("main's lines")
                .containsExactly("STARTING", "Working", "Busy", "Interrupted", "EXITING");
        assertThat(step(events, "Busy").detail()).isEqualTo("Busy back-to-back uses for up to 20s");
        assertThat(step(events, "Interrupted").detail()).matches("Interrupted call [1-9][0-9]* of the busy spell failed");
        assertThat(events.get(4).detail()).as("exit line").isEqualTo("4 second use of the sidecar failed");
        assertThat(words(events("sidecar"))).as("sidecar's lines").containsExactly("STARTING", "READY", "Allocating");
    }

    @Test
    void sidecarChildOomLetsAChildAllocateAndOutlivesItsKillWithItsServiceServingOn() throws Exception {
        // A fake dd that the kernel kills, as a cgroup v1 node does (one process, the largest: the allocating child).
        // busybox sh runs its own dd applet whatever the PATH says: the staged script calls the fake by its path.
        Path dd = dir.resolve("fake-dd");
        Files.writeString(dd, "#!%s sh\necho \"$@\" > %s\nkill -KILL $$\n".formatted(BUSYBOX, dir.resolve("dd.args")));
        assertThat(dd.toFile().setExecutable(true)).as("fake dd executable").isTrue();
        Path script = sc.resolve("sidecar.sh");
        String staged = Files.readString(script);
        assertThat(staged.split("\n    dd if=/dev/zero ", -1)).as("one allocating child in sidecar.sh").hasSize(2);
        Files.writeString(script, staged.replace("\n    dd if=/dev/zero ", "\n    " + dd + " if=/dev/zero "));
        Map<String, String> armed = Map.of("SC_FAULT_SIDECAR", "child-oom", "SC_OOM_MB", "256");
        Process sidecar = run("sidecar.sh", "sidecar", armed);
        awaitLine("sidecar", "Ready");

        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "0", "SC_CLIENT", "strict",
                "SC_BUSY_SECONDS", "3", "SC_BUSY_PAUSE_SECONDS", "0.1"));
        awaitLine("sidecar", "ChildEnded");
        assertThat(sidecar.isAlive()).as("the sidecar's script outlived its killed child").isTrue();
        assertThat(portAnswers()).as("its service serves on").isTrue();
        assertThat(Files.readString(dir.resolve("dd.args")).strip()).as("the child's allocation")
                .isEqualTo("if=/dev/zero of=/dev/null bs=256M count=1 iflag=fullblock");

        assertThat(exitOf(main, "main")).as("a strict main: every call of its busy spell was answered").isZero();
        assertThat(words(events("main"))).as("main's lines").containsExactly("STARTING", "Working", "Busy", "Unbroken", "EXITING");
        List<TimelineEvent> events = events("sidecar");
        assertThat(words(events)).as("sidecar's lines").containsExactly("STARTING", "READY", "Allocating", "ChildEnded");
        assertThat(step(events, "Allocating").detail()).isEqualTo("Allocating 256MiB in a child process");
        String scriptPid = events.get(0).detail().replace("pid=", "");
        assertThat(step(events, "ChildEnded").detail()).as("the child's end, written by the script itself")
                .matches("ChildEnded 137 the allocating child \\(pid [0-9]+\\) ended with 137; this script \\(pid "
                        + scriptPid + "\\) and its service run on");
        assertThat(shared.resolve("sidecar-oom-done")).as("the once-only marker on the emptyDir").exists();

        // A restarted sidecar finds the marker and serves without allocating again.
        signal("TERM", sidecar);
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar stopped").isEqualTo(143);
        await().atMost(BOUND).alias("service gone").until(() -> !portAnswers());
        run("sidecar.sh", "sidecar2", Map.of("SC_FAULT_SIDECAR", "child-oom", "SC_OOM_MB", "256", "SC_STARTUP_SECONDS", "0"));
        awaitLine("sidecar2", "Ready");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).alias("sidecar2 never allocates")
                .until(() -> lines("sidecar2").stream().noneMatch(l -> l.contains(" Allocating ")));
        assertThat(words(events("sidecar2"))).as("sidecar2's lines").containsExactly("STARTING", "READY");
    }

    @Test
    void tolerantClientEndsItsBusySpellOnceItRecovered() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "1",
                "SC_CLIENT", "tolerant", "SC_RETRY_SECONDS", "20", "SC_BUSY_SECONDS", "60", "SC_BUSY_PAUSE_SECONDS", "0.1"));
        awaitLine("main", "Busy");
        sidecar.destroy();
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar stopped").isEqualTo(143);
        awaitLine("main", "Retrying");
        run("sidecar.sh", "sidecar2", Map.of("SC_STARTUP_SECONDS", "0"));

        assertThat(exitOf(main, "main")).as("main exit code after the sidecar came back").isZero();
        assertThat(words(events("main"))).as("main's lines: the spell ends at the recovery, not after 60 s")
                .containsExactly("STARTING", "Working", "Busy", "Interrupted", "Retrying", "Recovered", "EXITING");
    }

    @Test
    void aBusySpellTheSidecarSurvivesSaysHowManyCallsItMade() throws Exception {
        run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "0",
                "SC_BUSY_SECONDS", "2", "SC_BUSY_PAUSE_SECONDS", "0.1"));

        assertThat(exitOf(main, "main")).as("main exit code").isZero();
        List<TimelineEvent> events = events("main");
        assertThat(words(events)).as("main's lines").containsExactly("STARTING", "Working", "Busy", "Unbroken", "EXITING");
        assertThat(step(events, "Unbroken").detail()).matches("Unbroken [1-9][0-9]* calls in 2s");
    }

    @Test
    void tolerantClientGivesUpWithExit4OnceItsBudgetIsSpent() throws Exception {
        Process sidecar = run("sidecar.sh", "sidecar", Map.of());
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "1",
                "SC_CLIENT", "tolerant", "SC_RETRY_SECONDS", "2"));
        awaitLine("main", "Working");
        sidecar.destroy();
        assertThat(exitOf(sidecar, "sidecar")).as("sidecar stopped").isEqualTo(143);

        assertThat(exitOf(main, "main")).as("main exit code").isEqualTo(4);
        List<TimelineEvent> events = events("main");
        assertThat(words(events)).as("main's lines").containsExactly("STARTING", "Working", "Retrying", "EXITING");
        assertThat(events.get(3).detail()).as("exit line").isEqualTo("4 second use of the sidecar failed for 2s");
        // main.sh times the budget in centiseconds of /proc/uptime from just after its Retrying line and naps 1 s before
        // each retry: the whole budget passes before it gives up, wherever in a second the line fell (with `date +%s`,
        // whole seconds, a 2 s budget once ended 1.004 s after that line). Less 20 ms: the clock's centiseconds and the
        // coarse file times of the lines.
        assertThat(Duration.between(events.get(2).time(), events.get(3).time())).as("retried for the whole budget")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1980)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aCheckThatAnswersLaterThanTheBoundCountsAsNotReady() throws Exception {
        AtomicReference<Duration> delay = new AtomicReference<>(Duration.ofMillis(2500));
        HttpServer service = slowService(delay);
        try {
            Process bounded = run("main.sh", "main", Map.of("SC_WAIT_SECONDS", "20", "SC_WORK_SECONDS", "0",
                    "SC_CHECK_TIMEOUT", "1"));
            awaitLine("main", "Waiting");
            delay.set(Duration.ZERO);
            assertThat(exitOf(bounded, "main")).as("main exit code once the service answers in time").isZero();
            assertThat(words(events("main"))).as("a 2.5 s answer was a failed first check")
                    .containsExactly("STARTING", "Waiting", "Working", "EXITING");

            delay.set(Duration.ofMillis(1500));
            Process lenient = run("main.sh", "main2", Map.of("SC_WAIT_SECONDS", "20", "SC_WORK_SECONDS", "0",
                    "SC_CHECK_TIMEOUT", "4"));
            assertThat(exitOf(lenient, "main2")).as("main2 exit code").isZero();
            assertThat(words(events("main2"))).as("with a 4 s bound a 1.5 s answer is ready at once: no Waiting")
                    .containsExactly("STARTING", "Working", "EXITING");
        } finally {
            service.stop(0);
        }
    }

    @Test
    void restartedDindSidecarRemovesStalePidFilesBeforeStartingDockerd() throws Exception {
        Path run = dir.resolve("run");
        Path fakes = fakeDocker(run);
        Files.writeString(run.resolve("docker.pid"), "4242\n");
        Files.createDirectories(run.resolve("docker/containerd"));
        Files.writeString(run.resolve("docker/containerd/containerd.pid"), "4243\n");
        Files.writeString(run.resolve("keep.pid"), "1\n");

        run("sidecar.sh", "sidecar", Map.of("SC_SIDECAR_KIND", "dind", "PATH", fakes + ":" + bin));
        awaitLine("sidecar", "Ready");

        assertThat(Files.readString(run.resolve("docker.pid")).strip()).as("docker.pid written by the new dockerd")
                .isNotEqualTo("4242");
        assertThat(Files.readString(run.resolve("docker/containerd/containerd.pid")).strip())
                .as("stale containerd pid file removed too").isNotEqualTo("4243");
        assertThat(run.resolve("keep.pid")).as("other pid files untouched").exists();
        assertThat(words(events("sidecar"))).as("sidecar's lines").containsExactly("STARTING", "READY");
    }

    @Test
    void dindSidecarChecksDockerOnlyOnceDockerdHasMadeItsSocket() throws Exception {
        Path run = dir.resolve("run");
        Path fakes = fakeDocker(run);
        run("sidecar.sh", "sidecar", Map.of("SC_SIDECAR_KIND", "dind", "PATH", fakes + ":" + bin,
                "FAKE_SOCKET_LATER", "1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(run.resolve("docker.pid")));
        // dockerd runs and docker would answer (a check every 0.1 s would call it), but there is no socket yet: for a
        // whole second no check may start a docker process
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> !Files.exists(run.resolve("calls")));

        Files.writeString(run.resolve("docker.sock"), "");
        awaitLine("sidecar", "Ready");
        assertThat(Files.readAllLines(run.resolve("calls"))).as("the one check once the socket is there")
                .containsExactly("-H unix://" + run.resolve("docker.sock") + " info");
    }

    @Test
    void dindSidecarThatDiesBeforeReadyExits5WithDockerdsLogTail() throws Exception {
        Path fakes = fakeDocker(dir.resolve("run"));
        Process sidecar = run("sidecar.sh", "sidecar", Map.of("SC_SIDECAR_KIND", "dind", "PATH", fakes + ":" + bin,
                "FAKE_DOCKERD_FAILS", "no space left on device"));

        assertThat(exitOf(sidecar, "sidecar")).as("sidecar exit code").isEqualTo(5);
        List<String> out = lines("sidecar");
        assertThat(out).as("dockerd's last words are in the container log")
                .contains("failed to start daemon: no space left on device");
        assertThat(out.get(out.size() - 1)).as("last line")
                .endsWith("sidecar Exiting 5 service process ended before it was ready");
    }

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    /** The proxy sidecar's environment: Debian's haproxy on the PATH beside busybox, free ports, the given upstream. */
    private Map<String, String> proxyEnv(int upstreamPort, Map<String, String> more) throws IOException {
        Skip.unless(Files.isExecutable(HAPROXY), "ContainerScriptsTest (proxy)",
                "/usr/sbin/haproxy not found; the proxy sidecar's tests run Debian's HAProxy: apt-get install haproxy");
        // beside the applets, as in the proxy image (kept out of @TempDir, which warns about every link)
        if (!Files.exists(bin.resolve("haproxy"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(bin.resolve("haproxy"), HAPROXY);
        }
        Map<String, String> env = new HashMap<>(Map.of("SC_SIDECAR_KIND", "proxy",
                "SC_UPSTREAM", "127.0.0.1:" + upstreamPort, "SC_PROXY_PORT", Integer.toString(proxyPort),
                "SC_PROXY_HEALTH_PORT", Integer.toString(healthPort), "SC_PROXY_ADMIN_PORT", Integer.toString(adminPort)));
        env.putAll(more);
        return env;
    }

    private int proxyPort;
    private int healthPort;
    private int adminPort;

    @BeforeEach
    void proxyPorts() throws IOException {
        proxyPort = freePort();
        healthPort = freePort();
        adminPort = freePort();
    }

    /** The upstream pod's stand-in: /ping answers pong after {@code delay}; {@code served} counts the answers. */
    private HttpServer upstream(int onPort, AtomicReference<Duration> delay, java.util.concurrent.atomic.AtomicInteger served)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 8);
        server.createContext("/ping", exchange -> {
            try {
                TimeUnit.MILLISECONDS.sleep(delay.get().toMillis()); // the remote service's own slowness
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "pong\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            served.incrementAndGet();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }

    /** An HTTP GET from this machine: its status, or -1 when nothing answers. */
    private static int status(int onPort, String path) {
        try {
            java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(
                    "http://127.0.0.1:" + onPort + path).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(10_000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void theProxySidecarForwardsMainsRequestsToTheUpstreamAndOnSigtermDrainsAsPilotAgentDoes() throws Exception {
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        int upstreamPort = freePort();
        HttpServer upstream = upstream(upstreamPort, new AtomicReference<>(Duration.ZERO), served);
        try {
            Process sidecar = run("sidecar.sh", "sidecar", proxyEnv(upstreamPort, Map.of("SC_PROXY_DRAIN_SECONDS", "2")));
            awaitLine("sidecar", "Ready");
            assertThat(status(healthPort, "/healthz/ready")).as("readiness while it serves").isEqualTo(200);
            assertThat(served.get()).as("readiness is the proxy's own, not the upstream's").isZero();
            assertThat(readinessProbe("sidecar", proxyEnv(upstreamPort, Map.of())))
                    .as("+ready: the proxy's exec readinessProbe passes on its readiness endpoint").isZero();

            Process main = run("main.sh", "main", proxyEnv(upstreamPort, Map.of("SC_WAIT_SECONDS", "5", "SC_WORK_SECONDS", "0")));
            assertThat(exitOf(main, "main")).as("main exit code").isZero();
            assertThat(words(events("main"))).as("main's lines").containsExactly("STARTING", "Working", "EXITING");
            assertThat(served.get()).as("main's two uses reached the upstream, through the proxy").isEqualTo(2);

            long term = System.nanoTime();
            sidecar.destroy(); // SIGTERM, as the runtime sends it
            awaitLine("sidecar", "Terminating");
            await().atMost(Duration.ofSeconds(1)).alias("readiness fails at once").until(() -> status(healthPort, "/healthz/ready") == 503);
            assertThat(readinessProbe("sidecar", proxyEnv(upstreamPort, Map.of())))
                    .as("+ready: the proxy's exec readinessProbe fails while it drains").isEqualTo(1);
            assertThat(status(proxyPort, "/ping")).as("while readiness fails, the proxy still forwards").isEqualTo(200);
            assertThat(sidecar.isAlive()).as("draining").isTrue();

            assertThat(exitOf(sidecar, "sidecar")).as("HAProxy's exit code after its soft stop").isZero();
            assertThat(elapsedSince(term)).as("it drained for SC_PROXY_DRAIN_SECONDS").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(status(proxyPort, "/ping")).as("nothing listens once it exited").isEqualTo(-1);

            List<TimelineEvent> events = events("sidecar");
            assertThat(words(events)).as("sidecar's lines").containsExactly("STARTING", "READY", "Terminating", "Stopping", "EXITING");
            assertThat(step(events, "Terminating").detail()).as("the SIGTERM line")
                    .isEqualTo("Terminating on SIGTERM: failing readiness, proxying on for 2s, then a soft stop");
            assertThat(step(events, "Stopping").detail()).as("the soft stop, with HAProxy's own count")
                    .matches("Stopping SIGUSR1 to haproxy after a 2s drain; it forwarded [1-9][0-9]* requests to the upstream"
                            + " during the drain, [0-9]+ in all");
            assertThat(events.get(4).detail()).as("exit line").isEqualTo("0 SIGTERM: drained 2s, then haproxy soft-stopped");
            assertThat(Duration.between(step(events, "Terminating").time(), step(events, "Stopping").time()))
                    .as("the drain, on the script's clock").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertNonDecreasing(events, "sidecar");
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void aRequestInFlightAtTheProxysSoftStopIsAnsweredAndTheSidecarExitsAfterIt() throws Exception {
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
        int upstreamPort = freePort();
        HttpServer upstream = upstream(upstreamPort, delay, served);
        try {
            Process sidecar = run("sidecar.sh", "sidecar", proxyEnv(upstreamPort, Map.of("SC_PROXY_DRAIN_SECONDS", "1")));
            awaitLine("sidecar", "Ready");
            delay.set(Duration.ofSeconds(3));
            long sent = System.nanoTime();
            java.util.concurrent.CompletableFuture<Integer> slow = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> status(proxyPort, "/ping"));
            await().atMost(BOUND).alias("the slow request in flight, unanswered").until(() -> served.get() == 0
                    && elapsedSince(sent).toMillis() > 300);
            sidecar.destroy();
            awaitLine("sidecar", "Stopping");
            assertThat(status(proxyPort, "/ping")).as("after the soft stop, no new connection").isEqualTo(-1);
            assertThat(slow.get(10, TimeUnit.SECONDS)).as("the request in flight at the soft stop is answered").isEqualTo(200);
            long answered = System.nanoTime();
            assertThat(exitOf(sidecar, "sidecar")).as("exit code").isZero();
            assertThat(elapsedSince(sent)).as("answered after the upstream's 3 s").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
            assertThat(elapsedSince(answered)).as("the sidecar exited only once the proxy was done").isLessThan(elapsedSince(sent));
            assertThat(step(events("sidecar"), "Stopping").time()).as("the soft stop came while the request was in flight")
                    .isBefore(events("sidecar").get(events("sidecar").size() - 1).time());
        } finally {
            upstream.stop(0);
        }
    }

    @Test
    void aStrictMainBehindAReadyProxyWhoseUpstreamIsGoneFailsItsFirstUse() throws Exception {
        int nothing = freePort();
        run("sidecar.sh", "sidecar", proxyEnv(nothing, Map.of()));
        awaitLine("sidecar", "Ready");
        Process main = run("main.sh", "main", proxyEnv(nothing, Map.of("SC_WAIT_SECONDS", "5", "SC_CLIENT", "strict")));

        assertThat(exitOf(main, "main")).as("the proxy is ready, but a use is a request the upstream must answer").isEqualTo(4);
        assertThat(events("main").get(events("main").size() - 1).detail()).isEqualTo("4 first use of the sidecar failed");
    }
}
