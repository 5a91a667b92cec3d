package io.sidecarconformance.suite;

import io.sidecarconformance.fault.FireMoment;
import io.sidecarconformance.input.FeatureRow;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.scenario.OwnPod;
import io.sidecarconformance.scenario.ScenarioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static io.sidecarconformance.workload.OneLineAssert.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** -Dworkload and its companions, read and checked before any cluster work; the cells they select. */
class SuiteWorkloadsTest {

    static final String ARC = "examples/arc-runner-dind.yaml";
    static final String GITLAB = "examples/gitlab-service.yaml";
    private static final Instant NOW = Instant.parse("2026-12-06T16:00:00Z");

    @TempDir
    Path dir;

    /** The run's settings from -D properties given as name, value, name, value... */
    static SuiteConfig config(String... properties) {
        Properties p = new Properties();
        for (int i = 0; i < properties.length; i += 2) {
            p.setProperty(properties[i], properties[i + 1]);
        }
        return SuiteConfig.from(p, NOW);
    }

    /** The GitLab example, its sidecar named by the pod's annotation instead of -Dworkload.sidecar, as {@code name}. */
    static Path annotatedGitlab(Path dir, String name) throws IOException {
        String text = Files.readString(Path.of(GITLAB)).replace("    job.runner.gitlab.com/pod: example\n",
                "    job.runner.gitlab.com/pod: example\n  annotations:\n    sidecar-conformance.io/sidecar: svc-0\n");
        assertThat(text).as("annotated").contains("sidecar-conformance.io/sidecar: svc-0");
        return Files.writeString(dir.resolve(name), text);
    }

