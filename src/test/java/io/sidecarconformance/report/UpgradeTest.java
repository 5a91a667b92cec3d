package io.sidecarconformance.report;

import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade rule on published runs (reports/2026-12-02-local, 3 runs a cell, with the shipped notes applied as the
 * merge applies them): the two upstream changes the issue names show as stable differences, each with its cause, and
 * what comes and goes between runs stays apart.
 */
class UpgradeTest {

    private static final Path PUBLISHED = Path.of("reports/2026-12-02-local");
    private static final Path NOTES = Path.of("clusters/local/report-notes.tsv");

    /** Read once: the published files are large. */
    private static final SuiteResults RUN = merged(List.of("1.28-sidecars", "1.29", "1.31", "1.32"));

    static SuiteResults merged(List<String> versions) {
        try {
            List<SuiteResults> inputs = new ArrayList<>();
            for (String version : versions) {
                inputs.add(ResultsJson.read(PUBLISHED.resolve(version).resolve("results.json")));
            }
            SuiteResults m = ResultsMerger.merge(inputs, List.of(), Instant.parse("2026-12-02T08:29:06Z")).results();
            return m.with(m.clusters(), m.measurements(), CellNotes.read(NOTES).apply(m.results()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidInputException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void from128WithTheGateOnTo129TheSidecarsGetSigtermOnlyOnceMainHasEndedKep753() {
        Upgrade.Comparison upgrade = Upgrade.between(RUN, "local:1.28-sidecars", "local:1.29");

        Upgrade.Difference slowMain = find(upgrade.stable(), "native", "light", "exec+probe", "sigterm-slow-main");
        assertThat(slowMain.stable()).extracting(c -> c.words("->")).as("the TERM order, stable")
                .containsExactly("SIGTERM to sidecar after the deletion: " + CellFacts.BEFORE_MAIN + " -> " + CellFacts.NOT_BEFORE_MAIN);
        assertThat(slowMain.causes(slowMain.stable())).as("its cause, from the note on 1.28-sidecars")
                .singleElement().satisfies(cause -> {
                    assertThat(cause.refs()).containsExactly("KEP-753");
                    assertThat(cause.column()).isEqualTo("local:1.28-sidecars");
                });
        assertThat(find(upgrade.stable(), "native-multi", "light", "exec+probe", "sigterm-slow-main").stable())
                .extracting(c -> c.dimension().words()).as("every sidecar of a chain, as one change")
                .containsExactly("SIGTERM to sidecar, sidecar-2, sidecar-3 after the deletion");
        assertThat(upgrade.stable()).as("nothing else changes in every run")
                .allSatisfy(d -> assertThat(d.stable()).allSatisfy(c -> assertThat(c.dimension().kind()).isEqualTo(CellFacts.Kind.SIGTERM)));
    }

    @Test
    void from131To132ARestartableInitContainersOomScoreFollowsThePodsKubernetes128029() {
        Upgrade.Comparison upgrade = Upgrade.between(RUN, "local:1.31", "local:1.32");

        assertThat(upgrade.stable()).as("the one stable difference").singleElement().satisfies(d -> {
            assertThat(List.of(d.row().pattern(), d.row().sidecar(), d.row().variant(), d.fault()))
                    .containsExactly("native", "light", "exec+probe", "burstable-oom-scores");
            assertThat(d.stable()).extracting(c -> c.words("->")).containsExactly("oom_score_adj of sidecar: 998 -> 916");
            assertThat(d.causes(d.stable())).singleElement().satisfies(cause -> assertThat(cause.refs()).containsExactly("kubernetes#128029"));
        });
        assertThat(ColumnDiff.text(RUN, "local:1.31", "local:1.32")).as("MergeReports --compare writes the same")
                .contains("Stable (seen in every run on one column, in none on the other):\n"
                        + "native | light | exec+probe | burstable-oom-scores: oom_score_adj of sidecar: 998 -> 916 (cause:"
                        + " kubernetes#128029, in the note on local:1.31)\n");
    }

    @Test
    void aPairThatDiffersInItsNodeOnlyHasNoUpstreamCause() throws Exception {
        Path v2 = Path.of("reports/2026-12-06-cgroup-v2");
        SuiteResults m = ResultsMerger.merge(List.of(ResultsJson.read(v2.resolve("local-1.37-more/results.json")),
                ResultsJson.read(v2.resolve("local-v2-1.37-more/results.json"))), List.of(), Instant.parse("2026-12-07T08:00:00Z")).results();
        SuiteResults run = m.with(m.clusters(), m.measurements(), CellNotes.read(NOTES).apply(m.results()));
        assertThat(Upgrade.sameKubernetes(run, "local:1.37", "local-v2:1.37")).as("v1.37.2 on both, no gates, no kubelet fields").isTrue();
        assertThat(Upgrade.sameKubernetes(RUN, "local:1.31", "local:1.32")).isFalse();

        Upgrade.Difference scores = find(Upgrade.between(run, "local:1.37", "local-v2:1.37").stable(),
                "native", "light", "exec+probe", "burstable-oom-scores");
        assertThat(scores.stable()).extracting(c -> c.words("->")).as("the node's memory: 24 GiB against the guest's 3 GiB")
                .containsExactly("oom_score_adj of main, sidecar: 916 -> 319");
        assertThat(scores.causes(scores.stable())).as("the note on local:1.37 names kubernetes#128029, which lies between"
                + " 1.31 and 1.32, not between two nodes of one build").isEmpty();

        List<ClusterInfo> gated = run.clusters().stream().map(c -> c.id().equals("local-v2:1.37")
                ? new ClusterInfo(c.id(), c.provider(), c.version(), c.serverVersion(), c.kubeletVersion(),
                        c.containerRuntime(), c.runcVersion(), c.cgroupVersion(), c.kernelVersion(), c.cni(), c.memoryOomGroup(),
                        "ContainerStopSignals=true", null, null)
                : c).toList();
        assertThat(Upgrade.sameKubernetes(run.with(gated, run.measurements(), run.results()), "local:1.37", "local-v2:1.37"))
                .as("the same build with a gate on (1.28 against 1.28-sidecars) may differ by an upstream change").isFalse();
    }

    @Test
    void aBadgeSeenInOneRunOfThreeIsTimingNotAStableDifference() {
        Upgrade.Comparison upgrade = Upgrade.between(RUN, "local:1.31", "local:1.32");
        GridLayout grid = GridLayout.of(RUN);
        GridLayout.Row row = new GridLayout.Row("native", "light", "exec+probe");
        CellRuns after = grid.cellAt(row, new GridLayout.Column("sidecar-oom", "local:1.32")).orElseThrow();

        assertThat(after.findingCounts()).as("on 1.32 the sidecar restarted in 1 of its 3 runs: the grid's badge ↻ 1/3")
                .containsEntry(io.sidecarconformance.result.FindingKind.SIDECAR_RESTARTED, 1);
        Upgrade.Difference oneInThree = find(upgrade.timing(), "native", "light", "exec+probe", "sidecar-oom");
        assertThat(oneInThree.timing()).extracting(c -> c.words("->")).containsExactly("sidecar restarted: in no run -> in 1 of 3");
        assertThat(oneInThree.stable()).as("nothing stable in that cell").isEmpty();
        assertThat(upgrade.stable()).as("so not in the stable list")
                .noneMatch(d -> d.row().equals(row) && d.fault().equals("sidecar-oom"));
    }

    @Test
    void aColumnAgainstItselfDiffersNowhereAndTheReverseUpgradeSwapsEachSide() {
        assertThat(Upgrade.between(RUN, "local:1.31", "local:1.31").differences()).isEmpty();
        Upgrade.Difference back = find(Upgrade.between(RUN, "local:1.32", "local:1.31").stable(),
                "native", "light", "exec+probe", "burstable-oom-scores");
        assertThat(back.stable()).extracting(c -> c.words("->")).containsExactly("oom_score_adj of sidecar: 916 -> 998");
    }

    @Test
    void levelsAreNoneSomeOrEvery() {
        assertThat(Upgrade.level(0, 3)).isEqualTo(Upgrade.Level.NONE);
        assertThat(Upgrade.level(1, 3)).isEqualTo(Upgrade.Level.SOME);
        assertThat(Upgrade.level(3, 3)).isEqualTo(Upgrade.Level.EVERY);
    }

    private static Upgrade.Difference find(List<Upgrade.Difference> list, String pattern, String sidecar, String variant, String fault) {
        return list.stream().filter(d -> d.row().equals(new GridLayout.Row(pattern, sidecar, variant)) && d.fault().equals(fault))
                .findFirst().orElseThrow(() -> new AssertionError(pattern + " / " + sidecar + " / " + variant + " under " + fault
                        + " not in " + list.stream().map(d -> d.row().name() + " " + d.fault()).toList()));
    }
}
