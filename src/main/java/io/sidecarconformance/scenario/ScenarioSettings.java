package io.sidecarconformance.scenario;

import io.sidecarconformance.fault.FaultSettings;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.ContainerSettings;
import io.sidecarconformance.pattern.RestartRules;

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
 * @param containers      timings of the test containers (light start-up, check bound, tolerant client's retry budget,
 *                        proxy drain)
 */
public record ScenarioSettings(int mainWaitSeconds, int workSeconds, Duration stuckWindow, Duration jobWindow,
                               Duration deadline, FaultSettings faults, ContainerSettings containers) {

    public static ScenarioSettings defaults() {
        return new ScenarioSettings(60, 3, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(300),
                FaultSettings.defaults(), ContainerSettings.defaults());
    }

    /** Every parameter that shapes an outcome, as "what (-Dproperty)" to value with unit, in a stable order. */
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("light sidecar start-up (sidecar.lightStartupSeconds)", seconds(containers.lightStartupSeconds()));
        p.put("proxy sidecar's drain after its SIGTERM, readiness failing, before HAProxy's soft stop"
                + " (sidecar.proxyDrainSeconds)", seconds(containers.proxyDrainSeconds()));
        p.put("main waits for the sidecar (main.waitSeconds)", seconds(mainWaitSeconds));
        p.put("main works between its two uses (main.workSeconds)", seconds(workSeconds));
        p.put("readiness check timeout, main and startupProbe (client.checkTimeoutSeconds)",
                seconds(containers.checkTimeoutSeconds()));
        p.put("+ready: readinessProbe period of main and the sidecar (probe.readinessPeriodSeconds)",
                seconds(containers.readinessPeriodSeconds()));
        p.put("tolerant client's retry budget (client.retrySeconds)", seconds(containers.retrySeconds()));
        p.put("stuck window after main ended (stuck.windowSeconds)", seconds(stuckWindow.toSeconds()));
        p.put("Job window after the pod ended (fixed)", seconds(jobWindow.toSeconds()));
        p.put("scenario deadline (scenario.timeoutSeconds)", seconds(deadline.toSeconds()));
        p.put("delayed-sidecar delay (fault.delaySeconds)", seconds(faults.delaySeconds()));
        p.put("sigterm grace period (fault.graceSeconds)", seconds(faults.gracePeriodSeconds()));
        p.putAll(FaultSettings.fixed());
        p.put("done-file-rules, native-rules, native-restart-all: container restart rules (fixed)", RestartRules.describe());
        p.put("done-file, pidfile (and their -rules forms): the sidecar checks for the done file or main's pid every (fixed)",
                io.sidecarconformance.pattern.ContainerFactory.SHUTDOWN_POLL_SECONDS + " s");
        p.put("native-multi, native-multi-prestop: each sidecar serves on after its SIGTERM for (fixed)",
                io.sidecarconformance.pattern.NativeSidecarChain.DRAIN_SECONDS + " s");
        p.put("+probe: startupProbe period and failure threshold (fixed)", ContainerFactory.PROBE_PERIOD_SECONDS + " s x "
                + ContainerFactory.PROBE_FAILURE_THRESHOLD);
        p.put("proxy: readinessProbe period and failure threshold, and the upstream pod's wait before the cell is ERROR (fixed)",
                ContainerFactory.PROBE_PERIOD_SECONDS + " s x " + ContainerFactory.PROXY_READINESS_FAILURE_THRESHOLD + "; "
                        + io.sidecarconformance.pattern.ProxyUpstream.READY_SECONDS + " s");
        p.put("+ready: readinessProbe failure threshold, its timeout the check timeout (client.checkTimeoutSeconds) (fixed)",
                Integer.toString(ContainerFactory.READINESS_FAILURE_THRESHOLD));
        return p;
    }

    private static String seconds(long s) {
        return s + " s";
    }
}
