package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.ContainerSettings;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.pattern.WorkloadSpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The run's container settings reach the containers even though ScenarioRun hands the pattern a default factory. */
class TimedPatternTest {

    private static String env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst().orElse(null);
    }

    @Test
    void theRunsTimingsReplaceTheFactoryDefaults() {
        TimedPattern timed = new TimedPattern(Patterns.byId("native"), new ContainerSettings(9, 4, 77));
        ContainerFactory defaults = new ContainerFactory(new ImageSet("b", "d", "Never"), SidecarKind.LIGHT,
                Variant.parse("exec+probe+tolerant"));

        WorkloadSpec w = timed.workload(defaults);

        assertThat(env(w.container(Role.SIDECAR), "SC_STARTUP_SECONDS")).as("light start-up").isEqualTo("9");
        assertThat(env(w.container(Role.MAIN), "SC_CHECK_TIMEOUT")).as("check bound").isEqualTo("4");
        assertThat(w.container(Role.SIDECAR).getStartupProbe().getTimeoutSeconds()).as("probe bound").isEqualTo(4);
        assertThat(env(w.container(Role.MAIN), "SC_RETRY_SECONDS")).as("retry budget").isEqualTo("77");
        assertThat(timed.id()).as("same id").isEqualTo("native");
        assertThat(timed.supports(Variant.parse("exec+probe"))).as("same support").isTrue();
        assertThat(new TimedPattern(Patterns.byId("classic"), ContainerSettings.defaults()).supports(Variant.parse("exec+probe")))
                .as("classic still refuses probes").isFalse();
    }
}
