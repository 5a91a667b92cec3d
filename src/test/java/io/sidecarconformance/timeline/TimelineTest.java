package io.sidecarconformance.timeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Relations on hand-built timelines; times are seconds after T0. */
class TimelineTest {

    static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    static TimelineEvent at(double seconds, String container, EventKind kind, String detail) {
        EventSource source = switch (kind) {
            case STARTING, READY, EXITING, STEP -> EventSource.LOG;
            default -> EventSource.STATUS;
        };
        return new TimelineEvent(T0.plusMillis(Math.round(seconds * 1000)), container, kind, detail, source);
    }

    static Timeline of(TimelineEvent... events) {
        return Timeline.of(List.of(events));
    }

    @Test
    void startsBeforeComparesFirstStarts() {
        Timeline t = of(
                at(1.0, "sidecar", EventKind.STARTING, "pid=1"),
                at(2.0, "main", EventKind.STARTING, "pid=1"),
                at(3.0, "main", EventKind.STARTING, "pid=1 again"));

        assertThat(t.startsBefore("sidecar", "main")).as("sidecar before main").isTrue();
        assertThat(t.startsBefore("main", "sidecar")).as("main before sidecar").isFalse();
    }

    @Test
    void startsBeforeAtTheSameInstantIsFalseBothWays() {
        Timeline t = of(at(1.0, "sidecar", EventKind.STARTING, ""), at(1.0, "main", EventKind.STARTING, ""));
        assertThat(t.startsBefore("sidecar", "main")).as("sidecar before main").isFalse();
        assertThat(t.startsBefore("main", "sidecar")).as("main before sidecar").isFalse();
    }

    @Test
    void startsBeforeWithMissingStarts() {
        Timeline t = of(at(1.0, "main", EventKind.STARTING, ""));
        assertThat(t.startsBefore("main", "sidecar")).as("b never started").isTrue();
        assertThat(t.startsBefore("sidecar", "main")).as("a never started").isFalse();
        assertThat(new Timeline().startsBefore("main", "sidecar")).as("empty timeline").isFalse();
    }

    @Test
    void startFallsBackToTheKubeletButPrefersTheContainersOwnLine() {
        Timeline onlyStatus = of(at(1.0, "sidecar", EventKind.RUNNING, ""), at(2.0, "main", EventKind.RUNNING, ""));
        assertThat(onlyStatus.startsBefore("sidecar", "main")).as("RUNNING used without Starting lines").isTrue();

        Timeline both = of(
                at(1.0, "main", EventKind.RUNNING, ""),
                at(1.5, "sidecar", EventKind.STARTING, ""),
                at(2.0, "main", EventKind.STARTING, ""));
        assertThat(both.started("main")).as("main's own Starting line wins").contains(T0.plusSeconds(2));
        assertThat(both.startsBefore("sidecar", "main")).as("sidecar's line before main's line").isTrue();
    }

    @Test
    void startsBeforeReady() {
        Timeline race = of(
                at(1.0, "sidecar", EventKind.STARTING, ""),
                at(1.2, "main", EventKind.STARTING, ""),
                at(4.0, "sidecar", EventKind.READY, ""));
        Timeline ordered = of(
                at(1.0, "sidecar", EventKind.STARTING, ""),
                at(1.2, "sidecar", EventKind.READY, ""),
                at(1.5, "main", EventKind.STARTING, ""));
        Timeline sameInstant = of(at(1.0, "sidecar", EventKind.READY, ""), at(1.0, "main", EventKind.STARTING, ""));
        Timeline neverReady = of(at(1.0, "sidecar", EventKind.STARTING, ""), at(1.2, "main", EventKind.STARTING, ""));
        Timeline mainNeverStarted = of(at(1.0, "sidecar", EventKind.READY, ""));

        assertThat(race.startsBeforeReady("main", "sidecar")).as("main before ready").isTrue();
        assertThat(ordered.startsBeforeReady("main", "sidecar")).as("ready before main").isFalse();
        assertThat(sameInstant.startsBeforeReady("main", "sidecar")).as("same instant").isFalse();
        assertThat(neverReady.startsBeforeReady("main", "sidecar")).as("sidecar never ready").isTrue();
        assertThat(mainNeverStarted.startsBeforeReady("main", "sidecar")).as("main never started").isFalse();
    }

