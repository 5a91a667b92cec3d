package io.sidecarconformance.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MergeReports' command line: see {@link #USAGE}.
 *
 * @param out      where the merged results.json and compatibility.html go
 * @param expected cluster ids that must have a column even if no input has a record for them
 * @param inputs   results.json files, in the order given (later wins on a shared cell)
 * @param notes    a cell-notes file (see CellNotes), or null
 * @param measurements a file of run-level figures measured outside the runs (name TAB value per line), or null
 * @param previous a merged results.json of an earlier run to compare with (changes.txt), or null
 * @param previousOptional whether an unusable previous file only costs changes.txt (--previous-optional) instead of
 *                 stopping the merge (--previous)
 * @param previousName what changes.txt calls the previous run in its first line (e.g. "nightly run 123"), or null:
 *                 no such line
 * @param e2e      per cluster id, the folder of its upstream e2e run (clusters/e2e/e2e.sh) to attach to its column
 * @param compare  pairs of cluster ids (from, to) whose column diff to write as compare-FROM-TO.txt
 */
record MergeArguments(Path out, List<String> expected, List<Path> inputs, Path notes, Path measurements, Path previous,
                      boolean previousOptional, String previousName, Map<String, Path> e2e, List<List<String>> compare) {

    static final String USAGE =
            "usage: MergeReports --out <dir> [--expect <provider>:<version>]... [--notes <file>] [--measurements <file>]"
                    + " [--previous|--previous-optional <results.json>] [--previous-name <text>]"
                    + " [--compare <provider>:<version>,<provider>:<version>]..."
                    + " [--e2e <provider>:<version>=<dir>]... <results.json>...";

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
        boolean previousOptional = false;
        String previousName = null;
        List<List<String>> compare = new ArrayList<>();
        Map<String, Path> e2e = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(valueOf(args, ++i, "--out", "a directory"));
                case "--expect" -> expected.add(clusterId("--expect", valueOf(args, ++i, "--expect", "<provider>:<version>")));
                case "--notes" -> notes = Path.of(valueOf(args, ++i, "--notes", "a notes file"));
                case "--measurements" -> measurements = Path.of(valueOf(args, ++i, "--measurements", "a measurements file"));
                case "--previous" -> previous = Path.of(valueOf(args, ++i, "--previous", "an earlier results.json"));
                case "--previous-optional" -> {
                    previous = Path.of(valueOf(args, ++i, "--previous-optional", "an earlier results.json"));
                    previousOptional = true;
                }
                case "--previous-name" -> previousName = valueOf(args, ++i, "--previous-name", "a name for the previous run");
                case "--compare" -> {
                    String value = valueOf(args, ++i, "--compare", "<provider>:<version>,<provider>:<version>");
                    String[] pair = value.split(",", -1);
                    if (pair.length != 2) {
                        throw invalid("--compare " + value + " is not two cluster ids separated by a comma");
                    }
                    compare.add(List.of(clusterId("--compare", pair[0].strip()), clusterId("--compare", pair[1].strip())));
                }
                case "--e2e" -> {
                    String value = valueOf(args, ++i, "--e2e", "<provider>:<version>=<dir>");
                    int eq = value.indexOf('=');
                    if (eq <= 0 || eq == value.length() - 1) {
                        throw invalid("--e2e " + value + " is not <provider>:<version>=<dir>");
                    }
                    e2e.put(clusterId("--e2e", value.substring(0, eq)), Path.of(value.substring(eq + 1)));
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
        if (previousName != null && previous == null) {
            throw invalid("--previous-name needs --previous or --previous-optional");
        }
        return new MergeArguments(out, expected, inputs, notes, measurements, previous, previousOptional, previousName, e2e,
                compare);
    }

    private static String valueOf(String[] args, int i, String option, String what) throws InvalidInputException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw invalid(option + " needs " + what);
        }
        return args[i];
    }

    private static String clusterId(String option, String value) throws InvalidInputException {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new InvalidInputException(option + " " + value
                    + " is not <provider>:<version>; write it as the suite's -Dcluster, e.g. " + option + " kind:1.29");
        }
        return value;
    }

    private static InvalidInputException invalid(String problem) {
        return new InvalidInputException(problem + "; " + USAGE);
    }
}
