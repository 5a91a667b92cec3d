package io.sidecarconformance.report;

import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.ResultsJson;
import io.sidecarconformance.result.UpstreamE2e;
import io.sidecarconformance.result.UpstreamE2eJunit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line: merges the results.json of several runs into one report folder.
 * {@code MergeReports --out <dir> [--expect <provider>:<version>]... [--previous|--previous-optional <results.json>]
 * [--previous-name <text>] [--compare <from>,<to>]... [--e2e <provider>:<version>=<dir>]... <results.json>...}
 * With --previous it also writes changes.txt beside the merged results (the cells that changed since that run) and
 * lists them on the page; --previous-optional does the same when the file can be read and otherwise still merges,
 * changes.txt saying why there is no comparison (the nightly's case: an earlier night's file of another schema).
 * --previous-name puts "Compared with NAME (run id)" on changes.txt's first line. Each --compare writes
 * compare-FROM-TO.txt: the cells that differ between two columns (see ColumnDiff).
 * Each --e2e attaches an upstream e2e run (the folder clusters/e2e/e2e.sh wrote) to that cluster's column.
 * With --notes, each note's condition is checked on every run of every cell it annotates (see CellNotes).
 * Exit codes: 0 written, 1 could not write the output, 2 bad input, a note that does not hold included (nothing
 * written).
 */
public final class MergeReports {

    static final int OK = 0;
    static final int WRITE_FAILED = 1;
    static final int BAD_INPUT = 2;

    private static final String NAME = "MergeReports: ";

