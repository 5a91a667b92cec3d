package io.sidecarconformance.report;

import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a note asserts about each run of the cells it annotates: clauses joined by {@code " and "}, or {@code -} for
 * nothing checkable. The language is stated in {@link CellNotes}; this class reads it and tells whether a run
 * satisfies it, and if not, which clause fails and what the run had.
 */
final class NoteCondition {

    static final String NOTHING = "-";

    private static final String CONTAINER = "([\\w-]+)";
    private static final String TEXT = "(?: \"([^\"]*)\")?";
    private static final String COMPARISON = "(<=|>=|=|<|>)";
    private static final Pattern OUTCOME = Pattern.compile("outcome=(\\w+)");
    private static final Pattern OUTCOME_IN = Pattern.compile("outcome in (\\w+(?:,\\w+)*)");
    private static final Pattern FINDING = Pattern.compile("(no )?finding (\\w+)" + TEXT);
    private static final Pattern EXIT = Pattern.compile("exit " + CONTAINER + "=(-?\\d+)");
    private static final Pattern REASON = Pattern.compile("reason " + CONTAINER + "=(\\S+)");
    private static final Pattern FIGURE = Pattern.compile("figure (\\w+)(?:\\." + CONTAINER + ")?" + COMPARISON
            + "(?:\"([^\"]*)\"|(\\S+))");
    private static final Pattern EVENT = Pattern.compile("(no )?event " + CONTAINER + " (\\w+)" + TEXT
            + "(?: " + COMPARISON + "(\\d+))?");
    private static final String FORMS = "outcome=O, outcome in O,O, [no] finding KIND [\"TEXT\"], exit CONTAINER=N,"
            + " reason CONTAINER=R, figure NAME[.CONTAINER] OP VALUE, [no] event CONTAINER KIND [\"TEXT\"] [OP N]";

    private record Clause(String written, NoteClause test) {
    }

    private final String text;
    private final List<Clause> clauses;

    private NoteCondition(String text, List<Clause> clauses) {
        this.text = text;
        this.clauses = List.copyOf(clauses);
    }

    /** Reads a condition; throws IllegalArgumentException saying which clause cannot be read and why. */
    static NoteCondition parse(String text) {
        String condition = text.strip();
        if (condition.equals(NOTHING)) {
            return new NoteCondition(condition, List.of());
        }
        List<Clause> clauses = new ArrayList<>();
        for (String written : clauses(condition)) {
            try {
                clauses.add(new Clause(written, clause(written)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + written + "': " + e.getMessage());
            }
        }
        return new NoteCondition(condition, clauses);
    }

    /** Empty when every clause holds on {@code run}; else the first that does not, and what the run had. */
    Optional<String> failure(ScenarioResult run) {
        for (Clause clause : clauses) {
            Optional<String> had = clause.test().mismatch(run);
            if (had.isPresent()) {
                return Optional.of(clause.written() + ", but " + had.get());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }

    // " and " inside a quoted text does not join clauses.
    private static List<String> clauses(String condition) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < condition.length(); i++) {
            if (condition.charAt(i) == '"') {
                quoted = !quoted;
            } else if (!quoted && condition.startsWith(" and ", i)) {
                parts.add(condition.substring(start, i).strip());
                start = i + " and ".length();
                i = start - 1;
            }
        }
        parts.add(condition.substring(start).strip());
        return parts;
    }

    private static NoteClause clause(String written) {
        Matcher m;
        if ((m = OUTCOME.matcher(written)).matches()) {
            return new NoteClause.OutcomeIs(EnumSet.of(outcome(m.group(1))));
        }
        if ((m = OUTCOME_IN.matcher(written)).matches()) {
            Set<Outcome> allowed = EnumSet.noneOf(Outcome.class);
            for (String name : m.group(1).split(",")) {
                allowed.add(outcome(name));
            }
            return new NoteClause.OutcomeIs(allowed);
        }
        if ((m = FINDING.matcher(written)).matches()) {
            FindingKind kind = named(FindingKind.class, m.group(2));
            return new NoteClause.FindingSeen(m.group(1) == null, kind, orEmpty(m.group(3)));
        }
        if ((m = EXIT.matcher(written)).matches()) {
            return figure("exitCodes", m.group(1), "=", m.group(2));
        }
        if ((m = REASON.matcher(written)).matches()) {
            return figure("reasons", m.group(1), "=", m.group(2));
        }
        if ((m = FIGURE.matcher(written)).matches()) {
            return figure(m.group(1), m.group(2), m.group(3), m.group(4) != null ? m.group(4) : m.group(5));
        }
        if ((m = EVENT.matcher(written)).matches()) {
            boolean none = m.group(1) != null;
            if (none && m.group(5) != null) {
                throw new IllegalArgumentException("'no event' takes no count; write the count as 'event ... =0'");
            }
            NoteClause.Comparison op = none ? NoteClause.Comparison.EQ
                    : m.group(5) == null ? NoteClause.Comparison.GE : NoteClause.Comparison.of(m.group(5));
            int count = none ? 0 : m.group(6) == null ? 1 : Integer.parseInt(m.group(6));
            EventKind kind = named(EventKind.class, m.group(3));
            return new NoteClause.EventsSeen(m.group(2), kind, orEmpty(m.group(4)), op, count);
        }
        throw new IllegalArgumentException("not a clause; write one of: " + FORMS + ", joined by ' and ', or - alone");
    }

    private static NoteClause figure(String name, String container, String op, String value) {
        FigureByName figure = FigureByName.of(name, container);
        NoteClause.Comparison comparison = NoteClause.Comparison.of(op);
        if (figure.numeric() && !isNumber(value)) {
            throw new IllegalArgumentException(figure.label() + " is a number, not " + value);
        }
        if (!figure.numeric() && comparison != NoteClause.Comparison.EQ) {
            throw new IllegalArgumentException(figure.label() + " is text: only = compares it");
        }
        return new NoteClause.FigureIs(figure, comparison, value);
    }

    private static Outcome outcome(String name) {
        return named(Outcome.class, name);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + " " + name + "; known: "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        }
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
