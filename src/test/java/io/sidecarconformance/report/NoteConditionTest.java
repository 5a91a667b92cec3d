package io.sidecarconformance.report;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoteConditionTest {

    /** A shell-form main under sigterm: SIGKILLed at the end of the grace period, the sidecar gone at once. */
    static final ScenarioResult RUN = new ScenarioResult(
            new ScenarioKey("local:1.31", "native", "light", "shell", "sigterm"), Outcome.FAILED_BY_FAULT, "r",
            List.of(new Finding(FindingKind.SLOW_TERMINATION, "the pod took 15.6s to go after deletion"),
                    new Finding(FindingKind.TERM_ORDER, "after deletion, SIGTERM reached sidecar at +15.0s")),
            new Figures(20.0, 0.0, 15.6, 15L, 0.2, "Failed", "Failed: BackoffLimitExceeded", 0.1, 0, null, 2.6,
                    Map.of("sidecar", 15.0), Map.of("main", 0, "sidecar", 0), Map.of("main", 137, "sidecar", 143),
                    Map.of("main", "Error", "sidecar", "Error"), Map.of("main", 15.2), null, Map.of()),
            List.of(event("main", EventKind.STARTING, "pid=7"), event("pod", EventKind.STATUS, "started=true"),
                    event("sidecar", EventKind.STATUS, "started=true"), event("sidecar", EventKind.STATUS, "started=true"),
                    event("sidecar", EventKind.EXITING, "143 SIGTERM")),
            Instant.EPOCH, "");

    private static TimelineEvent event(String container, EventKind kind, String detail) {
        return TimelineEvent.of(Instant.EPOCH, container, kind, detail, EventSource.STATUS);
    }

    private static String failure(String condition) {
        return NoteCondition.parse(condition).failure(RUN).orElse("holds");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            outcome=FAILED_BY_FAULT                       | holds
            outcome=SUCCEEDED                             | outcome=SUCCEEDED, but the outcome was FAILED_BY_FAULT
            outcome in STUCK,FAILED_BY_FAULT              | holds
            outcome in DROPPED,STUCK                      | outcome in DROPPED,STUCK, but the outcome was FAILED_BY_FAULT
            finding SLOW_TERMINATION                      | holds
            finding TERM_ORDER "reached sidecar at +15"   | holds
            finding RACE_AT_START                         | finding RACE_AT_START, but the run had no RACE_AT_START finding (its findings: SLOW_TERMINATION, TERM_ORDER)
            finding TERM_ORDER "before main exited"       | finding TERM_ORDER "before main exited", but its TERM_ORDER finding was: after deletion, SIGTERM reached sidecar at +15.0s
            no finding JOB_BEFORE_POD                     | holds
            no finding SLOW_TERMINATION                   | no finding SLOW_TERMINATION, but the run had SLOW_TERMINATION: the pod took 15.6s to go after deletion
            exit main=137                                 | holds
            exit main=143                                 | exit main=143, but exitCodes.main was 137
            exit sidecar-2=0                              | exit sidecar-2=0, but the run has no exitCodes.sidecar-2
            reason sidecar=Error                          | holds
            reason sidecar=OOMKilled                      | reason sidecar=OOMKilled, but reasons.sidecar was Error
            figure terminationSeconds>=14                 | holds
            figure terminationSeconds<2                   | figure terminationSeconds<2, but terminationSeconds was 15.6
            figure gracePeriodSeconds=15                  | holds
            figure restarts.main=0                        | holds
            figure restarts.main>0                        | figure restarts.main>0, but restarts.main was 0
            figure termAfterDeletionSeconds.sidecar<=15   | holds
            figure termAfterDeletionSeconds.sidecar<15    | figure termAfterDeletionSeconds.sidecar<15, but termAfterDeletionSeconds.sidecar was 15.0
            figure sidecarDownSeconds<1                   | figure sidecarDownSeconds<1, but the run has no sidecarDownSeconds
            figure podPhase=Failed                        | holds
            figure jobCondition="Failed: BackoffLimitExceeded" | holds
            figure podPhase=Succeeded                     | figure podPhase=Succeeded, but podPhase was Failed
            event main STARTING                           | holds
            event main STARTING "pid=1"                   | event main STARTING "pid=1", but the timeline has none (its main STARTING: pid=7)
            no event main EXITING                         | holds
            no event sidecar EXITING                      | no event sidecar EXITING, but the timeline has one: sidecar EXITING 143 SIGTERM
            event sidecar STATUS "started=true" >=2       | holds
            event sidecar STATUS "started=true" =1        | event sidecar STATUS "started=true" =1, but the timeline has 2
            event main TERMINATED                         | event main TERMINATED, but the timeline has none
            -                                             | holds
            """)
    void eachClauseKindHoldsOrSaysWhatTheRunHad(String condition, String expected) {
        assertThat(failure(condition)).as(condition).isEqualTo(expected);
    }

    @Test
    void clausesAreJoinedByAndAndTheFirstThatFailsIsNamed() {
        assertThat(failure("outcome=FAILED_BY_FAULT and exit main=137 and finding SLOW_TERMINATION")).isEqualTo("holds");
        assertThat(failure("exit main=137 and figure terminationSeconds<2 and outcome=SUCCEEDED"))
                .as("the first failing clause, not the later one")
                .isEqualTo("figure terminationSeconds<2, but terminationSeconds was 15.6");
        assertThat(failure("event sidecar EXITING \"143 and more\" and exit main=137"))
                .as("' and ' inside quotes does not join clauses")
                .isEqualTo("event sidecar EXITING \"143 and more\", but the timeline has none"
                        + " (its sidecar EXITING: 143 SIGTERM)");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            outcome=SUCEEDED                       | 'outcome=SUCEEDED': unknown Outcome SUCEEDED; known: SUCCEEDED, FAILED_BY_FAULT
            finding RACE                           | 'finding RACE': unknown FindingKind RACE; known: RACE_AT_START
            event main STARTED                     | 'event main STARTED': unknown EventKind STARTED; known: STARTING
            figure termination>=14                 | 'figure termination>=14': unknown figure termination; figures: completionSeconds
            figure restarts=1                      | 'figure restarts=1': figure restarts is per container: write restarts.<container>
            figure podPhase.main=Failed            | 'figure podPhase.main=Failed': figure podPhase is not per container
            figure podPhase>=1                     | 'figure podPhase>=1': podPhase is text: only = compares it
            figure terminationSeconds>=long        | 'figure terminationSeconds>=long': terminationSeconds is a number, not long
            no event main STARTING =0              | 'no event main STARTING =0': 'no event' takes no count
            outcome is SUCCEEDED                   | 'outcome is SUCCEEDED': not a clause; write one of: outcome=O
            outcome=SUCCEEDED and                  | 'outcome=SUCCEEDED and': not a clause
            ""                                     | '': not a clause
            """)
    void aClauseThatCannotBeReadSaysWhyAndWhatItCouldBe(String condition, String message) {
        assertThatThrownBy(() -> NoteCondition.parse(condition)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
