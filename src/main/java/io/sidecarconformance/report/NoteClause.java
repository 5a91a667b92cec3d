package io.sidecarconformance.report;

import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;

/** One clause of a note's condition (the language is in {@link CellNotes}): a test on one run of a cell. */
sealed interface NoteClause {

    /** Empty when the clause holds on {@code run}; otherwise what the run had instead, in words. */
    Optional<String> mismatch(ScenarioResult run);

    /** {@code outcome=O} or {@code outcome in O,O}. */
    record OutcomeIs(Set<Outcome> allowed) implements NoteClause {
        @Override
        public Optional<String> mismatch(ScenarioResult run) {
            return allowed.contains(run.outcome()) ? Optional.empty() : Optional.of("the outcome was " + run.outcome());
        }
    }

    /** {@code finding KIND ["TEXT"]} (wanted) or {@code no finding KIND ["TEXT"]}; "" matches any text. */
    record FindingSeen(boolean wanted, FindingKind kind, String text) implements NoteClause {
        @Override
        public Optional<String> mismatch(ScenarioResult run) {
            List<Finding> hits = run.findings().stream()
                    .filter(f -> f.kind() == kind && f.text().contains(text)).toList();
            if (wanted == !hits.isEmpty()) {
                return Optional.empty();
            }
            if (!wanted) {
                return Optional.of("the run had " + kind + ": " + hits.get(0).text());
            }
            List<String> ofKind = run.findings().stream().filter(f -> f.kind() == kind).map(Finding::text).toList();
            if (!ofKind.isEmpty()) {
                return Optional.of("its " + kind + " finding was: " + String.join(" / ", ofKind));
            }
            List<String> kinds = run.findings().stream().map(f -> f.kind().name()).distinct().toList();
            return Optional.of("the run had no " + kind + " finding ("
                    + (kinds.isEmpty() ? "no findings at all" : "its findings: " + String.join(", ", kinds)) + ")");
        }
    }

    /** {@code figure NAME[.CONTAINER] OP VALUE}; {@code exit C=N} and {@code reason C=R} are figures too. */
    record FigureIs(FigureByName figure, Comparison op, String value) implements NoteClause {
        @Override
        public Optional<String> mismatch(ScenarioResult run) {
            Object actual = figure.in(run.figures());
            if (actual == null) {
                return Optional.of("the run has no " + figure.label());
            }
            boolean holds = actual instanceof Number n
                    ? op.holds(Double.compare(n.doubleValue(), Double.parseDouble(value)))
                    : actual.toString().equals(value);
            return holds ? Optional.empty() : Optional.of(figure.label() + " was " + actual);
        }
    }

    /**
     * {@code event CONTAINER KIND ["TEXT"] [OP N]}: how many events of that container and kind, their detail containing
     * TEXT, the run's timeline has ({@code >=1} without a count; {@code no event} is {@code =0}).
     */
    record EventsSeen(String container, EventKind kind, String text, Comparison op, int count) implements NoteClause {
        @Override
        public Optional<String> mismatch(ScenarioResult run) {
            List<TimelineEvent> ofKind = run.timeline().stream()
                    .filter(e -> e.container().equals(container) && e.kind() == kind).toList();
            List<TimelineEvent> hits = ofKind.stream().filter(e -> e.detail().contains(text)).toList();
            if (op.holds(Integer.compare(hits.size(), count))) {
                return Optional.empty();
            }
            return Optional.of(switch (hits.size()) {
                case 0 -> "the timeline has none" + (ofKind.isEmpty() ? ""
                        : " (its " + container + " " + kind + ": " + ofKind.get(0).detail() + ")");
                case 1 -> "the timeline has one: " + container + " " + kind + " " + hits.get(0).detail();
                default -> "the timeline has " + hits.size();
            });
        }
    }

    /** How a clause compares, applied to the sign of a comparison (actual against expected). */
    enum Comparison {
        EQ("=", c -> c == 0), LT("<", c -> c < 0), LE("<=", c -> c <= 0), GT(">", c -> c > 0), GE(">=", c -> c >= 0);

        private final String symbol;
        private final IntPredicate test;

        Comparison(String symbol, IntPredicate test) {
            this.symbol = symbol;
            this.test = test;
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol + "; use = < <= > >=");
        }

        boolean holds(int sign) {
            return test.test(sign);
        }
    }
}
