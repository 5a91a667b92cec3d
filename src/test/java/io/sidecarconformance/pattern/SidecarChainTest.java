package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sidecarconformance.pattern.JobFactoryTest.env;
import static io.sidecarconformance.pattern.JobFactoryTest.podSpec;
import static io.sidecarconformance.pattern.JobFactoryTest.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The patterns with several native sidecars: their order, their own services, their hooks. */
class SidecarChainTest {

    @Test
    void furtherSidecarsAreLightServicesOnTheirOwnPortsWhateverTheFirstIs() {
        for (SidecarKind kind : SidecarKind.values()) {
            PodSpec pod = podSpec(workload("native-multi", kind, Variant.parse("exec")));
            List<Container> init = pod.getInitContainers();

            assertThat(env(init.get(0), "SC_SIDECAR_KIND")).as("%s: the first is the row's sidecar", kind).isEqualTo(kind.id());
            assertThat(env(init.get(0), "SC_PORT")).as("%s: the first keeps the default port main uses", kind).isNull();
            assertThat(init.subList(1, 3)).as("%s: the others", kind).allSatisfy(c -> {
                assertThat(env(c, "SC_SIDECAR_KIND")).as("%s kind", c.getName()).isEqualTo("light");
                assertThat(env(c, "SC_NAME")).as("%s SC_NAME", c.getName()).isEqualTo(c.getName());
                assertThat(c.getImage()).as("%s image", c.getName()).isEqualTo("example.org/busybox:test");
                assertThat(c.getSecurityContext()).as("%s not privileged", c.getName()).isNull();
                assertThat(env(c, "SC_STARTUP_SECONDS")).as("%s start-up like the light sidecar's", c.getName()).isEqualTo("3");
            });
            assertThat(init.stream().skip(1).map(c -> env(c, "SC_PORT")).toList()).as("%s: own ports", kind)
                    .containsExactly("8081", "8082");
        }
    }

    @Test
    void probeVariantsProbeEverySidecarAndMainNever() {
        PodSpec probed = podSpec(workload("native-multi", SidecarKind.LIGHT, Variant.parse("exec+probe")));
        PodSpec plain = podSpec(workload("native-multi", SidecarKind.LIGHT, Variant.parse("exec")));

        assertThat(probed.getInitContainers()).as("+probe").allSatisfy(c ->
                assertThat(String.join(" ", c.getStartupProbe().getExec().getCommand())).as("%s probe", c.getName())
                        .contains("service_ok"));
        assertThat(plain.getInitContainers()).as("no +probe").allSatisfy(c -> assertThat(c.getStartupProbe()).isNull());
        assertThat(probed.getContainers().get(0).getStartupProbe()).as("main").isNull();
    }

    @Test
    void onlyThePreStopPatternGivesEverySidecarAHookThatWritesItsLine() {
        PodSpec hooked = podSpec(workload("native-multi-prestop", SidecarKind.LIGHT, Variant.parse("exec")));
        PodSpec plain = podSpec(workload("native-multi", SidecarKind.LIGHT, Variant.parse("exec")));

        assertThat(hooked.getInitContainers()).as("hooks").hasSize(3).allSatisfy(c ->
                assertThat(c.getLifecycle().getPreStop().getExec().getCommand()).as("%s preStop", c.getName())
                        .containsExactly("/bin/sh", "-c", ". /sc/lib.sh; prestop_hook " + ContainerFactory.PRESTOP_SECONDS));
        assertThat(hooked.getContainers().get(0).getLifecycle()).as("main has no hook").isNull();
        assertThat(plain.getInitContainers()).as("no hooks").allSatisfy(c -> assertThat(c.getLifecycle()).isNull());
    }

    @Test
    void shapingReachesAFurtherSidecarByNameAndNamesAreUnique() {
        WorkloadSpec spec = workload("native-multi", SidecarKind.LIGHT, Variant.parse("exec+probe"));
        spec.env("sidecar-3", "SC_DELAY_SECONDS", "9");

        assertThat(spec.sidecarNames()).as("start order").containsExactly("sidecar", "sidecar-2", "sidecar-3");
        assertThat(env(spec.moreSidecars().get(1), "SC_DELAY_SECONDS")).as("sidecar-3").isEqualTo("9");
        assertThat(env(spec.moreSidecars().get(0), "SC_DELAY_SECONDS")).as("sidecar-2 untouched").isNull();
        assertThat(env(spec.container(Role.SIDECAR), "SC_DELAY_SECONDS")).as("sidecar untouched").isNull();
        assertThrows(IllegalArgumentException.class, () -> spec.addSidecar(spec.moreSidecars().get(0)), "a second sidecar-2");
        assertThrows(IllegalArgumentException.class, () -> spec.env("sidecar-9", "X", "1"), "no such container");
        assertThrows(IllegalArgumentException.class, () -> new ContainerFactory(JobFactoryTest.IMAGES, SidecarKind.LIGHT,
                Variant.parse("exec")).moreSidecar(1), "sidecar 1 is the first sidecar");
    }

    @Test
    void anEphemeralPlacementTakesOneSidecarOnly() {
        WorkloadSpec spec = workload("ephemeral", SidecarKind.LIGHT, Variant.parse("exec"))
                .addSidecar(new ContainerFactory(JobFactoryTest.IMAGES, SidecarKind.LIGHT, Variant.parse("exec")).moreSidecar(2));
        assertThrows(IllegalArgumentException.class, () -> podSpec(spec));
    }
}
