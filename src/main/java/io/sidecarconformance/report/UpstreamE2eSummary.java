package io.sidecarconformance.report;

import io.sidecarconformance.result.ResultsFileException;
import io.sidecarconformance.result.UpstreamE2e;
import io.sidecarconformance.result.UpstreamE2eJunit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: {@code UpstreamE2eSummary <dir>} prints what results.json will say about the upstream e2e run in
 * {@code <dir>} (the folder clusters/e2e/e2e.sh writes), so the script's console line and the report come from one
 * parser ({@link UpstreamE2eJunit}). Needs only the JDK: e2e.sh runs it with {@code java -cp target/classes}.
 * <p>
 * Output: the summary line, then one {@code FAILED: <test> :: <reason>} line per failed test.
 * Exit codes: 0 every test that ran passed, 1 a test failed or none ran, 2 bad input (one line on stderr).
 */
public final class UpstreamE2eSummary {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private UpstreamE2eSummary() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != PASSED) {
            System.exit(code);
        }
    }

    /** Everything main does except exiting. Returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("UpstreamE2eSummary: give one folder, the one clusters/e2e/e2e.sh run wrote");
            return BAD_INPUT;
        }
        UpstreamE2e e2e;
        try {
            e2e = UpstreamE2eJunit.read(Path.of(args[0]));
        } catch (ResultsFileException e) {
            err.println("UpstreamE2eSummary: " + e.getMessage());
            return BAD_INPUT;
        }
        lines(e2e).forEach(out::println);
        return e2e.failures().isEmpty() && e2e.ran() > 0 ? PASSED : FAILED;
    }

    static List<String> lines(UpstreamE2e e2e) {
        List<String> lines = new ArrayList<>();
        lines.add(e2e.summary() + ", " + e2e.failures().size() + " failed, " + e2e.skipped() + " skipped themselves"
                + (e2e.ran() == 0 ? " (no test ran: check the focus and the skip regexes)" : ""));
        e2e.failures().forEach(f -> lines.add("FAILED: " + f.test() + " :: " + f.reason()));
        return lines;
    }
}
