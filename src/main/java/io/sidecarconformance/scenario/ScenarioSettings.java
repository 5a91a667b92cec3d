package io.sidecarconformance.scenario;

import io.sidecarconformance.fault.FaultSettings;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Every setting that shapes an outcome, for the report's legend: "what (property)" -> value with unit. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("main waits for the sidecar up to (main.waitSeconds)", mainWaitSeconds + "s");
        p.put("main works between its two uses of the sidecar", workSeconds + "s");
        p.put("stuck window after main ended (stuck.windowSeconds)", stuckWindow.toSeconds() + "s");
        p.put("Job window after the pod ended", jobWindow.toSeconds() + "s");
        p.put("scenario deadline (scenario.timeoutSeconds)", deadline.toSeconds() + "s");
        p.put("delayed-sidecar: start delay (fault.delaySeconds)", faults.delaySeconds() + "s");
        p.put("sigterm: grace period (fault.graceSeconds)", faults.gracePeriodSeconds() + "s");
        return p;
    }

    public static ScenarioSettings defaults() {
        return new ScenarioSettings(60, 3, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(300),
                FaultSettings.defaults());
    }
}
