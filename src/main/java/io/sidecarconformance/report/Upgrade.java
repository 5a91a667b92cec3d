package io.sidecarconformance.report;

import io.sidecarconformance.report.CellFacts.Dimension;
import io.sidecarconformance.report.CellFacts.Fact;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changes from one column to another ("upgrade from 1.31 to 1.32"), cell by cell, on the facts of
 * {@link CellFacts}. The one rule, which the page's upgrade view and {@code MergeReports --compare} show:
 * <ul>
 *   <li>a fact (an outcome, a finding kind, a figure's value) is <b>stable</b> in a cell when every run showed it or
 *   none did, <b>timing-dependent</b> when some runs did (runs that ended in ERROR left out);</li>
 *   <li>a cell's dimension (its outcome, a finding kind, a container's figure) changed <b>stably</b> when some value of
 *   it was seen in every run on one column and in none on the other; it changed with <b>timing</b> when its values were
 *   seen in other runs otherwise (1 of 3 against none, 3 of 3 against 2 of 3); seen in some runs on both, in whatever
 *   counts, it did not change (the same instability).</li>
 * </ul>
 * A difference carries, as its upstream cause, each note on one of its two cells and not the other that names an
 * upstream change (KEP-753, kubernetes#128029, kubernetes/website#46808) and, unless the outcome changed, what changed
 * ({@link Difference#causes}); none when the two columns run the same Kubernetes build with the same feature gates
 * and kubelet settings ({@link #sameKubernetes}): such a pair differs in its node only (cgroup v1 against v2), and no
 * upstream change lies between them.
 */
final class Upgrade {

    /** The rule in words, for the page. */
    static final String RULE = "A cell is listed when its outcome, a finding or a figure that is not a duration (each"
            + " container's oom_score_adj; whether a sidecar got SIGTERM more than 1 s before main ended) differs between"
            + " the two columns. Stable: some value was seen in every run on one column and in none on the other."
            + " Timing-dependent: seen in some runs only (1 of 3 against none, 3 of 3 against 2 of 3); seen in some runs"
            + " on both it did not change. Runs that ended in ERROR are left out. A cause is a note on one of the two"
            + " cells, not on both, that names an upstream change and, unless the outcome changed, what changed; none"
            + " when both columns run the same Kubernetes build with the same gates and kubelet settings (they differ in"
            + " their node only)";

    private static final Pattern UPSTREAM = Pattern.compile("\\bKEP-\\d+\\b|\\b[A-Za-z][\\w.-]*(?:/[\\w.-]+)?#\\d+\\b");

    /** Whether a fact was seen in none, some or every run of a cell. */
    enum Level { NONE, SOME, EVERY }

    /** A dimension that changed, with what each column's runs showed of it, in words. */
    record Change(Dimension dimension, String before, String after) {
        /**
         * Whether a note explains this change (see {@link Difference#causes}): any note on one of the two cells, for an
         * outcome that changed (the note tells the cell's story); else one whose words name the dimension.
         */
        boolean namedIn(String note) {
            List<String> words = switch (dimension.kind()) {
                case OUTCOME -> List.of();
                case FINDING -> {
                    FindingKind kind = FindingKind.valueOf(dimension.subject());
                    String badge = OutcomeLook.badge(kind);
                    yield badge.isBlank() ? List.of(Legend.name(kind)) : List.of(Legend.name(kind), badge);
                }
                case OOM_SCORE_ADJ -> List.of("oom_score_adj");
                case SIGTERM -> List.of("SIGTERM");
            };
            return dimension.kind() == CellFacts.Kind.OUTCOME || words.stream().anyMatch(w -> Pattern.compile("(?<!\\w)" + Pattern.quote(w) + "(?![\\w])",
                    Pattern.CASE_INSENSITIVE).matcher(note).find());
        }

        /** "oom_score_adj of sidecar: 998 → 916", with the arrow given. */
        String words(String arrow) {
            return dimension.words() + ": " + before + " " + arrow + " " + after;
        }
    }

    /** A note on one of the two cells that names upstream changes ({@code refs}, in the order the note names them). */
    record Cause(String column, String note, List<String> refs) {
    }

    /**
     * A cell that differs: its stable changes, its timing-dependent ones, and the notes on one of its cells that name
     * upstream changes ({@link #causes(List)} picks those that speak of what changed).
     */
    record Difference(GridLayout.Row row, String fault, List<Change> stable, List<Change> timing, List<Cause> notes) {
        Difference withNotes(List<Cause> found) {
            return new Difference(row, fault, stable, timing, found);
        }

        /**
         * The notes that explain what changed: with an outcome that changed, every one; else those that name SIGTERM,
         * oom_score_adj, or a finding by its name or its badge. A note on a cell explains something of it, not
         * necessarily the change (a note on the Job's timing beside a change of TERM order).
         */
        List<Cause> causes(List<Change> changes) {
            return notes.stream().filter(cause -> changes.stream().anyMatch(change -> change.namedIn(cause.note()))).toList();
        }
    }

    /** A cell with runs (ERROR aside) on one of the two columns only: not compared. */
    record OneSided(GridLayout.Row row, String fault, String column) {
    }

    /**
     * @param compared  the cells with runs on both columns
     * @param oneSided  the cells with runs on only one of them, in row order, then fault order
     */
    record Comparison(String from, String to, List<Difference> differences, int compared, List<OneSided> oneSided) {

        /** The cells with a stable change, in row order, then fault order. */
        List<Difference> stable() {
            return differences.stream().filter(d -> !d.stable().isEmpty()).toList();
        }

        /** The cells with a timing-dependent change (a cell with both is in both lists, with its changes of each). */
        List<Difference> timing() {
            return differences.stream().filter(d -> !d.timing().isEmpty()).toList();
        }
    }

    private Upgrade() {
    }

    static Comparison between(SuiteResults run, String from, String to) {
        return between(run, GridLayout.of(run), from, to);
    }

    /** The same on a grid already laid out from {@code run} (the page compares many pairs on one grid). */
    static Comparison between(SuiteResults run, GridLayout grid, String from, String to) {
        return between(grid, run.catalog(), from, to, sameKubernetes(run, from, to));
    }

    /**
     * Whether both columns ran the same Kubernetes build (the API server's version) with the same feature gates and
     * kubelet settings: a pair that differs in its node only, where no upstream change can be a cause.
     */
    static boolean sameKubernetes(SuiteResults run, String from, String to) {
        Optional<ClusterInfo> a = run.clusters().stream().filter(c -> c.id().equals(from)).findFirst();
        Optional<ClusterInfo> b = run.clusters().stream().filter(c -> c.id().equals(to)).findFirst();
        return a.isPresent() && b.isPresent() && a.get().serverVersion() != null
                && a.get().serverVersion().equals(b.get().serverVersion())
                && Objects.equals(a.get().featureGates(), b.get().featureGates())
                && Objects.equals(a.get().kubeletConfig(), b.get().kubeletConfig());
    }

    private static Comparison between(GridLayout grid, Catalog catalog, String from, String to, boolean sameKubernetes) {
        List<Difference> differences = new ArrayList<>();
        int compared = 0;
        List<OneSided> oneSided = new ArrayList<>();
        for (GridLayout.Row row : grid.rows()) {
            for (String fault : grid.faults()) {
                Optional<CellRuns> before = grid.cellAt(row, new GridLayout.Column(fault, from));
                Optional<CellRuns> after = grid.cellAt(row, new GridLayout.Column(fault, to));
                CellFacts a = before.map(CellFacts::of).orElse(null);
                CellFacts b = after.map(CellFacts::of).orElse(null);
                boolean hasA = a != null && a.runs() > 0;
                boolean hasB = b != null && b.runs() > 0;
                if (hasA != hasB) {
                    oneSided.add(new OneSided(row, fault, hasA ? from : to));
                }
                if (!hasA || !hasB) {
                    continue;
                }
                compared++;
                difference(row, fault, a, b, catalog).ifPresent(d -> differences.add(d.withNotes(
                        sameKubernetes ? List.of() : causes(before.get(), after.get(), from, to))));
            }
        }
        return new Comparison(from, to, differences, compared, oneSided);
    }

    static Level level(int count, int runs) {
        return count == 0 ? Level.NONE : count >= runs ? Level.EVERY : Level.SOME;
    }

    private static Optional<Difference> difference(GridLayout.Row row, String fault, CellFacts a, CellFacts b, Catalog catalog) {
        Set<Dimension> dimensions = new TreeSet<>(a.dimensions());
        dimensions.addAll(b.dimensions());
        List<Change> stable = new ArrayList<>();
        List<Change> timing = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            Set<String> values = new LinkedHashSet<>(a.values(dimension));
            values.addAll(b.values(dimension));
            boolean isStable = false;
            boolean differs = false;
            for (String value : values) {
                Fact fact = new Fact(dimension, value);
                Level la = level(a.count(fact), a.runs());
                Level lb = level(b.count(fact), b.runs());
                isStable |= la != lb && la != Level.SOME && lb != Level.SOME;
                differs |= la != lb;
            }
            if (differs) {
                Change change = new Change(dimension, side(a, dimension, fault, catalog), side(b, dimension, fault, catalog));
                (isStable ? stable : timing).add(change);
            }
        }
        return stable.isEmpty() && timing.isEmpty() ? Optional.empty()
                : Optional.of(new Difference(row, fault, merged(stable), merged(timing), List.of()));
    }

    /**
     * Changes of one figure alike for several containers, as one: "SIGTERM to sidecar, sidecar-2, sidecar-3 after the
     * deletion: ..." (a chain of sidecars that all got it earlier).
     */
    private static List<Change> merged(List<Change> changes) {
        List<Change> out = new ArrayList<>();
        for (Change change : changes) {
            Change last = out.isEmpty() ? null : out.get(out.size() - 1);
            boolean perContainer = change.dimension().kind() != CellFacts.Kind.OUTCOME
                    && change.dimension().kind() != CellFacts.Kind.FINDING;
            if (perContainer && last != null && last.dimension().kind() == change.dimension().kind()
                    && last.before().equals(change.before()) && last.after().equals(change.after())) {
                out.set(out.size() - 1, new Change(new Dimension(change.dimension().kind(),
                        last.dimension().subject() + ", " + change.dimension().subject()), change.before(), change.after()));
            } else {
                out.add(change);
            }
        }
        return out;
    }

    /** What one column's runs showed of a dimension: "✗ FAILED", "✓ SUCCEEDED 2/3, ✗ FAILED 1/3", "998", "in 1 of 3". */
    static String side(CellFacts facts, Dimension dimension, String fault, Catalog catalog) {
        if (dimension.kind() == CellFacts.Kind.FINDING) {
            int seen = facts.count(new Fact(dimension, CellFacts.SEEN));
            return seen == 0 ? "in no run" : seen >= facts.runs() ? "in every run" : "in " + seen + " of " + facts.runs();
        }
        List<String> values = facts.values(dimension);
        if (values.isEmpty()) {
            return "not reported";
        }
        List<String> words = new ArrayList<>();
        for (String value : values) {
            int n = facts.count(new Fact(dimension, value));
            words.add(value(dimension, value, fault, catalog) + (n < facts.runs() ? " " + n + "/" + facts.runs() : ""));
        }
        return String.join(", ", words);
    }

    private static String value(Dimension dimension, String value, String fault, Catalog catalog) {
        if (dimension.kind() != CellFacts.Kind.OUTCOME) {
            return value;
        }
        OutcomeForm form = OutcomeForm.valueOf(value);
        String mark = Expectation.of(form, fault, catalog).mark();
        return (mark.isEmpty() ? "" : mark + " ") + OutcomeLook.label(form);
    }

    /** The notes on one cell and not the other that name upstream changes, the from column's first. */
    private static List<Cause> causes(CellRuns before, CellRuns after, String from, String to) {
        List<Cause> causes = new ArrayList<>();
        List<String> a = before.notes();
        List<String> b = after.notes();
        a.stream().filter(n -> !b.contains(n)).map(n -> cause(from, n)).flatMap(Optional::stream).forEach(causes::add);
        b.stream().filter(n -> !a.contains(n)).map(n -> cause(to, n)).flatMap(Optional::stream).forEach(causes::add);
        return causes;
    }

    private static Optional<Cause> cause(String column, String note) {
        Set<String> refs = new LinkedHashSet<>();
        Matcher m = UPSTREAM.matcher(note);
        while (m.find()) {
            refs.add(m.group());
        }
        return refs.isEmpty() ? Optional.empty() : Optional.of(new Cause(column, note, List.copyOf(refs)));
    }
}