    @Test
    void exitsBeforeUsesTheLastEndPreferringTheKubelet() {
        Timeline t = of(
                at(5.0, "main", EventKind.EXITING, "0"),
                at(5.3, "main", EventKind.TERMINATED, "exit=0"),
                at(7.0, "sidecar", EventKind.EXITING, "0 done file seen"),
                at(7.2, "sidecar", EventKind.TERMINATED, "exit=0"));
        assertThat(t.exitsBefore("main", "sidecar")).as("main first").isTrue();
        assertThat(t.exitsBefore("sidecar", "main")).as("sidecar first").isFalse();

        Timeline exitLineVsKubelet = of(
                at(3.0, "main", EventKind.EXITING, "0"),
                at(4.0, "sidecar", EventKind.TERMINATED, "exit=137"),
                at(6.0, "main", EventKind.TERMINATED, "exit=0"));
        assertThat(exitLineVsKubelet.ended("main")).as("main's end is the kubelet's report").contains(T0.plusSeconds(6));
        assertThat(exitLineVsKubelet.exitsBefore("sidecar", "main")).as("sidecar before main by the kubelet").isTrue();

        Timeline restarted = of(
                at(2.0, "sidecar", EventKind.TERMINATED, "exit=137"),
                at(4.0, "main", EventKind.TERMINATED, "exit=0"),
                at(6.0, "sidecar", EventKind.TERMINATED, "exit=0"));
        assertThat(restarted.exitsBefore("main", "sidecar")).as("the sidecar's last end counts").isTrue();
    }

    @Test
    void exitsBeforeEdgeCases() {
        Timeline sidecarRunsOn = of(at(5.0, "main", EventKind.TERMINATED, "exit=0"));
        assertThat(sidecarRunsOn.exitsBefore("main", "sidecar")).as("b never ended").isTrue();
        assertThat(sidecarRunsOn.exitsBefore("sidecar", "main")).as("a never ended").isFalse();

        Timeline same = of(at(5.0, "main", EventKind.TERMINATED, ""), at(5.0, "sidecar", EventKind.TERMINATED, ""));
        assertThat(same.exitsBefore("main", "sidecar")).as("same instant a,b").isFalse();
        assertThat(same.exitsBefore("sidecar", "main")).as("same instant b,a").isFalse();
    }

    @Test
    void runTogetherNeedsOverlappingLives() {
        Timeline overlap = of(
                at(0.0, "sidecar", EventKind.STARTING, ""), at(1.0, "main", EventKind.STARTING, ""),
                at(5.0, "main", EventKind.TERMINATED, ""), at(10.0, "sidecar", EventKind.TERMINATED, ""));
        Timeline disjoint = of(
                at(1.0, "main", EventKind.STARTING, ""), at(5.0, "main", EventKind.TERMINATED, ""),
                at(6.0, "sidecar", EventKind.STARTING, ""), at(10.0, "sidecar", EventKind.TERMINATED, ""));
        Timeline touching = of(
                at(1.0, "main", EventKind.STARTING, ""), at(5.0, "main", EventKind.TERMINATED, ""),
                at(5.0, "sidecar", EventKind.STARTING, ""));
        Timeline openEnded = of(at(1.0, "main", EventKind.STARTING, ""), at(3.0, "sidecar", EventKind.RUNNING, ""));
        Timeline oneNeverStarted = of(at(1.0, "main", EventKind.STARTING, ""));

        assertThat(overlap.runTogether("main", "sidecar")).as("overlap").isTrue();
        assertThat(overlap.runTogether("sidecar", "main")).as("overlap, symmetric").isTrue();
        assertThat(disjoint.runTogether("main", "sidecar")).as("disjoint").isFalse();
        assertThat(disjoint.runTogether("sidecar", "main")).as("disjoint, symmetric").isFalse();
        assertThat(touching.runTogether("main", "sidecar")).as("one starts as the other ends").isFalse();
        assertThat(openEnded.runTogether("main", "sidecar")).as("neither ended").isTrue();
        assertThat(oneNeverStarted.runTogether("main", "sidecar")).as("sidecar never started").isFalse();
    }

