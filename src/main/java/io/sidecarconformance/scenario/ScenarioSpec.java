package io.sidecarconformance.scenario;

import io.sidecarconformance.result.ScenarioKey;

import io.sidecarconformance.fault.Fault;
import io.sidecarconformance.pattern.Pattern;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;

/** What to run: a grid cell resolved to its pattern, sidecar kind, variant and fault. */
public record ScenarioSpec(ScenarioKey key, Pattern pattern, SidecarKind sidecar, Variant variant, Fault fault) {
}
