package io.sidecarconformance.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MergeReports' command line: {@code --out <dir> [--expect <provider>:<version>]... [--notes <file>] [--measurements <file>] [--previous <results.json>] [--e2e <provider>:<version>=<dir>]... <results.json>...}.
 *
 * @param out      where the merged results.json and compatibility.html go
 * @param expected cluster ids that must have a column even if no input has a record for them
 * @param inputs   results.json files, in the order given (later wins on a shared cell)
 * @param notes    a cell-notes file (see CellNotes), or null
 * @param measurements a file of run-level figures measured outside the runs (name TAB value per line), or null
 * @param previous a merged results.json of an earlier run to compare with (changes.txt), or null
 * @param e2e      per cluster id, the folder of its upstream e2e run (clusters/e2e/e2e.sh) to attach to its column
 */
record MergeArguments(Path out, List<String> expected, List<Path> inputs, Path notes, Path measurements, Path previous,
                      Map<String, Path> e2e) {

    static final String USAGE =
            "usage: MergeReports --out <dir> [--expect <provider>:<version>]... [--notes <file>] [--measurements <file>]"
                    + " [--previous <results.json>] [--e2e <provider>:<version>=<dir>]... <results.json>...";

    static MergeArguments parse(String[] args) throws InvalidInputException {
        if (args.length == 0) {
            throw invalid("nothing to merge");
        }
        Path out = null;
        List<String> expected = new ArrayList<>();
        List<Path> inputs = new ArrayList<>();
        Path notes = null;
        Path measurements = null;
        Path previous = null;
        Map<String, Path> e2e = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(valueOf(args, ++i, "--out", "a directory"));
                case "--expect" -> expected.add(clusterId(valueOf(args, ++i, "--expect", "<provider>:<version>")));
                case "--notes" -> notes = Path.of(valueOf(args, ++i, "--notes", "a notes file"));
                case "--measurements" -> measurements = Path.of(valueOf(args, ++i, "--measurements", "a measurements file"));
                case "--previous" -> previous = Path.of(valueOf(args, ++i, "--previous", "an earlier results.json"));
                case "--e2e" -> {
                    String value = valueOf(args, ++i, "--e2e", "<provider>:<version>=<dir>");
                    int eq = value.indexOf('=');
                    if (eq <= 0 || eq == value.length() - 1) {
                        throw invalid("--e2e " + value + " is not <provider>:<version>=<dir>");
                    }
                    e2e.put(clusterId(value.substring(0, eq)), Path.of(value.substring(eq + 1)));
                }
                default -> {
                    if (arg.startsWith("-")) {
                        throw invalid("unknown option " + arg);
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (out == null) {
            throw invalid("--out <dir> is missing");
        }
        if (inputs.isEmpty()) {
            throw invalid("no results.json given");
        }
        return new MergeArguments(out, expected, inputs, notes, measurements, previous, e2e);
    }

    private static String valueOf(String[] args, int i, String option, String what) throws InvalidInputException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw invalid(option + " needs " + what);
        }
        return args[i];
    }

    private static String clusterId(String value) throws InvalidInputException {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new InvalidInputException("--expect " + value
                    + " is not <provider>:<version>; write it as the suite's -Dcluster, e.g. --expect kind:1.29");
        }
        return value;
    }

    private static InvalidInputException invalid(String problem) {
        return new InvalidInputException(problem + "; " + USAGE);
    }
}