    @Test
    void restartedCountsStartsOrTheKubeletsRestartCount() {
        Timeline twoStarts = of(at(1.0, "sidecar", EventKind.STARTING, ""), at(4.0, "sidecar", EventKind.STARTING, ""),
                at(1.0, "main", EventKind.STARTING, ""));
        Timeline counted = of(at(1.0, "sidecar", EventKind.STARTING, ""),
                at(4.0, "sidecar", EventKind.STATUS, "restartCount=1"));
        Timeline otherFlags = of(at(1.0, "sidecar", EventKind.STARTING, ""),
                at(2.0, "sidecar", EventKind.STATUS, "ready=true"), at(2.0, "main", EventKind.STATUS, "restartCount=2"));

        assertThat(twoStarts.restarted("sidecar")).as("two Starting lines").isTrue();
        assertThat(twoStarts.restarted("main")).as("one Starting line").isFalse();
        assertThat(counted.restarted("sidecar")).as("restartCount status").isTrue();
        assertThat(otherFlags.restarted("sidecar")).as("another container's restart does not count").isFalse();
        assertThat(new Timeline().restarted("sidecar")).as("empty").isFalse();
    }

    @Test
    void eventsAreTimeSortedAndDeduplicated() {
        TimelineEvent late = at(3.0, "main", EventKind.EXITING, "0");
        TimelineEvent early = at(1.0, "main", EventKind.STARTING, "");
        TimelineEvent middle = at(2.0, "sidecar", EventKind.READY, "");
        Timeline t = new Timeline();
        t.add(late);
        t.add(early);
        t.add(middle);
        t.add(at(3.0, "main", EventKind.EXITING, "0")); // the same line read again by the final log sweep

        assertThat(t.events()).as("sorted, no duplicate").containsExactly(early, middle, late);
    }

    @Test
    void renderShowsEveryEventInTimeOrderWithOffsets() {
        List<TimelineEvent> events = new ArrayList<>(List.of(
                at(0.0, "suite", EventKind.ACTION, "create Job sc-job"),
                at(1.25, "sidecar", EventKind.READY, ""),
                at(0.5, "sidecar", EventKind.STARTING, "pid=1"),
                at(4.0, "main", EventKind.TERMINATED, "exit=0 reason=Completed"),
                at(4.5, "pod", EventKind.PHASE, "Succeeded"),
                at(5.0, "job", EventKind.JOB, "Complete")));
        String text = Timeline.of(events).render();
        List<String> lines = text.lines().toList();

        assertThat(lines).as("one line per event").hasSize(events.size());
        for (TimelineEvent e : events) {
            assertThat(text).as("rendering contains %s", e)
                    .containsPattern("(?m)^.*" + e.container() + "\\s+" + e.kind() + "\\s+" + e.source() + ".*"
                            + java.util.regex.Pattern.quote(e.detail()) + "$");
        }
        assertThat(lines.get(0)).as("first line").contains("+0.000s").contains("create Job sc-job");
        assertThat(lines.get(1)).as("second line").contains("+0.500s").contains("pid=1");
        assertThat(lines.get(2)).as("third line").contains("+1.250s").contains("READY");
        assertThat(lines.get(5)).as("last line").contains("+5.000s").contains("Complete");
        assertThat(new Timeline().render()).as("empty").isEqualTo("(empty timeline)");
    }

    @Test
    void renderDoesNotDependOnTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            String text = of(at(0.0, "main", EventKind.STARTING, ""), at(1.5, "main", EventKind.EXITING, "0")).render();
            assertThat(text).as("decimal point whatever the locale").contains("+1.500s").doesNotContain("+1,500s");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void betweenNeedsBothEnds() {
        Timeline t = of(at(1.0, "main", EventKind.STARTING, ""), at(3.5, "main", EventKind.TERMINATED, ""));
        assertThat(t.between(t.started("main"), t.ended("main"))).as("main's life")
                .hasValueSatisfying(d -> assertThat(d.toMillis()).isEqualTo(2500));
        assertThat(t.between(t.started("main"), t.ended("sidecar"))).as("missing end").isEmpty();
    }
}
