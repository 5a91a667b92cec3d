package io.sidecarconformance.report;

import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Notes a person attaches to cells after reading their timelines (why Kubernetes does this at that version,
 * or that a cell flips between runs), each with the condition it asserts, checked on every run of every cell it
 * annotates. One per line, tab-separated: {@code cluster  pattern  sidecar  variant  fault  asserts  note}.
 * In the five key columns {@code *} matches anything, and values separated by commas match any of them
 * ({@code local:1.33,local:1.34}). {@code asserts} is clauses joined by {@code " and "}, all of which must hold:
 * <ul>
 *   <li>{@code outcome=SUCCEEDED}, {@code outcome in DROPPED,STUCK}: the run's outcome;</li>
 *   <li>{@code finding RACE_AT_START}, {@code no finding TERM_ORDER}, {@code finding TERM_ORDER "after main exited"}:
 *   a finding of that kind (whose line contains the quoted text) was, or was not, seen;</li>
 *   <li>{@code exit main=137}, {@code reason sidecar=OOMKilled}: a container's last exit code, termination reason;</li>
 *   <li>{@code figure terminationSeconds>=14}, {@code figure restarts.main=1}, {@code figure podPhase=Failed}: a figure
 *   of results.json (a per-container one as NAME.CONTAINER) compared with {@code = < <= > >=} (text: only =; a
 *   value with spaces in double quotes); a figure the run did not measure fails;</li>
 *   <li>{@code event main STARTING}, {@code no event sidecar TERMINATED},
 *   {@code event sidecar STATUS "started=true" >=2}: the run's timeline has at least one (none; as many as compared)
 *   events of that container and kind whose detail contains the quoted text.</li>
 * </ul>
 * {@code -} asserts nothing: only for a note that states upstream history. A note that does not hold is bad input:
 * {@link #apply} refuses the whole merge with one line naming the note's line, the cell, the run and the clause.
 * Runs that ended in ERROR are not checked: an infrastructure failure says nothing of the pattern (and a column that
 * {@code --expect} fills is all ERROR). Notes explain verdicts; they never change one.
 */
final class CellNotes {

    private static final String COLUMNS = "cluster pattern sidecar variant fault asserts note";

    /**
     * Between the notes a run gathers: a line break, so that each stays one note (the upgrade view tells a note on one
     * column from one on both); in HTML text it reads as a space, in a title as a new line.
     */
    static final String SEPARATOR = "\n";

    /** A line of the file; each key column is null for {@code *}, else the values it matches. */
    private record Rule(int line, List<Set<String>> key, NoteCondition condition, String note) {
        boolean matches(ScenarioKey k) {
            List<String> values = List.of(k.cluster(), k.pattern(), k.sidecar(), k.variant(), k.fault());
            for (int i = 0; i < values.size(); i++) {
                if (key.get(i) != null && !key.get(i).contains(values.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Path file;
    private final List<Rule> rules;

    private CellNotes(Path file, List<Rule> rules) {
        this.file = file;
        this.rules = rules;
    }

    static CellNotes none() {
        return new CellNotes(null, List.of());
    }

    static CellNotes read(Path file) throws InvalidInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read notes file " + file + ": " + e.getMessage());
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = file + ":" + (i + 1) + ": ";
            String[] cols = line.split("\t", 7);
            if (cols.length != 7 || cols[5].isBlank() || cols[6].isBlank()) {
                throw new InvalidInputException(where + "expected 7 tab-separated columns: " + COLUMNS
                        + " (asserts: " + NoteCondition.NOTHING + " when nothing is checkable)");
            }
            List<Set<String>> key = new ArrayList<>();
            for (int c = 0; c < 5; c++) {
                key.add(values(cols[c].strip(), where));
            }
            try {
                rules.add(new Rule(i + 1, key, NoteCondition.parse(cols[5]), cols[6].strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(where + "asserts " + e.getMessage());
            }
        }
        return new CellNotes(file, rules);
    }

    /**
     * The results with every matching note appended to the cell's note ({@link #SEPARATOR} between notes), once each
     * note's condition is checked on every run it matches (ERROR runs aside); the first that does not hold is refused,
     * naming the note's line, the cell and the run.
     */
    List<ScenarioResult> apply(List<ScenarioResult> results) throws InvalidInputException {
        List<ScenarioResult> out = new ArrayList<>();
        for (ScenarioResult r : results) {
            StringBuilder note = new StringBuilder(r.note());
            for (Rule rule : rules) {
                if (!rule.matches(r.key())) {
                    continue;
                }
                Optional<String> failure = r.outcome() == Outcome.ERROR ? Optional.empty()
                        : rule.condition().failure(r);
                if (failure.isPresent()) {
                    ScenarioKey k = r.key();
                    throw new InvalidInputException(file + ":" + rule.line() + ": note does not hold for "
                            + String.join(" | ", k.cluster(), k.pattern(), k.sidecar(), k.variant(), k.fault())
                            + " run " + r.repeat() + ": " + failure.get());
                }
                note.append(note.length() == 0 ? "" : SEPARATOR).append(rule.note());
            }
            out.add(note.toString().equals(r.note()) ? r : r.withNote(note.toString()));
        }
        return out;
    }

    private static Set<String> values(String column, String where) throws InvalidInputException {
        if (column.equals("*")) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : column.split(",", -1)) {
            if (value.isBlank() || value.strip().equals("*")) {
                throw new InvalidInputException(where + "'" + column + "' lists an empty value or *; write * alone, or"
                        + " values separated by commas");
            }
            values.add(value.strip());
        }
        return values;
    }
}
