package io.sidecarconformance.timeline;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.sidecarconformance.timeline.TimelineTest.at;
import static org.assertj.core.api.Assertions.assertThat;

/** A user's pod (-Dworkload) on the timeline: the containers that play main and the sidecar under the roles' names. */
class ContainerNamesTest {

    /** An ARC-style pod: runner is main, dind the sidecar; its log lines saying "Running job" are marks. */
    static final ContainerNames ARC = new ContainerNames(Map.of("runner", "main", "dind", "sidecar"),
            Optional.of(Pattern.compile("Running job")));

    @Test
    void theContainersThatPlayARoleAreRecordedUnderItsName() {
        assertThat(ARC.observed("runner")).isEqualTo("main");
        assertThat(ARC.observed("dind")).isEqualTo("sidecar");
        assertThat(ARC.observed("init-dind-externals")).as("a container with no role, as named").isEqualTo("init-dind-externals");
        assertThat(ARC.observed("pod")).as("the pod's own entries").isEqualTo("pod");
        assertThat(ARC.observed("job")).isEqualTo("job");
    }

    @Test
    void aContainerWithoutTheRoleWhoseNameItCarriesIsAnOther() {
        // main is "build", and a helper happens to be called "main"; "sidecar" is the name of no role-player.
        ContainerNames names = new ContainerNames(Map.of("build", "main", "svc-0", "sidecar"), Optional.empty());
        assertThat(names.observed("main")).as("not the main").isEqualTo("other-main");
        assertThat(names.observed("sidecar")).isEqualTo("other-sidecar");
        assertThat(names.observed("build")).isEqualTo("main");

        ContainerNames swapped = new ContainerNames(Map.of("sidecar", "main", "main", "sidecar"), Optional.empty());
        assertThat(swapped.observed("sidecar")).as("a role-player named after the other role").isEqualTo("main");
        assertThat(swapped.observed("main")).isEqualTo("sidecar");
    }

    @Test
    void anEventIsRenamedWithEverythingElseKept() {
        TimelineEvent seen = at(2.0, "runner", EventKind.TERMINATED, "exit=137 reason=Error").observed(TimelineTest.t(3.0));
        TimelineEvent recorded = ARC.observed(seen);
        assertThat(recorded.container()).isEqualTo("main");
        assertThat(recorded).as("all but the name").usingRecursiveComparison().ignoringFields("container").isEqualTo(seen);

        TimelineEvent phase = at(1.0, "pod", EventKind.PHASE, "Running");
        assertThat(ARC.observed(phase)).as("nothing to rename: the same event").isSameAs(phase);
    }

    @Test
    void ourPatternsContainersAreRecordedAsNamed() {
        ContainerNames asNamed = ContainerNames.asNamed();
        for (String name : new String[] {"main", "sidecar", "sidecar-2", "runner", "pod"}) {
            assertThat(asNamed.observed(name)).as(name).isEqualTo(name);
        }
        TimelineEvent e = at(1.0, "main", EventKind.RUNNING, "startedAt=x");
        assertThat(asNamed.observed(e)).isSameAs(e);
        assertThat(asNamed.marks("main").test("Running job")).as("no marks without a pattern").isFalse();
    }

    @Test
    void onlyMainsLinesAreMarks() {
        assertThat(ARC.marks("runner").test("12:00 Running job: build")).as("main's line that matches").isTrue();
        assertThat(ARC.marks("runner").test("Listening for jobs")).as("main's line that does not").isFalse();
        assertThat(ARC.marks("dind").test("Running job")).as("the sidecar's").isFalse();
        assertThat(ARC.marks("main").test("Running job")).as("a container called main that is not main").isFalse();
        assertThat(new ContainerNames(Map.of("build", "main"), Optional.empty()).marks("build").test("Running job"))
                .as("no pattern given").isFalse();
    }
}
