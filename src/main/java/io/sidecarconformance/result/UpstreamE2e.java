package io.sidecarconformance.result;

import java.util.List;

/**
 * What Kubernetes' own e2e tests (upstream's e2e.test, a fixed focus run by clusters/e2e/e2e.sh) said about a
 * cluster: a check nobody here wrote that the cluster behaves like upstream Kubernetes.
 *
 * @param selection which focus ran ("quick", "full"), as e2e.sh names it
 * @param passed    tests that ran and passed
 * @param ran       tests that ran (passed or failed; a test that skipped itself did not run)
 * @param skipped   selected tests that skipped themselves (e.g. for a missing feature), with their reason in the XML
 * @param failures  each failed test with its reason
 */
public record UpstreamE2e(String selection, int passed, int ran, int skipped, List<Failure> failures) {

    /** A failed test and why: an explanation written beside the JUnit XML, else the first line of its failure. */
    public record Failure(String test, String reason) {
    }

    public UpstreamE2e {
        failures = failures == null ? List.of() : List.copyOf(failures);
    }

    /** "upstream e2e (quick): 55 of 57 passed". */
    public String summary() {
        return "upstream e2e" + (selection == null || selection.isBlank() ? "" : " (" + selection + ")") + ": "
                + passed + " of " + ran + " passed";
    }
}
