package io.sidecarconformance.verdict;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.timeline.EventKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How the pod was stopped: an eviction refused, the sidecar while main drained, a stop signal other than SIGTERM. */
class TerminationFindingsTest {

    private static Optional<String> finding(Decision d, FindingKind kind) {
        return d.findings().stream().filter(f -> f.kind() == kind).map(Finding::text).findFirst();
    }

    private static List<FindingKind> kinds(Decision d) {
        return d.findings().stream().map(Finding::kind).toList();
    }

    @Test
    void aSidecarThatAnsweredEveryUseWhileMainDrainedServedIt() {
        Decision d = Obs.slowMainDrain(true).decide();

        assertThat(d.outcome()).as("the deletion failed the Job").isEqualTo(Outcome.FAILED_BY_FAULT);
        assertThat(kinds(d)).as("served, not gone").contains(FindingKind.SIDECAR_SERVED_DRAIN)
                .doesNotContain(FindingKind.SIDECAR_GONE_IN_DRAIN);
        assertThat(finding(d, FindingKind.SIDECAR_SERVED_DRAIN)).get().asString()
                .contains("while main drained after its SIGTERM (+3.1s), it began 4 uses of the sidecar: 3 answered ok",
                        "use 4, begun 3.9s after main's SIGTERM, had no answer when main ended, 0.1s later"
                                + " (the slowest use to end took 1.6s)",
                        "main ended 4.0s after its SIGTERM", "the sidecar said SIGTERM +4.2s from main's, after main ended")
                .doesNotContain("failed");
    }

    @Test
    void aSidecarThatWentAtTheDeletionFailedMainsDrain() {
        Decision d = Obs.slowMainDrain(false).decide();

        assertThat(kinds(d)).as("gone, not served").contains(FindingKind.SIDECAR_GONE_IN_DRAIN)
                .doesNotContain(FindingKind.SIDECAR_SERVED_DRAIN);
        assertThat(finding(d, FindingKind.SIDECAR_GONE_IN_DRAIN)).get().asString()
                .contains("it began 3 uses of the sidecar: 1 answered ok", "use 2 failed 0.8s after main's SIGTERM",
                        "the sidecar said SIGTERM +0.0s from main's, before main ended")
                .doesNotContain("no answer");
    }

    @Test
    void aUseLeftUnansweredByASidecarAlreadyStoppingIsASidecarGoneAndBySidecarStillUpIsNot() {
        Obs hanging = Obs.slowMainDrain(true);
        // use 3 never answered: begun +1.8s after main's SIGTERM, main ended 2.2s later; the sidecar said SIGTERM after main ended
        hanging.events.removeIf(e -> e.detail().matches("Draining use (3 ok|4)"));
        Decision slow = hanging.decide();
        assertThat(kinds(slow)).as("a slow use of a sidecar not yet told to stop: no evidence it was gone")
                .contains(FindingKind.SIDECAR_SERVED_DRAIN).doesNotContain(FindingKind.SIDECAR_GONE_IN_DRAIN);
        assertThat(finding(slow, FindingKind.SIDECAR_SERVED_DRAIN)).get().asString()
                .contains("2 answered ok", "use 3", "no answer when main ended, 2.2s later", "after main ended");

        Obs stopping = Obs.slowMainDrain(true);
        stopping.events.removeIf(e -> e.detail().matches("Draining use (3 ok|4)") || e.container().equals("sidecar")
                && e.kind() == EventKind.STEP);
        stopping.at(6.0, "sidecar", EventKind.STEP, "Terminating on SIGTERM: stopping its service");
        Decision d = stopping.decide();
        assertThat(finding(d, FindingKind.SIDECAR_GONE_IN_DRAIN)).as("use 3 waited on a sidecar that said SIGTERM at +2.9s")
                .get().asString().contains("2 answered ok",
                        "no answer when main ended, 2.2s later (the slowest use to end took 0.6s)", "before main ended");
        assertThat(kinds(d)).doesNotContain(FindingKind.SIDECAR_SERVED_DRAIN);

        Obs cut = Obs.slowMainDrain(true);
        // a proxy that drains: told at +2.9s, it answers on; use 4 begun 0.1s before main ended, cut by main's exit
        cut.events.removeIf(e -> e.container().equals("sidecar") && e.kind() == EventKind.STEP);
        cut.at(6.0, "sidecar", EventKind.STEP, "Terminating on SIGTERM: failing readiness, proxying on for 5s");
        assertThat(kinds(cut.decide())).as("a use cut by main's exit, shorter than the slowest answered (1.6s)")
                .contains(FindingKind.SIDECAR_SERVED_DRAIN).doesNotContain(FindingKind.SIDECAR_GONE_IN_DRAIN);
    }

