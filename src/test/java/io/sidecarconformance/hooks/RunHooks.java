package io.sidecarconformance.hooks;

import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import io.sidecarconformance.cluster.ClusterUnavailableException;
import io.sidecarconformance.scenario.SuiteRun;

/** Once per run: validate input and bring the cluster up; at the end write the report and stop the cluster. */
public class RunHooks {

    @BeforeAll
    public static void startRun() {
        try {
            SuiteRun.current();
        } catch (IllegalArgumentException | ClusterUnavailableException e) {
            System.err.println("sidecar-conformance: " + e.getMessage());
            throw new BadInput(e.getMessage());
        }
    }

    @AfterAll
    public static void finishRun() throws Exception {
        SuiteRun run = SuiteRun.currentIfStarted();
        if (run != null) {
            run.finish();
        }
    }
}
