package io.sidecarconformance.report;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.ScenarioResult;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the runs of one cell showed that the same cell on another column can be compared on, each fact with the number
 * of runs that showed it: the outcome (in the form the cell shows it), each finding kind, and the figures that are not
 * durations: each container's oom_score_adj, and whether each sidecar got SIGTERM more than {@link #MARGIN_SECONDS}
 * before main ended after the deletion (a duration moves from run to run; its order against main's end, outside that
 * margin, does not). Runs that ended in ERROR are left out: they say nothing of the pattern.
 *
 * @param counts in how many runs each fact was seen
 * @param runs   the runs counted (ERROR left out)
 */
record CellFacts(Map<Fact, Integer> counts, int runs) {

    /** Wider than the figures' 0.1 s rounding and the kubelet's whole-second end of a killed main. */
    static final double MARGIN_SECONDS = 1.0;

    private static final String MAIN = "main";
    static final String BEFORE_MAIN = "more than 1 s before main ended";
    static final String NOT_BEFORE_MAIN = "within 1 s of main's end, or after it";

    /** What a fact is about; the order in which a difference lists them. */
    enum Kind { OUTCOME, FINDING, OOM_SCORE_ADJ, SIGTERM }

    /** What is compared: the outcome, a finding kind, or a figure of one container. */
    record Dimension(Kind kind, String subject) implements Comparable<Dimension> {

        /** "outcome", "race at start", "oom_score_adj of sidecar", "SIGTERM to sidecar after the deletion". */
        String words() {
            return switch (kind) {
                case OUTCOME -> "outcome";
                case FINDING -> Legend.name(FindingKind.valueOf(subject));
                case OOM_SCORE_ADJ -> "oom_score_adj of " + subject;
                case SIGTERM -> "SIGTERM to " + subject + " after the deletion";
            };
        }

        @Override
        public int compareTo(Dimension other) {
            return Comparator.comparing(Dimension::kind).thenComparing(Dimension::subject).compare(this, other);
        }
    }

    /** One thing a run showed: a value of a dimension (a finding kind's only value is {@link #SEEN}). */
    record Fact(Dimension dimension, String value) implements Comparable<Fact> {
        @Override
        public int compareTo(Fact other) {
            return Comparator.comparing(Fact::dimension).thenComparing(Fact::value).compare(this, other);
        }
    }

    static final String SEEN = "seen";

    CellFacts {
        counts = Collections.unmodifiableMap(new TreeMap<>(counts == null ? Map.of() : counts));
    }

    static CellFacts of(CellRuns cell) {
        Map<Fact, Integer> counts = new TreeMap<>();
        int runs = 0;
        for (ScenarioResult run : cell.runs()) {
            OutcomeForm form = OutcomeForm.of(run);
            if (!form.isPatternForm()) {
                continue;
            }
            runs++;
            facts(run, form).forEach(fact -> counts.merge(fact, 1, Integer::sum));
        }
        return new CellFacts(counts, runs);
    }

    private static Set<Fact> facts(ScenarioResult run, OutcomeForm form) {
        Set<Fact> facts = new LinkedHashSet<>();
        facts.add(new Fact(new Dimension(Kind.OUTCOME, ""), form.name()));
        for (Finding finding : run.findings()) {
            facts.add(new Fact(new Dimension(Kind.FINDING, finding.kind().name()), SEEN));
        }
        Figures figures = run.figures();
        figures.oomScoreAdj().forEach((container, score) ->
                facts.add(new Fact(new Dimension(Kind.OOM_SCORE_ADJ, container), String.valueOf(score))));
        Double mainEnded = figures.exitAfterDeletionSeconds().get(MAIN);
        if (mainEnded != null) {
            figures.termAfterDeletionSeconds().forEach((container, term) -> {
                if (!container.equals(MAIN)) {
                    facts.add(new Fact(new Dimension(Kind.SIGTERM, container),
                            term < mainEnded - MARGIN_SECONDS ? BEFORE_MAIN : NOT_BEFORE_MAIN));
                }
            });
        }
        return facts;
    }

    /** The dimensions any run showed a value of. */
    Set<Dimension> dimensions() {
        Set<Dimension> dimensions = new LinkedHashSet<>();
        counts.keySet().forEach(f -> dimensions.add(f.dimension()));
        return dimensions;
    }

    /** In how many runs the fact was seen. */
    int count(Fact fact) {
        return counts.getOrDefault(fact, 0);
    }

    /** The values of a dimension the runs showed, most runs first. */
    List<String> values(Dimension dimension) {
        return counts.entrySet().stream().filter(e -> e.getKey().dimension().equals(dimension))
                .sorted(Map.Entry.<Fact, Integer>comparingByValue().reversed())
                .map(e -> e.getKey().value()).toList();
    }
}
