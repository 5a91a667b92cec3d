package io.sidecarconformance.verdict;

import io.sidecarconformance.result.EndOfPod;
import io.sidecarconformance.result.EndOfPodTable;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.ResultsFileException;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.Timeline;

import java.io.IOException;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides every cell of a results.json again, from what the file holds (its timeline and its stored observation), with
 * today's rules, and reports each outcome, reason, finding or figure that differs from the stored one. Every figure and
 * finding is a function of named timeline events: a disagreement means the file and the rules have parted (a figure
 * taken from somewhere else, or rules changed since the file was written), never a matter of opinion.
 *
 * <pre>
 * mvn -q compile exec:java -Dexec.mainClass=io.sidecarconformance.verdict.RecomputeCheck -Dexec.args="results.json ..."
 * </pre>
 * The file's "endOfPod" section (how each pod of the normal ends ended, {@link EndOfPodTable}) is read again from the
 * records' timelines too, run by run; a file written before the section existed says so and is not checked for it.
 * Exit 0: every checkable cell agrees; 1: at least one disagreement (one line each, and per file how many records each
 * change of outcome concerns, e.g. STUCK -> TIMEOUT); 2: bad input (one line). Records without a stored observation
 * (written before observations were stored, or a merge's missing cells) are counted as not checkable.
 * With {@code --write} first, each file is written back with every checkable record decided again by today's rules
 * (outcome, reason, findings, figures; its verdict delay kept) and a measurement saying so: for publishing runs made
 * before a rule changed, from the same stored evidence. Exit 0 then.
 */
public final class RecomputeCheck {

    private RecomputeCheck() {
    }

    /** One cell whose stored decision differs from today's. */
    public record Disagreement(String file, ScenarioResult stored, String what, String storedValue, String recomputed) {
        public String line() {
            var k = stored.key();
            return file + ": " + k.cluster() + " | " + k.pattern() + " | " + k.sidecar() + " | " + k.variant() + " | "
                    + k.fault() + " run " + stored.repeat() + ": " + what + " stored " + storedValue + ", recomputed "
                    + recomputed;
        }
    }

    /** What a check of one file found. */
    public record Report(int checked, int notCheckable, List<Disagreement> disagreements) {

        /** How many records each change of outcome concerns, e.g. "STUCK -> TIMEOUT" (a deadline ending, decided today). */
        public java.util.Map<String, Long> outcomeChanges() {
            return disagreements.stream().filter(d -> d.what().equals("outcome"))
                    .collect(java.util.stream.Collectors.groupingBy(d -> d.storedValue() + " -> " + d.recomputed(),
                            java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        }
    }

    /**
     * The stored "endOfPod" section against the one the records' timelines give today: one disagreement per run whose
     * ending differs, or that only one of the two holds. None when the file has no section.
     */
    public static List<Disagreement> checkEndOfPod(String file, SuiteResults run, Optional<EndOfPodTable> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<ScenarioKey, Map<Integer, EndOfPod>> was = stored.get().byRun();
        Map<ScenarioKey, Map<Integer, EndOfPod>> now = EndOfPodTable.of(run.results()).byRun();
        List<Disagreement> out = new ArrayList<>();
        java.util.Set<ScenarioKey> keys = new java.util.LinkedHashSet<>(now.keySet());
        keys.addAll(was.keySet());
        for (ScenarioKey key : keys) {
            Map<Integer, EndOfPod> storedRuns = was.getOrDefault(key, Map.of());
            Map<Integer, EndOfPod> runs = now.getOrDefault(key, Map.of());
            java.util.Set<Integer> repeats = new TreeSet<>(runs.keySet());
            repeats.addAll(storedRuns.keySet());
            for (int n : repeats) {
                ScenarioResult record = run.results().stream().filter(r -> r.key().equals(key) && r.repeat() == n)
                        .findFirst().orElse(ScenarioResult.error(key, "", null).asRun(n, List.of(), null));
                compare(file, record, "endOfPod", storedRuns.get(n), runs.get(n), out);
            }
        }
        return out;
    }

    public static Report check(String file, SuiteResults run) {
        int checked = 0;
        int notCheckable = 0;
        List<Disagreement> out = new ArrayList<>();
        for (ScenarioResult stored : run.results()) {
            if (stored.observation() == null) {
                notCheckable++;
                continue;
            }
            checked++;
            Decision again = decideAgain(stored);
            compare(file, stored, "outcome", stored.outcome(), again.outcome(), out);
            compare(file, stored, "reason", stored.reason(), again.reason(), out);
            compare(file, stored, "findings", stored.findings(), again.findings(), out);
            // the verdict delay is the runner's own timing, not a figure of the timeline
            Figures storedFigures = stored.figures().withVerdictDelay(null);
            Figures figures = again.figures().withVerdictDelay(null);
            compare(file, stored, "figures", storedFigures, figures, out);
        }
        return new Report(checked, notCheckable, out);
    }

    private static void compare(String file, ScenarioResult stored, String what, Object was, Object now,
                                List<Disagreement> out) {
        if (!Objects.equals(was, now)) {
            out.add(new Disagreement(file, stored, what, String.valueOf(was), String.valueOf(now)));
        }
    }

    /** A stored record decided by today's rules from its timeline and observation (it must have one). */
    private static Decision decideAgain(ScenarioResult stored) {
        return VerdictRules.decide(Observation.of(stored.observation(), Timeline.of(stored.timeline())));
    }

    /** The file with every checkable record decided again by today's rules. */
    public static SuiteResults decidedAgain(SuiteResults run) {
        List<ScenarioResult> out = new ArrayList<>();
        int again = 0;
        for (ScenarioResult stored : run.results()) {
            if (stored.observation() == null) {
                out.add(stored);
                continue;
            }
            again++;
            Decision d = decideAgain(stored);
            out.add(new ScenarioResult(stored.key(), d.outcome(), d.reason(), d.findings(),
                    d.figures().withVerdictDelay(stored.figures().verdictDelaySeconds()), stored.timeline(),
                    stored.startedAt(), stored.note(), stored.repeat(), stored.applied(), stored.runnerLoad(),
                    stored.observation()));
        }
        java.util.Map<String, String> measurements = new java.util.LinkedHashMap<>(run.measurements());
        measurements.put("records decided again from their stored timelines and observations (RecomputeCheck --write)",
                Integer.toString(again));
        return run.with(run.clusters(), measurements, out);
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean write = args.length > 0 && args[0].equals("--write");
        String[] files = write ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        if (files.length == 0) {
            err.println("RecomputeCheck: name one or more results.json files");
            return 2;
        }
        int disagreements = 0;
        for (String arg : files) {
            SuiteResults run;
            Optional<EndOfPodTable> storedEnds;
            try {
                run = ResultsJson.read(Path.of(arg));
                storedEnds = ResultsJson.endOfPod(Files.readString(Path.of(arg)), arg);
            } catch (ResultsFileException e) {
                err.println("RecomputeCheck: " + e.getMessage());
                return 2;
            } catch (IOException e) {
                err.println("RecomputeCheck: cannot read " + arg + ": " + e.getMessage());
                return 2;
            }
            Report records = check(arg, run);
            List<Disagreement> all = new ArrayList<>(records.disagreements());
            all.addAll(checkEndOfPod(arg, run, storedEnds));
            Report r = new Report(records.checked(), records.notCheckable(), all);
            r.disagreements().forEach(d -> out.println(d.line()));
            if (write) {
                try {
                    ResultsJson.write(decidedAgain(run), Path.of(arg));
                } catch (IOException e) {
                    err.println("RecomputeCheck: cannot write " + arg + ": " + e.getMessage());
                    return 2;
                }
                out.println("RecomputeCheck: " + arg + ": written with " + r.checked() + " records decided again ("
                        + r.disagreements().size() + " of their parts had changed)");
                continue;
            }
            disagreements += r.disagreements().size();
            out.println("RecomputeCheck: " + arg + ": " + r.checked() + " records decided again, "
                    + r.disagreements().size() + " disagreements"
                    + (r.outcomeChanges().isEmpty() ? "" : " (outcomes: " + r.outcomeChanges().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")")
                    + (r.notCheckable() == 0 ? "" : ", " + r.notCheckable() + " not checkable (no stored observation)")
                    + (storedEnds.isPresent() ? "" : "; no endOfPod section (written before it existed)"));
        }
        return write || disagreements == 0 ? 0 : 1;
    }
}