    @Test
    void aDrainWhoseOnlyUseNeverEndedIsUndecidedAndNoDrainLinesIsNoFinding() {
        Obs slow = Obs.slowMainDrain(true);
        slow.events.removeIf(e -> e.detail().matches("Draining use (\\d+ ok|[2-9])"));
        Decision undecided = slow.decide();
        assertThat(finding(undecided, FindingKind.SIDECAR_DRAIN_UNDECIDED)).as("one use, still running when main ended")
                .get().asString().contains("it began 1 use of the sidecar: 0 answered ok; use 1, begun");
        assertThat(kinds(undecided)).as("no answered use to compare its wait with, and none failed")
                .doesNotContain(FindingKind.SIDECAR_GONE_IN_DRAIN, FindingKind.SIDECAR_SERVED_DRAIN);

        Obs plain = Obs.slowMainDrain(true);
        plain.events.removeIf(e -> e.detail().startsWith("Draining"));
        assertThat(kinds(plain.decide())).as("a main that did not drain with the sidecar")
                .doesNotContain(FindingKind.SIDECAR_SERVED_DRAIN, FindingKind.SIDECAR_GONE_IN_DRAIN,
                        FindingKind.SIDECAR_DRAIN_UNDECIDED);
    }

    @Test
    void anEvictionTheApiRefusedIsAFindingOfACellThatRanOn() {
        Decision d = Obs.evictionRefused().decide();

        assertThat(d.outcome()).as("the pod was left to finish: what Kubernetes did, not an error").isEqualTo(Outcome.SUCCEEDED);
        assertThat(finding(d, FindingKind.EVICTION_REFUSED)).get().asString()
                .isEqualTo("at +3.1s, eviction refused by the API (429 Too Many Requests), the pod stays;"
                        + " PodDisruptionBudget sc-pdb then: disruptionsAllowed=0");
        assertThat(d.figures().terminationSeconds()).as("no deletion happened").isNull();
        assertThat(kinds(Obs.clean().decide())).doesNotContain(FindingKind.EVICTION_REFUSED);
    }

    @Test
    void aStopSignalOtherThanSigtermIsNamedWithWhatTheKubeletReportedAndWhatMainSaid() {
        assertThat(finding(Obs.stopSignal(true, true).decide(), FindingKind.STOP_SIGNAL)).as("exec form, honoured")
                .get().asString().isEqualTo("main: the kubelet reported stop signal SIGUSR1; it said SIGUSR1 +0.1s after the deletion");
        assertThat(finding(Obs.stopSignal(true, false).decide(), FindingKind.STOP_SIGNAL)).as("the signal came, unreported")
                .get().asString().isEqualTo("main: the kubelet reported no stop signal; it said SIGUSR1 +0.1s after the deletion");
        assertThat(finding(Obs.stopSignal(false, true).decide(), FindingKind.STOP_SIGNAL)).as("shell form: nothing reached the script")
                .get().asString().startsWith("main: the kubelet reported stop signal SIGUSR1; it wrote no line naming a signal and ended exit 137")
                .endsWith("after the deletion");
    }

    @Test
    void sigtermEverywhereIsNoStopSignalFinding() {
        Obs sigterm = Obs.stopSignal(true, true);
        sigterm.events.removeIf(e -> e.container().equals("main") && (e.kind() == EventKind.EXITING || e.kind() == EventKind.STATUS));
        sigterm.at(3.1, "main", EventKind.EXITING, "143 SIGTERM").at(2.05, "main", EventKind.STATUS, "stopSignal=SIGTERM");
        assertThat(kinds(sigterm.decide())).as("the kubelet reports SIGTERM and SIGTERM came").doesNotContain(FindingKind.STOP_SIGNAL);
        assertThat(kinds(Obs.slowMainDrain(true).decide())).as("no stop signal reported").doesNotContain(FindingKind.STOP_SIGNAL);
    }
}
