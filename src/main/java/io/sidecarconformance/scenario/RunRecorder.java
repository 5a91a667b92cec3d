package io.sidecarconformance.scenario;

import io.sidecarconformance.result.ScenarioResult;

import java.util.ArrayList;
import java.util.List;

/** Collects the results of a run's scenarios, from any thread. */
public final class RunRecorder {

    private final List<ScenarioResult> results = new ArrayList<>();

    public synchronized void record(ScenarioResult result) {
        results.add(result);
    }

    public synchronized List<ScenarioResult> results() {
        return List.copyOf(results);
    }
}
