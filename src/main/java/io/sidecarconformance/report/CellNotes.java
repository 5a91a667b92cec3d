package io.sidecarconformance.report;

import io.sidecarconformance.result.ScenarioResult;

import io.sidecarconformance.result.ScenarioKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Notes a person attaches to cells after reading their timelines (why Kubernetes does this at that version,
 * or that a cell flips between runs). One per line, tab-separated, {@code *} matches anything:
 * {@code cluster  pattern  sidecar  variant  fault  note}. Notes explain verdicts; they never change one.
 */
final class CellNotes {

    private record Rule(String[] key, String note) {
        boolean matches(ScenarioKey k) {
            String[] values = {k.cluster(), k.pattern(), k.sidecar(), k.variant(), k.fault()};
            for (int i = 0; i < values.length; i++) {
                if (!key[i].equals("*") && !key[i].equals(values[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Rule> rules;

    private CellNotes(List<Rule> rules) {
        this.rules = rules;
    }

    static CellNotes none() {
        return new CellNotes(List.of());
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
            String[] cols = line.split("\t", 6);
            if (cols.length != 6 || cols[5].isBlank()) {
                throw new InvalidInputException(file + ":" + (i + 1)
                        + ": expected 6 tab-separated columns: cluster pattern sidecar variant fault note");
            }
            rules.add(new Rule(new String[] {cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3].strip(),
                    cols[4].strip()}, cols[5].strip()));
        }
        return new CellNotes(rules);
    }

    /** The results with every matching note appended to the cell's note. */
    List<ScenarioResult> apply(List<ScenarioResult> results) {
        List<ScenarioResult> out = new ArrayList<>();
        for (ScenarioResult r : results) {
            StringBuilder note = new StringBuilder(r.note());
            for (Rule rule : rules) {
                if (rule.matches(r.key())) {
                    note.append(note.length() == 0 ? "" : " ").append(rule.note());
                }
            }
            out.add(note.toString().equals(r.note()) ? r : r.withNote(note.toString()));
        }
        return out;
    }
}
