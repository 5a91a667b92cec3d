package io.sidecarconformance.workload;

import io.sidecarconformance.fault.WorkloadFaults;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in examples/ is a workload the reader takes, and its header's "Run:" and "Roles:" lines say what the
 * suite finds in it: the command a user copies gives the roles the header promises.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Pattern RUN = Pattern.compile("(?m)^# Run: +mvn verify -Dworkload=(\\S+)(.*)$");
    private static final Pattern ROLES = Pattern.compile("(?m)^# Roles: +(.+)$");

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void thereAreTheThreeKindsOfExample() throws IOException {
        assertThat(examples()).extracting(p -> p.getFileName().toString())
                .contains("arc-runner-dind.yaml", "gitlab-service.yaml", "buildkite-done-file.yaml");
    }

    @Test
    void everyExampleReadsAndHasTheRolesItsHeaderSays() throws IOException {
        for (Path example : examples()) {
            String text = Files.readString(example);
            Matcher run = RUN.matcher(text);
            Matcher roles = ROLES.matcher(text);
            assertThat(run.find()).as("%s has a '# Run: mvn verify -Dworkload=...' line", example).isTrue();
            assertThat(roles.find()).as("%s has a '# Roles:' line", example).isTrue();
            assertThat(Path.of(run.group(1))).as("%s: its Run line names it", example).isEqualTo(example);

            Workload workload = WorkloadFile.read(example);
            WorkloadRoles found = RoleFinder.find(workload, RoleNames.of(
                    property(run.group(2), RoleNames.MAIN_PROPERTY).orElse(null),
                    property(run.group(2), RoleNames.SIDECAR_PROPERTY).orElse(null)));
            assertThat(found.describe()).as("%s: roles found with its Run line", example).isEqualTo(roles.group(1).strip());
            assertThat(found.sidecar()).as("%s has a sidecar to aim at", example).isPresent();
            assertThat(workload.podSpec().getRestartPolicy()).as("%s: a pod that can complete", example).isEqualTo("Never");
        }
    }

    @Test
    void theMemoryFaultsApplyToEveryExample() throws IOException {
        for (Path example : examples()) {
            String text = Files.readString(example);
            Matcher run = RUN.matcher(text);
            assertThat(run.find()).isTrue();
            Workload workload = WorkloadFile.read(example);
            WorkloadRoles roles = RoleFinder.find(workload, RoleNames.of(
                    property(run.group(2), RoleNames.MAIN_PROPERTY).orElse(null),
                    property(run.group(2), RoleNames.SIDECAR_PROPERTY).orElse(null)));
            WorkloadFacts facts = WorkloadFacts.of(workload, roles);
            for (String id : List.of("none", "sidecar-oom", "main-oom", "sigterm", "sigkill-main", "delayed-sidecar")) {
                assertThat(WorkloadFaults.applicability(id, facts).inWords()).as("%s under %s", example, id).startsWith("applies");
            }
        }
    }

    @Test
    void theArcExampleIsTheNativeShapeOfSeed000() throws IOException {
        Workload arc = WorkloadFile.read(EXAMPLES.resolve("arc-runner-dind.yaml"));
        var dind = arc.podSpec().getInitContainers().stream().filter(c -> c.getName().equals("dind")).findFirst().orElseThrow();
        assertThat(dind.getRestartPolicy()).isEqualTo("Always");
        assertThat(dind.getStartupProbe().getExec().getCommand()).containsExactly("docker", "info");
        assertThat(dind.getImage()).isEqualTo("docker:dind");
        assertThat(arc.podSpec().getContainers().get(0).getImage()).startsWith("ghcr.io/actions/actions-runner");
        WorkloadFacts facts = WorkloadFacts.of(arc, RoleFinder.find(arc, RoleNames.none()));
        assertThat(io.sidecarconformance.workload.FaultNeed.NATIVE_SIDECAR_WITH_STARTUP_PROBE.missing(facts))
                .as("a native sidecar with a startupProbe").isEmpty();
    }

    private static Optional<String> property(String arguments, String name) {
        Matcher m = Pattern.compile("-D" + Pattern.quote(name) + "=(\\S+)").matcher(arguments);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
