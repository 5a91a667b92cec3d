package io.sidecarconformance.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpstreamE2eJunitTest {

    /** The shape upstream e2e.test writes (ginkgo v2, framework/internal/junit), cut to one case of each kind. */
    private static final String JUNIT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites tests="4" disabled="0" errors="0" failures="1" time="120.5">
              <testsuite name="Kubernetes e2e suite" package="/" tests="4" disabled="0" skipped="1" errors="0" failures="1" time="120.5">
                <testcase name="[SynchronizedBeforeSuite]" classname="Kubernetes e2e suite" status="passed" time="0.1"></testcase>
                <testcase name="[sig-node] InitContainer [NodeConformance] should invoke init containers on a RestartNever pod [Conformance]" classname="Kubernetes e2e suite" status="passed" time="8.1"></testcase>
                <testcase name="[sig-node] PreStop graceful pod terminated should wait until preStop hook completes the process" classname="Kubernetes e2e suite" status="failed" time="60.2">
                  <failure message="" type="failed">[FAILED] an error on the server (&#34;address not allowed&#34;) has prevented the request from succeeding
            In [It] at: test/e2e/node/pre_stop.go:205 @ 12/01/26 17:00:00.000
            </failure>
                  <system-err>long timeline</system-err>
                </testcase>
                <testcase name="[sig-node] Pods Extended Pod Container Status should never report success for a pending container" classname="Kubernetes e2e suite" status="passed" time="40.0"></testcase>
                <testcase name="[sig-node] Container Runtime blackbox test on terminated container should report termination message if TerminationMessagePath is set as non-root user" classname="Kubernetes e2e suite" status="skipped" time="0.1">
                  <skipped message="skipped - Only supported for providers [gce gke]"></skipped>
                </testcase>
              </testsuite>
            </testsuites>
            """;

    @Test
    void countsPassedRanAndSkippedAndKeepsEachFailureWithItsFirstLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("junit_e2e.xml"), JUNIT);
        Files.writeString(dir.resolve("selection"), "quick\n");

        UpstreamE2e e2e = UpstreamE2eJunit.read(dir);

        assertThat(e2e.passed()).as("passed").isEqualTo(2);
        assertThat(e2e.ran()).as("ran: passed and failed, not the test that skipped itself nor the suite node")
                .isEqualTo(3);
        assertThat(e2e.skipped()).as("skipped themselves").isEqualTo(1);
        assertThat(e2e.summary()).isEqualTo("upstream e2e (quick): 2 of 3 passed");
        assertThat(e2e.failures()).singleElement().satisfies(f -> {
            assertThat(f.test()).startsWith("[sig-node] PreStop graceful pod terminated");
            assertThat(f.reason()).as("the failure's first line, entities decoded")
                    .isEqualTo("[FAILED] an error on the server (\"address not allowed\") has prevented the request from succeeding");
        });
    }

    @Test
    void anExplanationBesideTheXmlTakesThePlaceOfTheFailureLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("junit_e2e.xml"), JUNIT);
        Files.writeString(dir.resolve("reasons.tsv"), "# test\treason\n"
                + "[sig-node] PreStop graceful pod terminated should wait until preStop hook completes the process"
                + "\tnode address was loopback: the API server refuses to proxy to it\n");

        UpstreamE2e e2e = UpstreamE2eJunit.read(dir);

        assertThat(e2e.selection()).as("no selection file").isNull();
        assertThat(e2e.summary()).isEqualTo("upstream e2e: 2 of 3 passed");
        assertThat(e2e.failures()).extracting(UpstreamE2e.Failure::reason)
                .containsExactly("node address was loopback: the API server refuses to proxy to it");
    }

    @Test
    void aFolderWithoutJunitXmlOrWithBrokenXmlIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> UpstreamE2eJunit.read(dir)).isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("no junit*.xml").hasMessageNotContaining("\n");
        Files.writeString(dir.resolve("junit_01.xml"), "<testsuites><testsuite>");
        assertThatThrownBy(() -> UpstreamE2eJunit.read(dir)).isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("junit_01.xml: not a JUnit XML report").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> UpstreamE2eJunit.read(dir.resolve("absent"))).isInstanceOf(ResultsFileException.class)
                .hasMessageContaining("cannot list");
    }

    @Test
    void recordedInResultsJsonAndReadBack(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("junit_e2e.xml"), JUNIT);
        ClusterInfo cluster = new ClusterInfo("local:1.31", "local", "1.31", "v1.31.4")
                .withUpstreamE2e(UpstreamE2eJunit.read(dir));

        String json = ResultsJson.mapper().writeValueAsString(cluster);
        ClusterInfo back = ResultsJson.mapper().readValue(json, ClusterInfo.class);

        assertThat(back).as("round trip through results.json's mapper").isEqualTo(cluster);
        assertThat(ResultsJson.mapper().readValue("{\"id\":\"local:1.31\"}", ClusterInfo.class).upstreamE2e())
                .as("a results.json from before has none").isNull();
    }
}
