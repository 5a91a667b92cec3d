package io.sidecarconformance.steps;

import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.scenario.ScenarioSpec;

/** What one scenario knows; a fresh instance per scenario (PicoContainer). */
public class ScenarioState {

    public String pattern;
    public String sidecar;
    public String variant;
    public ScenarioSpec spec;
    public String namespace;
    public ScenarioResult result;
}
