package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.JobFactory;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.pattern.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each fault does to the spec before the Job is created. */
class FaultShapingTest {

    static final ImageSet IMAGES = new ImageSet("example.org/busybox:test", "example.org/dind:test", "example.org/proxy:test",
            "IfNotPresent");
    static final FaultSettings SETTINGS = new FaultSettings(7, 11);

    static WorkloadSpec shaped(String pattern, SidecarKind kind, String fault) {
        WorkloadSpec spec = Patterns.byId(pattern).workload(new ContainerFactory(IMAGES, kind, Variant.parse("exec")));
        Faults.byId(fault).shape(spec, kind, SETTINGS);
        return spec;
    }

    static PodSpec pod(WorkloadSpec spec) {
        return JobFactory.job("sc-job", spec, Map.of()).getSpec().getTemplate().getSpec();
    }

    static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }

    static Quantity memoryLimit(Container c) {
        return c.getResources() == null || c.getResources().getLimits() == null ? null : c.getResources().getLimits().get("memory");
    }

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void sidecarOomLimitsAndArmsOnlyTheSidecar(SidecarKind kind) {
        WorkloadSpec spec = shaped("native", kind, "sidecar-oom");
        Container sidecar = pod(spec).getInitContainers().get(0);
        Container main = pod(spec).getContainers().get(0);

        assertThat(memoryLimit(sidecar)).as("sidecar memory limit").isNotNull();
        assertThat(env(sidecar, "SC_FAULT_SIDECAR")).as("sidecar switch").isEqualTo("oom");
        assertThat(allocationExceedsLimit(sidecar)).as("sidecar allocation exceeds its limit").isTrue();
        assertThat(sidecar.getRestartPolicy()).as("shaping keeps the native sidecar's restartPolicy").isEqualTo("Always");

        assertThat(memoryLimit(main)).as("main has no memory limit").isNull();
        assertThat(env(main, "SC_FAULT_SIDECAR")).as("main not armed (sidecar switch)").isNull();
        assertThat(env(main, "SC_FAULT_MAIN")).as("main not armed").isNull();
        assertThat(env(sidecar, "SC_FAULT_MAIN")).as("sidecar has no main switch").isNull();
        assertThat(Faults.byId("sidecar-oom").targetsMain()).as("sidecar-oom does not target main").isFalse();
    }

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void sidecarChildOomArmsAChildOfTheSidecarWithSidecarOomsSizesAndBusySpell(SidecarKind kind) {
        WorkloadSpec child = shaped("native", kind, "sidecar-child-oom");
        WorkloadSpec own = shaped("native", kind, "sidecar-oom");
        Container sidecar = pod(child).getInitContainers().get(0);
        Container main = pod(child).getContainers().get(0);
        Container ownSidecar = pod(own).getInitContainers().get(0);
        Container ownMain = pod(own).getContainers().get(0);

        assertThat(env(sidecar, "SC_FAULT_SIDECAR")).as("sidecar switch: a child allocates").isEqualTo("child-oom");
        assertThat(memoryLimit(sidecar)).as("sidecar-oom's memory limit").isNotNull().isEqualTo(memoryLimit(ownSidecar));
        assertThat(env(sidecar, "SC_OOM_MB")).as("sidecar-oom's allocation").isEqualTo(env(ownSidecar, "SC_OOM_MB"));
        assertThat(allocationExceedsLimit(sidecar)).as("the child's allocation exceeds the sidecar's limit").isTrue();
        assertThat(sidecar.getRestartPolicy()).as("shaping keeps the native sidecar's restartPolicy").isEqualTo("Always");

        for (String busy : List.of("SC_BUSY_SECONDS", "SC_BUSY_PAUSE_SECONDS")) {
            assertThat(env(main, busy)).as("main's busy spell, as sidecar-oom's: %s", busy).isNotNull()
                    .isEqualTo(env(ownMain, busy));
        }
        assertThat(env(main, "SC_BUSY_SECONDS")).isEqualTo(Integer.toString(SidecarOomFault.BUSY_SECONDS));
        assertThat(memoryLimit(main)).as("main has no memory limit").isNull();
        assertThat(env(main, "SC_FAULT_SIDECAR")).as("main not armed (sidecar switch)").isNull();
        assertThat(env(main, "SC_FAULT_MAIN")).as("main not armed").isNull();

        Fault fault = Faults.byId("sidecar-child-oom");
        assertThat(fault.aim()).as("aimed at the sidecar").isEqualTo(io.sidecarconformance.result.Aim.SIDECAR);
        assertThat(fault.targetsMain()).as("a failed Job under it is FAILED, not the fault's doing").isFalse();
        assertThat(fault.needsRetryingClient()).as("only +tolerant rows, as sidecar-oom").isTrue();
        assertThat(fault.actsOnNode()).as("acts from inside the sidecar, not on the node").isFalse();
        assertThat(fault.figure()).as("no outage figure: the sidecar may never be down")
                .isEqualTo(io.sidecarconformance.result.ColumnFigure.OUTCOME);
    }

    @ParameterizedTest
    @EnumSource(SidecarKind.class)
    void mainOomLimitsAndArmsOnlyMain(SidecarKind kind) {
        WorkloadSpec spec = shaped("classic", kind, "main-oom");
        Container main = spec.container(Role.MAIN);
        Container sidecar = spec.container(Role.SIDECAR);

        assertThat(memoryLimit(main)).as("main memory limit").isNotNull();
        assertThat(env(main, "SC_FAULT_MAIN")).as("main switch").isEqualTo("oom");
        assertThat(allocationExceedsLimit(main)).as("main allocation exceeds its limit").isTrue();

        assertThat(memoryLimit(sidecar)).as("sidecar has no memory limit").isNull();
        assertThat(env(sidecar, "SC_FAULT_SIDECAR")).as("sidecar not armed").isNull();
        assertThat(env(sidecar, "SC_FAULT_MAIN")).as("sidecar has no main switch").isNull();
        assertThat(Faults.byId("main-oom").targetsMain()).as("main-oom targets main").isTrue();
    }

    @Test
    void dindGetsMoreHeadroomThanLight() {
        Quantity light = memoryLimit(shaped("classic", SidecarKind.LIGHT, "sidecar-oom").container(Role.SIDECAR));
        Quantity dind = memoryLimit(shaped("classic", SidecarKind.DIND, "sidecar-oom").container(Role.SIDECAR));
        assertThat(Quantity.getAmountInBytes(dind)).as("dind limit above light limit")
                .isGreaterThan(Quantity.getAmountInBytes(light));
    }

    @Test
    void delayedSidecarSetsTheDelayOnTheSidecarOnly() {
        WorkloadSpec spec = shaped("done-file", SidecarKind.LIGHT, "delayed-sidecar");
        assertThat(env(spec.container(Role.SIDECAR), "SC_DELAY_SECONDS")).as("sidecar delay")
                .isEqualTo(Integer.toString(SETTINGS.delaySeconds()));
        assertThat(env(spec.container(Role.MAIN), "SC_DELAY_SECONDS")).as("main not delayed").isNull();

        Faults.byId("delayed-sidecar").shape(spec, SidecarKind.LIGHT, new FaultSettings(3, 11));
        assertThat(spec.container(Role.SIDECAR).getEnv().stream().filter(e -> e.getName().equals("SC_DELAY_SECONDS")))
                .as("shaping twice replaces the delay").extracting(EnvVar::getValue).containsExactly("3");
    }

    @Test
    void sigtermSetsTheGracePeriodOfThePod() {
        assertThat(pod(shaped("pidfile", SidecarKind.LIGHT, "sigterm")).getTerminationGracePeriodSeconds())
                .as("grace period with sigterm").isEqualTo(SETTINGS.gracePeriodSeconds());
        assertThat(pod(shaped("pidfile", SidecarKind.LIGHT, "none")).getTerminationGracePeriodSeconds())
                .as("no grace period set without sigterm (cluster default)").isNull();
    }

    @Test
    void noFaultLeavesTheSpecAlone() {
        PodSpec shapedPod = pod(shaped("classic", SidecarKind.DIND, "none"));
        PodSpec plain = pod(Patterns.byId("classic").workload(new ContainerFactory(IMAGES, SidecarKind.DIND, Variant.parse("exec"))));
        assertThat(shapedPod).as("none leaves the pod spec as the pattern built it").isEqualTo(plain);
    }

    @Test
    void signalFaultsKeepMainWorkingPastTheScenariosWorkTime() {
        for (String fault : List.of("sigterm", "sigkill-main")) {
            // As a scenario does: its own work time first, then the fault's shaping.
            WorkloadSpec spec = Patterns.byId("done-file").workload(new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse("exec")))
                    .env(Role.MAIN, "SC_WORK_SECONDS", "3");
            Faults.byId(fault).shape(spec, SidecarKind.LIGHT, SETTINGS);
            List<String> work = spec.container(Role.MAIN).getEnv().stream()
                    .filter(e -> e.getName().equals("SC_WORK_SECONDS")).map(EnvVar::getValue).toList();
            assertThat(work).as("%s: one SC_WORK_SECONDS on main", fault).hasSize(1);
            assertThat(Long.parseLong(work.get(0))).as("%s: main works longer than the grace period", fault)
                    .isGreaterThan(SETTINGS.gracePeriodSeconds());
            assertThat(env(spec.container(Role.SIDECAR), "SC_WORK_SECONDS")).as("%s: sidecar untouched", fault).isNull();
        }
        assertThat(Faults.byId("sigkill-main").targetsMain()).as("sigkill-main targets main").isTrue();
        assertThat(Faults.byId("sigterm").targetsMain()).as("sigterm targets main").isTrue();
    }

    @Test
    void byIdResolvesEveryFaultAndRefusesUnknownOnesInOneLine() {
        Set<String> ids = Faults.all().stream().map(Fault::id).collect(Collectors.toSet());
        assertThat(ids).as("ids").hasSize(Faults.all().size())
                .contains("none", "sidecar-oom", "main-oom", "delayed-sidecar", "sigterm", "sigkill-main");
        for (Fault f : Faults.all()) {
            assertThat(Faults.byId(f.id())).as("byId(%s)", f.id()).isSameAs(f);
        }
        assertThatThrownBy(() -> Faults.byId("oom"))
                .isInstanceOf(IllegalArgumentException.class)
                .message().as("error message").doesNotContain("\n").contains("'oom'")
                .contains("none", "sidecar-oom", "main-oom", "delayed-sidecar", "sigterm", "sigkill-main");
    }

    /** The hog must allocate more than the limit, or no kernel OOM kill happens. */
    private static boolean allocationExceedsLimit(Container c) {
        BigDecimal limit = Quantity.getAmountInBytes(memoryLimit(c));
        BigDecimal allocation = BigDecimal.valueOf(Long.parseLong(env(c, "SC_OOM_MB"))).multiply(BigDecimal.valueOf(1024L * 1024));
        return allocation.compareTo(limit) > 0;
    }
}
