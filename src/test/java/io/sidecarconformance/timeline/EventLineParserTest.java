package io.sidecarconformance.timeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventLineParserTest {

    @Test
    void parsesALineWithNanoseconds() {
        TimelineEvent e = EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.663431600 +0000 main Exiting 0 second use done")
                .orElseThrow();

        assertThat(e.time()).as("time").isEqualTo(Instant.parse("2026-11-22T06:07:59.663431600Z"));
        assertThat(e.container()).as("container").isEqualTo("main");
        assertThat(e.kind()).as("kind").isEqualTo(EventKind.EXITING);
        assertThat(e.detail()).as("detail keeps exit code and words").isEqualTo("0 second use done");
        assertThat(e.source()).as("source").isEqualTo(EventSource.LOG);
    }

    @Test
    void parsesMicroAndMilliAndNoFraction() {
        assertThat(EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.663431 +0000 sidecar Ready").orElseThrow().time())
                .as("6 fraction digits").isEqualTo(Instant.parse("2026-11-22T06:07:59.663431Z"));
        assertThat(EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.066 +0000 sidecar Ready").orElseThrow().time())
                .as("3 fraction digits, leading zero kept").isEqualTo(Instant.parse("2026-11-22T06:07:59.066Z"));
        assertThat(EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.5 +0000 sidecar Ready").orElseThrow().time())
                .as("1 fraction digit").isEqualTo(Instant.parse("2026-11-22T06:07:59.500Z"));
        assertThat(EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59 +0000 sidecar Ready").orElseThrow().time())
                .as("no fraction").isEqualTo(Instant.parse("2026-11-22T06:07:59Z"));
    }

    @Test
    void appliesTheZoneOffset() {
        assertThat(EventLineParser.parse("SC-EVENT 2026-11-22 01:07:59.000000001 -0500 main Starting pid=1").orElseThrow().time())
                .as("negative offset").isEqualTo(Instant.parse("2026-11-22T06:07:59.000000001Z"));
        assertThat(EventLineParser.parse("SC-EVENT 2026-11-22 07:37:59.25 +0130 main Starting pid=1").orElseThrow().time())
                .as("positive offset with minutes").isEqualTo(Instant.parse("2026-11-22T06:07:59.250Z"));
    }

    @Test
    void fixedKindsDropTheirWordAndStepsKeepIt() {
        TimelineEvent starting = EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.1 +0000 main Starting pid=7").orElseThrow();
        TimelineEvent ready = EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.1 +0000 sidecar Ready").orElseThrow();
        TimelineEvent waiting = EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.1 +0000 main Waiting sidecar not ready").orElseThrow();
        TimelineEvent working = EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.1 +0000 main Working").orElseThrow();
        TimelineEvent delaying = EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.1 +0000 sidecar Delaying 15s").orElseThrow();

        assertThat(starting.kind()).as("Starting kind").isEqualTo(EventKind.STARTING);
        assertThat(starting.detail()).as("Starting detail").isEqualTo("pid=7");
        assertThat(ready.kind()).as("Ready kind").isEqualTo(EventKind.READY);
        assertThat(ready.detail()).as("Ready detail").isEmpty();
        assertThat(waiting.kind()).as("Waiting kind").isEqualTo(EventKind.STEP);
        assertThat(waiting.detail()).as("Waiting detail").isEqualTo("Waiting sidecar not ready");
        assertThat(working.kind()).as("Working kind").isEqualTo(EventKind.STEP);
        assertThat(working.detail()).as("Working detail").isEqualTo("Working");
        assertThat(delaying.detail()).as("Delaying detail").isEqualTo("Delaying 15s");

        // A child's end is a step of the container that outlived it, not the container's own Exiting.
        TimelineEvent childEnded = EventLineParser.parse("SC-EVENT 2026-11-22 06:07:59.1 +0000 sidecar ChildEnded 137 the"
                + " allocating child (pid 40) ended with 137").orElseThrow();
        assertThat(childEnded.kind()).as("ChildEnded kind").isEqualTo(EventKind.STEP);
        assertThat(childEnded.detail()).as("ChildEnded detail").isEqualTo("ChildEnded 137 the allocating child (pid 40) ended with 137");
    }

    @Test
    void toleratesSurroundingWhitespaceAndCarriageReturns() {
        assertThat(EventLineParser.parse("  SC-EVENT 2026-11-22 06:07:59.1 +0000 main Exiting 3 gave up\r"))
                .as("padded CRLF line").hasValueSatisfying(e -> assertThat(e.detail()).isEqualTo("3 gave up"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "hello world",
            "SC-EVENT",
            "SC-EVENT 2026-11-22 06:07:59.1 +0000 main",
            "SC-EVENT 2026-11-22 06:07:59.1 main Starting",
            "SC-EVENT 2026-11-22T06:07:59.1Z main Starting",
            "SC-EVENT 2026-13-22 06:07:59.1 +0000 main Starting",
            "SC-EVENT 2026-11-22 25:07:59.1 +0000 main Starting",
            "SC-EVENT 2026-11-22 06:07:59.1234567890 +0000 main Starting",
            "sc-event 2026-11-22 06:07:59.1 +0000 main Starting",
            "xSC-EVENT 2026-11-22 06:07:59.1 +0000 main Starting",
            "2026-11-22T06:07:59.000Z SC-EVENT 2026-11-22 06:07:59.1 +0000 main Starting",
            "SC-AGENT signalling pid 42 (sh /sc/main.sh) with KILL"
    })
    void rejectsAnythingElse(String line) {
        assertThat(EventLineParser.parse(line)).as("'%s'", line).isEmpty();
    }
}
