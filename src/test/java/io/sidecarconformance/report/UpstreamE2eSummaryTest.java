package io.sidecarconformance.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamE2eSummaryTest {

    private static final String PASSED = """
            <testcase name="[SynchronizedBeforeSuite]" status="passed"></testcase>
            <testcase name="[sig-node] InitContainer should invoke init containers on a RestartNever pod" status="passed"></testcase>
            <testcase name="[sig-node] Container Runtime blackbox test should report termination message as non-root user" status="skipped">
              <skipped message="skipped - Only supported for providers [gce gke]"></skipped>
            </testcase>
            """;
    private static final String FAILED = """
            <testcase name="[sig-node] PreStop should call prestop when killing a pod" status="failed">
              <failure message="" type="failed">[FAILED] pod never became ready
            In [It] at: test/e2e/node/pre_stop.go:80
            </failure>
            </testcase>
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return UpstreamE2eSummary.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static void junit(Path dir, String cases) throws IOException {
        Files.writeString(dir.resolve("junit_e2e.xml"), "<testsuites><testsuite>" + cases + "</testsuite></testsuites>");
        Files.writeString(dir.resolve("selection"), "quick\n");
    }

    @Test
    void allPassedIsTheReportsSummaryAndExitZero(@TempDir Path dir) throws IOException {
        junit(dir, PASSED);

        assertThat(run(dir.toString())).as("exit code").isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).as("the line results.json's summary starts with")
                .isEqualTo("upstream e2e (quick): 1 of 1 passed, 0 failed, 1 skipped themselves\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFailureIsOneLineWithItsReasonAndExitOne(@TempDir Path dir) throws IOException {
        junit(dir, PASSED + FAILED);
        Files.writeString(dir.resolve("reasons.tsv"),
                "[sig-node] PreStop should call prestop when killing a pod\tnginx image not made here\n");

        assertThat(run(dir.toString())).as("exit code").isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "upstream e2e (quick): 1 of 2 passed, 1 failed, 1 skipped themselves",
                "FAILED: [sig-node] PreStop should call prestop when killing a pod :: nginx image not made here");
    }

    @Test
    void noTestRanIsNotAPass(@TempDir Path dir) throws IOException {
        junit(dir, "<testcase name=\"[SynchronizedBeforeSuite]\" status=\"passed\"></testcase>");

        assertThat(run(dir.toString())).as("exit code").isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 of 0 passed").contains("no test ran");
    }

    @Test
    void badInputIsOneLineOnStderrAndExitTwo(@TempDir Path dir) {
        assertThat(run()).isEqualTo(2);
        assertThat(run(dir.toString())).as("a folder without JUnit XML").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("UpstreamE2eSummary: give one folder, the one clusters/e2e/e2e.sh run wrote",
                        "UpstreamE2eSummary: " + dir + ": no junit*.xml in it; give the folder clusters/e2e/e2e.sh run wrote");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
