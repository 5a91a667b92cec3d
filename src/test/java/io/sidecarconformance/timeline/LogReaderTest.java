package io.sidecarconformance.timeline;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.sidecarconformance.timeline.TimelineTest.t;
import static org.assertj.core.api.Assertions.assertThat;

/** A user's main writes none of our event lines: the first of its lines that matches -Dworkload.fireOn is a mark. */
class LogReaderTest {

    private static final Clock CLOCK = Clock.fixed(t(20.0), ZoneOffset.UTC);

    private static List<TimelineEvent> read(LogReader reader, String... lines) {
        List<TimelineEvent> out = new ArrayList<>();
        for (String line : lines) {
            out.addAll(reader.line(line));
        }
        out.addAll(reader.end());
        return out;
    }

    @Test
    void theFirstMatchingLineIsOneLogMatchAndEveryLineIsStillKeptAsOutput() {
        LogReader reader = new LogReader("runner", CLOCK, line -> line.contains("Running job"));

        List<TimelineEvent> out = read(reader, "Listening for Jobs", "  Running job: build  ", "Running job: test", "Job done");

        assertThat(out).extracting(TimelineEvent::kind).as("one mark, then the output at the end")
                .containsExactly(EventKind.LOG_MATCH, EventKind.OUTPUT);
        TimelineEvent mark = out.get(0);
        assertThat(mark.container()).as("the container as the pod names it").isEqualTo("runner");
        assertThat(mark.detail()).as("the line, stripped").isEqualTo("Running job: build");
        assertThat(mark.source()).isEqualTo(EventSource.LOG);
        assertThat(mark.time()).as("when the runner read it").isEqualTo(t(20.0));
        assertThat(out.get(1).detail()).as("the matching lines are output too")
                .isEqualTo("Listening for Jobs | Running job: build | Running job: test | Job done");
    }

    @Test
    void aLongMatchingLineIsClipped() {
        String line = "Running job " + "x".repeat(400);
        List<TimelineEvent> out = read(new LogReader("runner", CLOCK, l -> l.startsWith("Running job")), line);

        assertThat(out.get(0).kind()).isEqualTo(EventKind.LOG_MATCH);
        assertThat(out.get(0).detail()).as("300 characters and an ellipsis").hasSize(301).endsWith("x…")
                .startsWith("Running job x");
    }

    @Test
    void withoutMarksNoLineIsALogMatch() {
        List<TimelineEvent> out = read(new LogReader("runner", CLOCK), "Running job: build", "Job done");

        assertThat(out).extracting(TimelineEvent::kind).containsExactly(EventKind.OUTPUT);
        assertThat(read(new LogReader("runner", CLOCK, line -> false), "Running job"))
                .noneMatch(e -> e.kind() == EventKind.LOG_MATCH);
    }

    @Test
    void whatTheApiOrTheKubeletWroteIntoTheStreamIsNoMark() {
        LogReader reader = new LogReader("runner", CLOCK, line -> line.contains("error") || line.contains("not found"));

        List<TimelineEvent> out = read(reader,
                "rpc error: code = NotFound desc = an error occurred when try to find container \"3ca768ac\": not found",
                "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"pods \\\"x\\\" not found\"}",
                "build error: exit 2");

        assertThat(out).filteredOn(e -> e.kind() == EventKind.LOG_MATCH).as("main's own line only")
                .singleElement().satisfies(e -> assertThat(e.detail()).isEqualTo("build error: exit 2"));
    }

    @Test
    void anEventLineThatMatchesIsAMarkAndItsEvent() {
        LogReader reader = new LogReader("main", CLOCK, line -> line.contains("Working"));

        List<TimelineEvent> out = read(reader, "SC-EVENT 2026-11-22 06:00:01.000000000 +0000 main Working 10s");

        assertThat(out).extracting(TimelineEvent::kind).containsExactly(EventKind.LOG_MATCH, EventKind.STEP);
    }
}