    private static void assertOneLine(Runnable read, String start) {
        assertThatThrownBy(read::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(start)
                .satisfies(e -> assertThat(e.getMessage()).as("one line").doesNotContain("\n"));
    }

    @Test
    void oneFileIsOneRowWithItsRolesAndItsCellsUnderEachFault() {
        SuiteConfig config = config("workload", ARC);
        SuiteWorkloads workloads = config.workloads();

        assertThat(workloads.pods()).singleElement().satisfies(pod -> {
            assertThat(OwnPod.rowId(pod.workload())).isEqualTo("workload:arc-runner-dind.yaml");
            assertThat(pod.roles().describe()).isEqualTo("main=runner sidecar=dind(native) init=init-dind-externals");
            assertThat(pod.fireOn()).as("no log pattern").isEmpty();
        });
        assertThat(workloads.when()).as("default moment").isEqualTo(new FireMoment.AfterMainStarts(Duration.ofSeconds(5)));
        assertThat(workloads.withPatterns()).isFalse();
        assertThat(config.values()).containsEntry("workload", ARC);

        List<ScenarioSpec> cells = workloads.cells("local:1.31", "sigkill-main", config.settings().faults());
        assertThat(cells).singleElement().satisfies(cell -> {
            assertThat(cell.key()).isEqualTo(new ScenarioKey("local:1.31", "workload:arc-runner-dind.yaml", "dind", "as-written",
                    "sigkill-main"));
            assertThat(cell.own()).as("a user's pod, not a pattern").isPresent();
            assertThat(cell.pattern()).isNull();
            assertThat(cell.fault().id()).isEqualTo("sigkill-main");
            assertThat(cell.fault().notRunBecause()).isEmpty();
        });
        assertThat(workloads.cells("local:1.31", "sigterm-slow-main", config.settings().faults()))
                .singleElement().satisfies(cell -> assertThat(cell.fault().notRunBecause()).as("NOT_APPLICABLE, not an error")
                        .hasValueSatisfying(why -> assertThat(why).contains("it changes how main answers SIGTERM")));
    }

    @Test
    void twoFilesAreTwoRowsInTheOrderGivenWithRolesFromThePodsAnnotations() throws IOException {
        Path gitlab = annotatedGitlab(dir, "gitlab-annotated.yaml");

        SuiteWorkloads workloads = config("workload", ARC + " , " + gitlab).workloads();

        assertThat(workloads.pods()).extracting(p -> OwnPod.rowId(p.workload()) + " " + p.roles().describe()).containsExactly(
                "workload:arc-runner-dind.yaml main=runner sidecar=dind(native) init=init-dind-externals",
                "workload:gitlab-annotated.yaml main=build sidecar=svc-0(classic)");
        assertThat(workloads.cells("kind:1.35", "none", config().settings().faults())).extracting(ScenarioSpec::key)
                .extracting(k -> k.pattern() + "/" + k.sidecar() + "/" + k.variant() + "/" + k.fault()).containsExactly(
                        "workload:arc-runner-dind.yaml/dind/as-written/none", "workload:gitlab-annotated.yaml/svc-0/as-written/none");
        assertThat(config("workload", gitlab.toString(), "workload.main", "svc-0").workloads().pods().get(0).roles().describe())
                .as("-Dworkload.* over the annotations").startsWith("main=svc-0 sidecar=build");
    }

    @Test
    void theFaultsFireWhenTheUserChose() {
        SuiteWorkloads onLog = config("workload", ARC, "workload.fireOn", "Running job").workloads();
        assertThat(onLog.when()).isInstanceOfSatisfying(FireMoment.OnMainLog.class,
                m -> assertThat(m.regex().pattern()).isEqualTo("Running job"));
        assertThat(onLog.pods().get(0).fireOn()).as("the timeline's mark").hasValueSatisfying(
                p -> assertThat(p.pattern()).isEqualTo("Running job"));
        assertThat(config("workload", ARC, "workload.fireAfterSeconds", "12").workloads().when())
                .isEqualTo(new FireMoment.AfterMainStarts(Duration.ofSeconds(12)));

        assertOneLine(() -> config("workload", ARC, "workload.fireOn", "Running job", "workload.fireAfterSeconds", "12"),
                "-Dworkload.fireOn and -Dworkload.fireAfterSeconds both given; choose one");
        assertOneLine(() -> config("workload", ARC, "workload.fireOn", "Running (job"),
                "-Dworkload.fireOn: not a regular expression (");
    }

    @Test
    void twoFilesOfOneNameAreOneLine() throws IOException {
        Path copy = Files.copy(Path.of(GITLAB), dir.resolve("gitlab-service.yaml"));

        assertThat(refusal(() -> config("workload", GITLAB + "," + copy, "workload.sidecar", "svc-0")))
                .startsWith("-Dworkload names two files called gitlab-service.yaml; give them different names");
    }

    @Test
    void aChosenFaultThatCannotApplyToAFileIsOneLine() {
        assertThat(refusal(() -> config("workload", ARC, "faults", "none,sigterm-slow-main")))
                .startsWith("fault sigterm-slow-main cannot apply to " + ARC + ": it changes how main answers SIGTERM")
                .contains("; faults that apply to it: -Dfaults=none,sidecar-oom,main-oom,delayed-sidecar,sigterm,eviction,eviction-pdb,sigkill-main,"
                        + "kubelet-restart,sigkill-sidecar");
        assertThat(config("workload", ARC, "faults", "none,sigkill-sidecar").faults()).containsExactlyInAnyOrder("none", "sigkill-sidecar");
        assertThat(config("faults", "sigkill-sidecar").faults()).as("a fault of users' pods alone, without -Dworkload")
                .containsExactly("sigkill-sidecar");
    }

    @Test
    void ownRowsRunOnlyWithAWorkloadAndPatternRowsThenOnlyWhenAskedFor() {
        ScenarioKey own = new ScenarioKey("local:1.31", FeatureRow.OWN_POD, "", "", "sigterm");
        ScenarioKey cell = new ScenarioKey("local:1.31", "workload:arc-runner-dind.yaml", "dind", "as-written", "sigterm");
        ScenarioKey ours = new ScenarioKey("local:1.31", "native", "light", "exec", "sigterm");

        SuiteConfig plain = config();
        assertThat(plain.selects(own)).as("without -Dworkload: the own-pod rows").isFalse();
        assertThat(plain.selects(cell)).isFalse();
        assertThat(plain.selects(ours)).as("our patterns' rows").isTrue();

        SuiteConfig withWorkload = config("workload", ARC);
        assertThat(withWorkload.selects(own)).as("with -Dworkload: the own-pod rows").isTrue();
        assertThat(withWorkload.selects(cell)).isTrue();
        assertThat(withWorkload.selects(ours)).as("our patterns' rows").isFalse();

        SuiteConfig both = config("workload", ARC, "workload.withPatterns", "true");
        assertThat(both.selects(own)).isTrue();
        assertThat(both.selects(ours)).as("-Dworkload.withPatterns=true").isTrue();

        SuiteConfig filtered = config("workload", ARC, "workload.withPatterns", "true", "faults", "none", "patterns", "classic");
        assertThat(filtered.selects(own)).as("-Dfaults filters the own-pod rows").isFalse();
        assertThat(filtered.selects(new ScenarioKey("local:1.31", FeatureRow.OWN_POD, "", "", "none"))).isTrue();
        assertThat(filtered.selects(new ScenarioKey("local:1.31", "native", "light", "exec", "none")))
                .as("-Dpatterns filters ours, not the own-pod rows").isFalse();
    }

    @Test
    void theLegendNamesWhenTheFaultsFireOnlyWhenThereArePods() {
        assertThat(config().workloads().parameters()).isEmpty();
        assertThat(config("workload", ARC, "workload.fireAfterSeconds", "7").workloads().parameters())
                .containsEntry("your own pods: when the faults fire (workload.fireAfterSeconds, workload.fireOn)",
                        "7 s after main's container was reported running (-Dworkload.fireAfterSeconds)")
                .containsEntry("your own pods: sidecar-oom, main-oom: the container's init gone within (fixed), else not injected", "30 s");
    }
}
