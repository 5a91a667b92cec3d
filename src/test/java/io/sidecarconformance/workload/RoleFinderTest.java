package io.sidecarconformance.workload;

import io.sidecarconformance.pattern.Placement;
import io.sidecarconformance.pattern.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.sidecarconformance.workload.OneLineAssert.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class RoleFinderTest {

    @TempDir
    Path dir;

    /** A pod of the given init containers (name, or name! for restartPolicy: Always) and regular containers. */
    private Workload pod(String inits, String regular) throws IOException {
        StringBuilder yaml = new StringBuilder("kind: Pod\nmetadata: {name: p}\nspec:\n  restartPolicy: Never\n");
        if (!inits.isEmpty()) {
            yaml.append("  initContainers:\n");
            for (String name : inits.split(",")) {
                yaml.append("    - {name: ").append(name.replace("!", "")).append(", image: x")
                        .append(name.endsWith("!") ? ", restartPolicy: Always" : "").append("}\n");
            }
        }
        yaml.append("  containers:\n");
        for (String name : regular.split(",")) {
            yaml.append("    - {name: ").append(name).append(", image: x}\n");
        }
        return WorkloadFile.read(Files.writeString(dir.resolve("pod.yaml"), yaml));
    }

    private WorkloadRoles roles(String inits, String regular, String main, String sidecar) throws IOException {
        return RoleFinder.find(pod(inits, regular), RoleNames.of(main, sidecar));
    }

    @Test
    void aSingleRegularContainerIsMainAndNativeSidecarsAreInitContainersThatRestartAlways() throws IOException {
        WorkloadRoles r = roles("stage,dind!,proxy!", "runner", null, null);
        assertThat(r.main()).as("main").isEqualTo("runner");
        assertThat(r.sidecars()).as("sidecars, in start order").containsExactly(
                new SidecarContainer("dind", Placement.NATIVE_INIT), new SidecarContainer("proxy", Placement.NATIVE_INIT));
        assertThat(r.sidecar()).as("the sidecar the faults aim at: the first native one")
                .contains(new SidecarContainer("dind", Placement.NATIVE_INIT));
        assertThat(r.plainInitContainers()).as("plain init containers: kept, no role").containsExactly("stage");
        assertThat(r.describe()).isEqualTo("main=runner sidecar=dind(native) other-sidecar=proxy(native) init=stage");
        assertThat(r.containerName(Role.MAIN)).contains("runner");
        assertThat(r.containerName(Role.SIDECAR)).contains("dind");
    }

    @Test
    void aPodWithoutSidecarHasMainAlone() throws IOException {
        WorkloadRoles r = roles("stage", "job", null, null);
        assertThat(r.sidecar()).as("no sidecar").isEmpty();
        assertThat(r.sidecars()).isEmpty();
        assertThat(r.containerName(Role.SIDECAR)).isEmpty();
        assertThat(r.describe()).isEqualTo("main=job init=stage");
    }

    @Test
    void withSeveralRegularContainersMainIsNamedAndTheOthersAreClassicSidecars() throws IOException {
        WorkloadRoles r = roles("", "build,helper,svc-0", "build", null);
        assertThat(r.main()).isEqualTo("build");
        assertThat(r.sidecars()).extracting(SidecarContainer::name).containsExactly("helper", "svc-0");
        assertThat(r.sidecars()).allMatch(s -> s.placement() == Placement.CONTAINER);
        assertThat(r.sidecar()).as("first classic sidecar by default").map(SidecarContainer::name).contains("helper");
        assertThat(roles("", "build,helper,svc-0", "build", "svc-0").sidecar()).as("named sidecar")
                .map(SidecarContainer::name).contains("svc-0");
    }

    @Test
    void nativeSidecarsComeBeforeClassicOnesAndTheNamedOneIsTheTarget() throws IOException {
        WorkloadRoles r = roles("proxy!", "main,logger", "main", "logger");
        assertThat(r.sidecars()).extracting(SidecarContainer::name).containsExactly("proxy", "logger");
        assertThat(r.sidecar()).contains(new SidecarContainer("logger", Placement.CONTAINER));
        assertThat(r.describe()).isEqualTo("main=main sidecar=logger(classic) other-sidecar=proxy(native)");
    }

    @Test
    void withTwoRegularContainersNamingTheSidecarMakesTheOtherMain() throws IOException {
        assertThat(roles("", "agent,dind", null, "dind").main()).isEqualTo("agent");
        assertThat(roles("", "dind,agent", null, "dind").main()).isEqualTo("agent");
    }

    @Test
    void severalRegularContainersWithoutMainNamedAreOneLine() {
        String line = refusal(() -> roles("", "build,helper,svc-0", null, null),
                "has 3 regular containers (build, helper, svc-0): say which is main with -Dworkload.main=<name>");
        assertThat(line).endsWith("the others are its classic sidecars");
        // Naming a sidecar settles main only when one regular container is left.
        refusal(() -> roles("", "build,helper,svc-0", null, "svc-0"), "has 3 regular containers");
    }

    @Test
    void aNameThatIsNotInTheSpecListsTheNamesThatAre() {
        assertThat(refusal(() -> roles("stage,dind!", "runner", "runer", null)))
                .isEqualTo("-Dworkload.main=runer: there is no container runer in " + dir.resolve("pod.yaml")
                        + "; main is one of the regular containers: runner (all containers: stage (init), dind (native sidecar), runner)");
        assertThat(refusal(() -> roles("stage,dind!", "runner", null, "dnd")))
                .isEqualTo("-Dworkload.sidecar=dnd: there is no container dnd in " + dir.resolve("pod.yaml")
                        + "; its sidecars are: dind");
    }

    @Test
    void aNameInTheWrongRoleIsOneLine() {
        refusal(() -> roles("stage,dind!", "runner", "dind", null),
                "-Dworkload.main=dind is a native sidecar", "main is one of the regular containers: runner");
        refusal(() -> roles("stage,dind!", "runner", "stage", null), "-Dworkload.main=stage is an init container");
        refusal(() -> roles("stage,dind!", "runner", null, "stage"),
                "-Dworkload.sidecar=stage is a plain init container (no restartPolicy: Always)", "its sidecars are: dind");
        refusal(() -> roles("", "agent,dind", "agent", "agent"), "-Dworkload.sidecar=agent is main; its sidecars are: dind");
        refusal(() -> roles("", "job", null, "job"), "-Dworkload.sidecar=job is main; the pod has no sidecar (all containers: job)");
    }

    @Test
    void blankNamesCountAsNotGiven() throws IOException {
        assertThat(roles("dind!", "runner", " ", "").main()).isEqualTo("runner");
        assertThat(RoleNames.of("  ", null)).isEqualTo(RoleNames.none());
    }
}
