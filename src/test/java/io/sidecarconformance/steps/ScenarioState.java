package io.sidecarconformance.steps;

import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.scenario.ScenarioSpec;

import java.util.List;

/** What one scenario knows; a fresh instance per scenario (PicoContainer). */
public class ScenarioState {

    public String pattern;
    public String sidecar;
    public String variant;
    public ScenarioSpec spec;
    /** The scenario runs the users' own pods (-Dworkload) rather than a pattern. */
    public boolean ownPods;
    /** One result per run of the cell (-Drepeat), in order. */
    public List<ScenarioResult> results = List.of();
}