    private MergeReports() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, Clock.systemUTC());
        // Only a failure exits explicitly: a normal return lets `mvn exec:java` finish cleanly.
        if (code != OK) {
            System.exit(code);
        }
    }

    /** Everything main does except exiting: the seam tests use. Returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        MergeArguments arguments;
        List<SuiteResults> inputs;
        CellNotes notes;
        Map<String, String> extra;
        SuiteResults previous = null;
        String previousUnusable = null;
        Map<String, UpstreamE2e> e2e;
        try {
            arguments = MergeArguments.parse(args);
            inputs = readAll(arguments.inputs());
            notes = arguments.notes() == null ? CellNotes.none() : CellNotes.read(arguments.notes());
            extra = arguments.measurements() == null ? Map.of() : readMeasurements(arguments.measurements());
            e2e = readE2e(arguments.e2e());
        } catch (InvalidInputException e) {
            err.println(NAME + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        if (arguments.previous() != null) {
            try {
                previous = readAll(List.of(arguments.previous())).get(0);
            } catch (InvalidInputException e) {
                if (!arguments.previousOptional()) {
                    err.println(NAME + oneLine(e.getMessage()));
                    return BAD_INPUT;
                }
                // --previous-optional: an earlier night's file that cannot be read costs only the comparison.
                previousUnusable = oneLine(e.getMessage());
                err.println(NAME + "warning: not comparing with the previous run: " + previousUnusable);
            }
        }
        ResultsMerger.Merged merged = ResultsMerger.merge(inputs, arguments.expected(), clock.instant());
        SuiteResults m = merged.results();
        List<ScenarioResult> noted;
        try {
            noted = notes.apply(m.results());
        } catch (InvalidInputException e) {
            err.println(NAME + oneLine(e.getMessage()));
            return BAD_INPUT;
        }
        merged.warnings().forEach(err::println);
        Map<String, String> measurements = new LinkedHashMap<>(m.measurements());
        measurements.putAll(extra);
        List<ClusterInfo> clusters = new ArrayList<>();
        for (ClusterInfo cluster : m.clusters()) {
            UpstreamE2e attached = e2e.get(cluster.id());
            clusters.add(attached == null ? cluster : cluster.withUpstreamE2e(attached));
        }
        List<String> unknown = e2e.keySet().stream().filter(id -> m.clusters().stream().noneMatch(c -> c.id().equals(id)))
                .toList();
        if (!unknown.isEmpty()) {
            err.println(NAME + "--e2e names " + String.join(", ", unknown) + ", which no input has; use a cluster id of "
                    + m.clusters().stream().map(ClusterInfo::id).toList());
            return BAD_INPUT;
        }
        SuiteResults annotated = m.with(clusters, measurements, noted);
        List<String> columns = annotated.clusters().stream().map(ClusterInfo::id).toList();
        for (List<String> pair : arguments.compare()) {
            List<String> absent = pair.stream().filter(id -> !columns.contains(id)).toList();
            if (!absent.isEmpty()) {
                err.println(NAME + "--compare names " + String.join(", ", absent) + ", which no input has; use a cluster id of "
                        + columns);
                return BAD_INPUT;
            }
        }
        try {
            PreviousResults since = previous == null ? null : new PreviousResults(previous, arguments.previousName());
            ReportWriter.Written written = ReportWriter.write(annotated, arguments.out(), since);
            long cells = annotated.results().stream().map(r -> r.key()).distinct().count();
            out.println("merged " + inputs.size() + " results.json into " + cells + " cells ("
                    + annotated.results().size() + " runs): " + written.resultsJson() + ", " + written.compatibilityHtml());
            if (arguments.previous() != null) {
                Path changes = arguments.out().resolve(OutcomeChanges.FILE_NAME);
                String heading = arguments.previousName() == null ? ""
                        : "Compared with " + (since == null ? arguments.previousName() : since.label()) + "\n";
                String body = previous == null
                        ? "Could not compare: " + previousUnusable + "\n"
                        : OutcomeChanges.text(previous, annotated);
                Files.writeString(changes, heading + body, StandardCharsets.UTF_8);
                out.println((previous == null ? "no comparison, see " : "changes since " + since.label() + ": ") + changes);
            }
            for (List<String> pair : arguments.compare()) {
                Path file = arguments.out().resolve(ColumnDiff.fileName(pair.get(0), pair.get(1)));
                Files.writeString(file, ColumnDiff.text(annotated, pair.get(0), pair.get(1)), StandardCharsets.UTF_8);
                out.println("from " + pair.get(0) + " to " + pair.get(1) + ": " + file);
            }
            return OK;
        } catch (IOException e) {
            err.println(NAME + "cannot write " + arguments.out() + ": " + oneLine(String.valueOf(e.getMessage()))
                    + "; check that the directory is writable");
            return WRITE_FAILED;
        }
    }

    /** Run-level figures measured outside the runs (repeat runs, killed runs): one "name TAB value" per line. */
    private static Map<String, String> readMeasurements(Path file) throws InvalidInputException {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] kv = line.split("\t", 2);
                if (kv.length != 2) {
                    throw new InvalidInputException(file + ": expected 'name<TAB>value' lines, got: " + line);
                }
                m.put(kv[0].strip(), kv[1].strip());
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read measurements file " + file + ": " + e.getMessage());
        }
        return m;
    }

    private static Map<String, UpstreamE2e> readE2e(Map<String, Path> dirs) throws InvalidInputException {
        Map<String, UpstreamE2e> read = new LinkedHashMap<>();
        for (Map.Entry<String, Path> dir : dirs.entrySet()) {
            try {
                read.put(dir.getKey(), UpstreamE2eJunit.read(dir.getValue()));
            } catch (IOException e) {
                throw new InvalidInputException("--e2e " + dir.getKey() + ": " + e.getMessage());
            }
        }
        return read;
    }

    // Every input is read before anything is written, so a bad file leaves no half-merged report behind.
    private static List<SuiteResults> readAll(List<Path> files) throws InvalidInputException {
        List<SuiteResults> runs = new ArrayList<>();
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(file + " is a directory; pass the results.json inside it");
            }
            try {
                runs.add(ResultsJson.read(file));
            } catch (IOException e) {
                throw new InvalidInputException(e.getMessage() + "; pass results.json files written by suite runs");
            }
        }
        return runs;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
