package io.sidecarconformance;

import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.suite.DefaultParallelism;
import io.sidecarconformance.input.FeatureCheck;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.input.ReportDirCheck;
import io.sidecarconformance.suite.SuiteConfig;
import io.sidecarconformance.suite.SuiteProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input is caught before any cluster work, with one line that names the problem and the choices. */
class InputValidationTest {

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-01T10:00:00Z");

    private static final String OUTLINE = """
            Feature: f
              Scenario Outline: <pattern>
                Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
                When its Job runs under the "%s" fault
                Then a verdict is recorded

                Examples: rows
                  | pattern | sidecar | variant |
                  | %s | %s | %s |
            """;

    private static final List<String> FIRST_GRID_PATTERNS = List.of("classic", "done-file", "pidfile", "native", "ephemeral");
    private static final List<String> FIRST_GRID_FAULTS =
            List.of("none", "sidecar-oom", "main-oom", "delayed-sidecar", "sigterm", "sigkill-main");

    @Test
    void theShippedFeatureFilesAreValidAndCoverEveryPatternUnderEveryFault() throws IOException {
        int rows = FeatureCheck.check(Path.of("features"));
        assertThat(rows).as("scenario rows in features/").isGreaterThanOrEqualTo(5 * 6);

        Set<String> covered = new HashSet<>();
        Pattern faultStep = Pattern.compile("under the \"([^\"]+)\" fault");
        try (var files = Files.list(Path.of("features"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                String text = Files.readString(f);
                Matcher m = faultStep.matcher(text);
                assertThat(m.find()).as("%s names its fault", f).isTrue();
                String fault = m.group(1);
                Patterns.all().forEach(p -> {
                    if (text.contains("| " + p.id() + " ")) {
                        covered.add(p.id() + "/" + fault);
                    }
                });
            }
        }
        // The first grid is complete: each of its patterns under each of its faults.
        Set<String> expected = new HashSet<>();
        FIRST_GRID_PATTERNS.forEach(p -> FIRST_GRID_FAULTS.forEach(f -> expected.add(p + "/" + f)));
        assertThat(covered).as("pattern x fault cells of the first grid covered by features/").containsAll(expected);
        // Later patterns and faults ask narrower questions (several sidecars, a deletion during start-up): each has
        // rows somewhere, chosen by its feature's text.
        Patterns.all().forEach(p -> assertThat(covered).as("pattern %s has rows", p.id()).anyMatch(c -> c.startsWith(p.id() + "/")));
        Faults.all().forEach(f -> assertThat(covered).as("fault %s has rows", f.id()).anyMatch(c -> c.endsWith("/" + f.id())));
    }

    @Test
    void unknownNamesInAFeatureFileAreReportedWithFileLineAndChoices(@TempDir Path dir) throws IOException {
        assertOneLineError(dir, OUTLINE.formatted("none", "clasic", "light", "exec"),
                "bad.feature:9: unknown pattern 'clasic'; known: classic, done-file, pidfile, native, ephemeral");
        assertOneLineError(dir, OUTLINE.formatted("oom", "classic", "light", "exec"),
                "bad.feature:4: unknown fault 'oom'; known: none, sidecar-oom, sidecar-child-oom, sidecar-early-crash,"
                        + " sidecar-crashloop, main-oom");
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "heavy", "exec"),
                "bad.feature:9: unknown sidecar 'heavy'; known: light, dind");
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "light", "probe"),
                "bad.feature:9: unknown variant 'probe'; known: exec, shell, exec+probe, shell+probe");
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "light", "exec+probe"),
                "bad.feature:9: variant 'exec+probe' does not apply to pattern 'classic'");
    }

    @Test
    void aMissingFeaturesFolderSaysWhereToRunFrom(@TempDir Path dir) {
        assertThatThrownBy(() -> FeatureCheck.check(dir.resolve("nope")))
                .hasMessageContaining("no features folder").hasMessageContaining("run from the repository root");
    }

    @Test
    void filterPropertiesAreValidatedAndApplied() {
        Properties p = new Properties();
        p.setProperty("patterns", "native, done-file");
        p.setProperty("faults", "none");
        SuiteConfig config = SuiteConfig.from(p, NOW);
        assertThat(config.reportDir()).as("default report folder").isEqualTo(Path.of("reports", config.runId()));
        assertThat(config.runId()).as("run id: its start, a random part, the cluster").matches("20261201-100000-[0-9a-z]+-default");
        assertThat(config.selects(new ScenarioKey("local:1.31", "native", "light", "exec", "none"))).isTrue();
        assertThat(config.selects(new ScenarioKey("local:1.31", "classic", "light", "exec", "none"))).isFalse();
        assertThat(config.selects(new ScenarioKey("local:1.31", "native", "light", "exec", "sigterm"))).isFalse();

        for (List<String> bad : List.of(
                List.of("patterns", "native,sidecarless", "-Dpatterns: unknown pattern 'sidecarless'"),
                List.of("faults", "sigint", "-Dfaults: unknown fault 'sigint'"),
                List.of("sidecars", "istio", "-Dsidecars: unknown sidecar 'istio'"),
                List.of("variants", "fork", "-Dvariants: unknown variant 'fork'"),
                List.of("scenario.timeoutSeconds", "soon", "-Dscenario.timeoutSeconds=soon is not a whole number"),
                List.of("fault.graceSeconds", "0", "-Dfault.graceSeconds=0 is not a whole number from 1"))) {
            Properties props = new Properties();
            props.setProperty(bad.get(0), bad.get(1));
            assertThatThrownBy(() -> SuiteConfig.from(props, NOW))
                    .as("-D%s=%s", bad.get(0), bad.get(1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(bad.get(2))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void containerTimingsAreValidatedAndReachTheReportParameters() {
        Properties p = new Properties();
        p.setProperty("sidecar.lightStartupSeconds", "5");
        p.setProperty("client.checkTimeoutSeconds", "2");
        p.setProperty("client.retrySeconds", "45");
        p.setProperty("sidecar.proxyDrainSeconds", "8");
        p.setProperty("probe.readinessPeriodSeconds", "2");
        var settings = SuiteConfig.from(p, NOW).settings();
        assertThat(settings.containers().lightStartupSeconds()).as("light start-up").isEqualTo(5);
        assertThat(settings.containers().checkTimeoutSeconds()).as("check bound").isEqualTo(2);
        assertThat(settings.containers().retrySeconds()).as("retry budget").isEqualTo(45);
        assertThat(settings.containers().proxyDrainSeconds()).as("proxy drain").isEqualTo(8);
        assertThat(settings.containers().readinessPeriodSeconds()).as("readiness probe period").isEqualTo(2);
        assertThat(settings.parameters())
                .as("legend entries")
                .containsEntry("light sidecar start-up (sidecar.lightStartupSeconds)", "5 s")
                .containsEntry("readiness check timeout, main and startupProbe (client.checkTimeoutSeconds)", "2 s")
                .containsEntry("tolerant client's retry budget (client.retrySeconds)", "45 s")
                .containsEntry("proxy sidecar's drain after its SIGTERM, readiness failing, before HAProxy's soft stop"
                        + " (sidecar.proxyDrainSeconds)", "8 s")
                .containsEntry("+ready: readinessProbe period of main and the sidecar (probe.readinessPeriodSeconds)", "2 s")
                .containsEntry("+ready: readinessProbe failure threshold, its timeout the check timeout"
                        + " (client.checkTimeoutSeconds) (fixed)", "1")
                .containsEntry("main waits for the sidecar (main.waitSeconds)", "60 s")
                .containsEntry("scenario deadline (scenario.timeoutSeconds)", "300 s");
        assertThat(settings.parameters().keySet()).as("every outcome-shaping parameter, in a stable order").containsExactly(
                "light sidecar start-up (sidecar.lightStartupSeconds)",
                "proxy sidecar's drain after its SIGTERM, readiness failing, before HAProxy's soft stop (sidecar.proxyDrainSeconds)",
                "main waits for the sidecar (main.waitSeconds)",
                "main works between its two uses (main.workSeconds)",
                "readiness check timeout, main and startupProbe (client.checkTimeoutSeconds)",
                "+ready: readinessProbe period of main and the sidecar (probe.readinessPeriodSeconds)",
                "tolerant client's retry budget (client.retrySeconds)",
                "stuck window after main ended (stuck.windowSeconds)",
                "Job window after the pod ended (fixed)",
                "scenario deadline (scenario.timeoutSeconds)",
                "delayed-sidecar delay (fault.delaySeconds)",
                "sigterm grace period (fault.graceSeconds)",
                "sigterm, sigkill-main: main works before its second use (fixed)",
                "sidecar-oom, sidecar-child-oom, main-oom: memory limit and allocation (fixed)",
                "sidecar-oom, sidecar-child-oom, main-oom: which process allocates, and what each kind of node kills (fixed)",
                "sidecar-oom, sidecar-child-oom: main's second use is a busy spell of calls 0.1 s apart, up to (fixed); the"
                        + " sidecar allocates when it begins; main retries a failed call for client.retrySeconds (every row"
                        + " is a retrying client): the cell says whether the sidecar served on or came back in time; under"
                        + " sidecar-oom 'sidecar down' says how long it was gone (kill to Ready again)",
                "sidecar-early-crash: crashing starts / each exits 1 after / startupProbe's first check after (fixed)",
                "sigterm-slow-main: main exits this long after SIGTERM (fixed)",
                "eviction-pdb: the disruption budget's status is awaited before the eviction, at most (fixed)",
                "stop-signal: main's lifecycle.stopSignal, on a pod with spec.os.name linux (fixed)",
                "delete-during-init: the last sidecar but one holds its service back (fixed)",
                "burstable-oom-scores: memory request of limit (fixed)",
                "sidecar-crashloop: backoffLimit / sidecar crashes / main works (fixed)",
                "kubelet-restart: main works after its first use (fixed)",
                "kubelet-restart: the kubelet is restarted this far into main's work (fixed)",
                "kubelet-restart-main-kill: main works after its first use and after a restart / the kubelet is restarted"
                        + " this far into main's work / the restarted kubelet must list the pod within, before main is"
                        + " SIGKILLed (fixed)",
                "done-file-rules, native-rules, native-restart-all: container restart rules (fixed)",
                "done-file, pidfile (and their -rules forms): the sidecar checks for the done file or main's pid every (fixed)",
                "native-multi, native-multi-prestop: each sidecar serves on after its SIGTERM for (fixed)",
                "+probe: startupProbe period and failure threshold (fixed)",
                "proxy: readinessProbe period and failure threshold, and the upstream pod's wait before the cell is ERROR (fixed)",
                "+ready: readinessProbe failure threshold, its timeout the check timeout (client.checkTimeoutSeconds) (fixed)");

        Properties none = new Properties();
        assertThat(SuiteConfig.from(none, NOW).settings().containers()).as("defaults")
                .isEqualTo(new io.sidecarconformance.pattern.ContainerSettings(3, 1, 30, 5, 1));

        for (List<String> bad : List.of(
                List.of("sidecar.lightStartupSeconds", "-1", "-Dsidecar.lightStartupSeconds=-1 is not a whole number from 0 to 120"),
                List.of("sidecar.lightStartupSeconds", "121", "-Dsidecar.lightStartupSeconds=121 is not a whole number from 0 to 120"),
                List.of("sidecar.lightStartupSeconds", "2.5", "-Dsidecar.lightStartupSeconds=2.5 is not a whole number"),
                List.of("client.checkTimeoutSeconds", "0", "-Dclient.checkTimeoutSeconds=0 is not a whole number from 1 to 30"),
                List.of("client.checkTimeoutSeconds", "31", "-Dclient.checkTimeoutSeconds=31 is not a whole number from 1 to 30"),
                List.of("client.retrySeconds", "0", "-Dclient.retrySeconds=0 is not a whole number from 1 to 600"),
                List.of("client.retrySeconds", "forever", "-Dclient.retrySeconds=forever is not a whole number"),
                List.of("sidecar.proxyDrainSeconds", "-1", "-Dsidecar.proxyDrainSeconds=-1 is not a whole number from 0 to 600"),
                List.of("sidecar.proxyDrainSeconds", "601", "-Dsidecar.proxyDrainSeconds=601 is not a whole number from 0 to 600"),
                List.of("probe.readinessPeriodSeconds", "0", "-Dprobe.readinessPeriodSeconds=0 is not a whole number from 1 to 60"))) {
            Properties props = new Properties();
            props.setProperty(bad.get(0), bad.get(1));
            assertThatThrownBy(() -> SuiteConfig.from(props, NOW))
                    .as("-D%s=%s", bad.get(0), bad.get(1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(bad.get(2))
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void parallelIsAWholeNumberFromOneAndCucumbersPoolNeverFailsOnIt() {
        assertThat(SuiteConfig.from(new Properties(), NOW).parallel()).as("default: the machine's")
                .isEqualTo(DefaultParallelism.ofThisMachine());
        assertThat(SafeParallelism.parse("")).as("Cucumber's pool without -Dparallel (pom.xml passes it empty)")
                .isEqualTo(DefaultParallelism.ofThisMachine());
        for (String bad : List.of("0", "-2", "two", "65")) {
            Properties props = new Properties();
            props.setProperty("parallel", bad);
            assertThatThrownBy(() -> SuiteConfig.from(props, NOW))
                    .as("-Dparallel=%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Dparallel=" + bad + " is not a whole number from 1 to " + SuiteProperties.MAX_PARALLEL);
            assertThat(SafeParallelism.parse(bad)).as("Cucumber's pool for -Dparallel=%s: one thread, the run says why", bad)
                    .isEqualTo(1);
        }
        assertThat(SafeParallelism.parse("3")).as("a good value").isEqualTo(3);
    }

    @Test
    void repeatIsAWholeNumberFromOneAndDefaultsToOne() {
        assertThat(SuiteConfig.from(new Properties(), NOW).repeat()).as("default").isEqualTo(1);
        Properties three = new Properties();
        three.setProperty("repeat", " 3 ");
        assertThat(SuiteConfig.from(three, NOW).repeat()).as("-Drepeat=3").isEqualTo(3);
        for (String bad : List.of("0", "-1", "three", "2.5", "101")) {
            Properties props = new Properties();
            props.setProperty("repeat", bad);
            assertThatThrownBy(() -> SuiteConfig.from(props, NOW))
                    .as("-Drepeat=%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Drepeat=" + bad + " is not a whole number from 1 to " + SuiteProperties.MAX_REPEAT
                            + "; leave it out for the default 1");
        }
    }

    @Test
    void anUnwritableReportFolderIsOneLineAndLeavesNothingBehind(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        for (Path bad : List.of(file, file.resolve("reports/run"), Path.of("/proc/sc-report-check/run"))) {
            assertThatThrownBy(() -> ReportDirCheck.check(bad))
                    .as("-Dreport.dir=%s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("-Dreport.dir=" + bad + " cannot be written (")
                    .hasMessageEndingWith("); choose a folder you can write to, e.g. -Dreport.dir=reports/mine")
                    .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
        }
        assertThatThrownBy(() -> ReportDirCheck.check(file.resolve("x"))).hasMessageContaining(file + " is a file, not a folder");

        Path fresh = dir.resolve("a/b/c");
        ReportDirCheck.check(fresh);
        try (var left = Files.list(dir)) {
            assertThat(left).as("what the check of a new folder left behind").containsExactly(file);
        }
        Files.createDirectories(fresh);
        ReportDirCheck.check(fresh);
        try (var left = Files.list(fresh)) {
            assertThat(left).as("an existing folder after the check").isEmpty();
        }
    }

    @Test
    void junitXmlIsNotWrittenWhenTheRunNeverStarted(@TempDir Path dir) throws IOException {
        Path xml = dir.resolve("report/junit.xml");
        try (var out = new JunitXmlReport.OpenedOnFirstWrite(xml)) {
            out.write("<testsuite/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(dir.resolve("report")).as("report folder of a run stopped by bad input").doesNotExist();
    }

    @Test
    void theTolerantTagMarksExactlyTheTolerantRows(@TempDir Path dir) throws IOException {
        String tagged = """
                Feature: f
                  Scenario Outline: <pattern>
                    Given the "<pattern>" pattern with a "<sidecar>" sidecar in the "<variant>" variant
                    When its Job runs under the "none" fault

                    @light @tolerant
                    Examples: rows
                      | pattern | sidecar | variant |
                      | %s | light | %s |
                """;
        Path f = dir.resolve("t.feature");
        Files.writeString(f, tagged.formatted("native", "exec+probe+tolerant"));
        assertThat(FeatureCheck.check(dir)).as("a tolerant row under @tolerant is fine").isEqualTo(1);

        assertOneLineError(dir, tagged.formatted("native", "exec+probe"),
                "bad.feature:9: variant 'exec+probe' is not tolerant but its Examples are tagged @tolerant");
        Files.delete(f);
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "light", "exec+tolerant"),
                "bad.feature:9: variant 'exec+tolerant' is tolerant but its Examples are not tagged @tolerant");
        assertOneLineError(dir, OUTLINE.formatted("none", "classic", "light", "exec+probe+tolerant"),
                "bad.feature:9: variant 'exec+probe+tolerant' does not apply to pattern 'classic'");
    }

    @Test
    void aFaultThatNeedsARetryingClientRefusesStrictRows(@TempDir Path dir) throws IOException {
        assertOneLineError(dir, OUTLINE.formatted("sidecar-oom", "native", "light", "exec"),
                "bad.feature:9: variant 'exec' has a strict client, but under sidecar-oom every row needs one that retries");
    }

    @Test
    void theShippedFeaturesOfferTolerantRowsWhereARestartOrALateSidecarMatters() throws IOException {
        for (String feature : List.of("sidecar-oom", "delayed-sidecar")) {
            String text = Files.readString(Path.of("features", feature + ".feature"));
            for (String row : List.of("| native    | light   | exec+tolerant ", "| native    | light   | exec+probe+tolerant ",
                    "| native    | dind    | exec+tolerant ", "| native    | dind    | exec+probe+tolerant ",
                    "| classic   | light   | exec+tolerant ", "| classic   | dind    | exec+tolerant ")) {
                assertThat(text).as("%s has the row %s", feature, row).contains(row);
            }
        }
        try (var files = Files.list(Path.of("features"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                // A user's own pod has none of our containers' timings: its cells are shaped by when the faults fire.
                boolean ownPod = f.getFileName().toString().equals("own-workload.feature");
                assertThat(Files.readString(f)).as("%s names the outcome-shaping timings", f)
                        .contains(ownPod ? List.of("-Dworkload.fireAfterSeconds", "-Dworkload.fireOn", "-Dfault.delaySeconds",
                                "-Dstuck.windowSeconds", "-Dscenario.timeoutSeconds")
                                : List.of("-Dsidecar.lightStartupSeconds", "-Dmain.waitSeconds", "-Dclient.checkTimeoutSeconds",
                                "-Dclient.retrySeconds"));
            }
        }
    }

    @Test
    void theShippedFeaturesRunTheProxySidecarClassicAndNativeUnderTheFaultsItsUsersMeetAndNameItsDrain() throws IOException {
        for (String feature : List.of("no-fault", "sigterm", "sigterm-slow-main", "sigkill-main", "sidecar-oom")) {
            boolean retrying = feature.equals("sidecar-oom");
            String text = Files.readString(Path.of("features", feature + ".feature"));
            for (String row : List.of("| classic   | proxy   | exec", "| native    | proxy   | exec",
                    "| native    | proxy   | exec+probe")) {
                assertThat(text).as("%s has the row %s", feature, row).contains(row + (retrying ? "+tolerant " : " "));
            }
            assertThat(text).as("%s: the proxy rows under their own tag", feature).contains("    @proxy" + (retrying ? " @tolerant" : "") + "\n");
        }
        long rows = FeatureCheck.rows(Path.of("features")).stream().filter(r -> r.sidecar().equals("proxy")).count();
        assertThat(rows).as("the proxy rows, all checked").isEqualTo(15);
        try (var files = Files.list(Path.of("features"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".feature")).toList()) {
                String text = Files.readString(f);
                if (text.contains("| proxy ")) {
                    assertThat(text).as("%s runs the proxy: it names the drain that shapes those cells", f)
                            .contains("-Dsidecar.proxyDrainSeconds");
                }
            }
        }
    }

    private static void assertOneLineError(Path dir, String feature, String expectedStart) throws IOException {
        Path f = dir.resolve("bad.feature");
        Files.writeString(f, feature);
        assertThatThrownBy(() -> FeatureCheck.check(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"))
                .satisfies(e -> assertThat(e.getMessage()).as("message").startsWith(f.toString().replace("bad.feature", "") + expectedStart));
    }
}
