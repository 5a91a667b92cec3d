package io.sidecarconformance.scenario;

import io.sidecarconformance.fault.FaultSettings;

import java.time.Duration;

/**
 * Bounds and tunables of one scenario.
 *
 * @param mainWaitSeconds how long main waits for the sidecar's service before giving up (exit 3)
 * @param workSeconds     how long main works between its two uses of the sidecar
 * @param stuckWindow     after main ended, how long the pod may take to become terminal before it counts as stuck
 * @param jobWindow       after the pod is terminal or gone, how long to wait for the Job's condition
 * @param deadline        bound on the whole scenario
 * @param faults          fault tunables
 */
public record ScenarioSettings(int mainWaitSeconds, int workSeconds, Duration stuckWindow, Duration jobWindow,
                               Duration deadline, FaultSettings faults) {

    public static ScenarioSettings defaults() {
        return new ScenarioSettings(60, 3, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(300),
                FaultSettings.defaults());
    }
}
