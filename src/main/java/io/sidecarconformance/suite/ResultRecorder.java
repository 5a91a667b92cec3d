package io.sidecarconformance.suite;

import io.sidecarconformance.result.ScenarioResult;

import java.util.ArrayList;
import java.util.List;

/** Collects the results of a run's scenarios, from any thread. */
public final class ResultRecorder {

    private final List<ScenarioResult> results = new ArrayList<>();

    public synchronized void record(ScenarioResult result) {
        results.add(result);
    }

    public synchronized List<ScenarioResult> results() {
        return List.copyOf(results);
    }
}
