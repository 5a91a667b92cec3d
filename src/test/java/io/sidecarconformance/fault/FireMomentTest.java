package io.sidecarconformance.fault;

import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** When a fault on a user's pod fires: on the timeline's main (the container that plays main, renamed), as the user chose. */
class FireMomentTest {

    static TimelineEvent event(String container, EventKind kind) {
        return new TimelineEvent(Instant.parse("2026-11-22T06:00:00Z"), container, kind, "x", EventSource.STATUS);
    }

    @Test
    void afterMainStartsFiresOnMainsRunningReportOnlyAfterItsDelay() {
        FireMoment after = new FireMoment.AfterMainStarts(Duration.ofSeconds(7));

        assertThat(after.firesOn(event("main", EventKind.RUNNING))).as("main running").isTrue();
        assertThat(after.firesOn(event("sidecar", EventKind.RUNNING))).as("the sidecar running").isFalse();
        assertThat(after.firesOn(event("runner", EventKind.RUNNING))).as("the pod's own name for main").isFalse();
        assertThat(after.firesOn(event("other-main", EventKind.RUNNING))).isFalse();
        for (EventKind kind : new EventKind[] {EventKind.TERMINATED, EventKind.LOG_MATCH, EventKind.STATUS, EventKind.OUTPUT}) {
            assertThat(after.firesOn(event("main", kind))).as("main %s", kind).isFalse();
        }
        assertThat(after.delay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(after.words()).isEqualTo("7 s after main's container was reported running (-Dworkload.fireAfterSeconds)");
    }

    @Test
    void onMainLogFiresOnMainsMarkAtOnce() {
        FireMoment onLog = new FireMoment.OnMainLog(Pattern.compile("Running job"));

        assertThat(onLog.firesOn(event("main", EventKind.LOG_MATCH))).as("main's mark").isTrue();
        assertThat(onLog.firesOn(event("sidecar", EventKind.LOG_MATCH))).as("a mark of another container").isFalse();
        assertThat(onLog.firesOn(event("runner", EventKind.LOG_MATCH))).isFalse();
        assertThat(onLog.firesOn(event("main", EventKind.RUNNING))).as("main running").isFalse();
        assertThat(onLog.firesOn(event("main", EventKind.OUTPUT))).as("main's output").isFalse();
        assertThat(onLog.delay()).isEqualTo(Duration.ZERO);
        assertThat(onLog.words()).isEqualTo("when a line of main's log first matched /Running job/ (-Dworkload.fireOn)");
    }
}
