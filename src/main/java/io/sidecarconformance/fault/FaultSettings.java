package io.sidecarconformance.fault;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tunables of the faults, from system properties.
 *
 * @param delaySeconds       delayed-sidecar: how long the sidecar waits before starting its service
 * @param gracePeriodSeconds sigterm (and the faults that delete or evict as it does): grace period of the pod and of
 *                           its deletion
 */
public record FaultSettings(int delaySeconds, long gracePeriodSeconds) {

    /** The faults' fixed values that shape outcomes, for the report's legend: what -> value. */
    public static Map<String, String> fixed() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sigterm, sigkill-main: main works before its second use (fixed)", SigkillMainFault.LONG_WORK_SECONDS + " s");
        p.put("sidecar-oom, sidecar-child-oom, main-oom: memory limit and allocation (fixed)", MemoryHog.describe());
        p.put("sidecar-oom, sidecar-child-oom, main-oom: which process allocates, and what each kind of node kills (fixed)",
                "sidecar-oom: " + SidecarOomFault.ON_EACH_NODE + "; sidecar-child-oom: " + SidecarChildOomFault.ON_EACH_NODE
                        + "; main-oom: " + MainOomFault.ON_EACH_NODE);
        p.put("sidecar-oom, sidecar-child-oom: main's second use is a busy spell of calls " + SidecarOomFault.BUSY_PAUSE_SECONDS
                + " s apart, up to (fixed); the sidecar allocates when it begins; main retries a failed call for"
                + " client.retrySeconds (every row is a retrying client): the cell says whether the sidecar served on or"
                + " came back in time; under sidecar-oom 'sidecar down' says how long it was gone (kill to Ready again)",
                SidecarOomFault.BUSY_SECONDS + " s");
        p.put("sidecar-early-crash: crashing starts / each exits 1 after / startupProbe's first check after (fixed)",
                SidecarEarlyCrashFault.CRASHING_STARTS + " / " + SidecarEarlyCrashFault.CRASH_AFTER_SECONDS + " s / "
                        + SidecarEarlyCrashFault.PROBE_DELAY_SECONDS + " s");
        p.put("sigterm-slow-main: main exits this long after SIGTERM (fixed)", SigtermSlowMainFault.LINGER_SECONDS + " s");
        p.put("eviction-pdb: the disruption budget's status is awaited before the eviction, at most (fixed)",
                EvictionPdbFault.BUDGET_STATUS_SECONDS + " s");
        p.put("stop-signal: main's lifecycle.stopSignal, on a pod with spec.os.name " + StopSignalFault.OS + " (fixed)",
                StopSignalFault.SIGNAL);
        p.put("delete-during-init: the last sidecar but one holds its service back (fixed)", DeleteDuringInitFault.HOLD_SECONDS + " s");
        p.put("burstable-oom-scores: memory request of limit (fixed)", BurstableOomScoresFault.describe());
        p.put("sidecar-crashloop: backoffLimit / sidecar crashes / main works (fixed)", SidecarCrashLoopFault.BACKOFF_LIMIT
                + " / " + SidecarCrashLoopFault.CRASHES + " / " + SidecarCrashLoopFault.WORK_SECONDS + " s");
        p.put("kubelet-restart: main works after its first use (fixed)", KubeletRestartFault.WORK_SECONDS + " s");
        p.put("kubelet-restart: the kubelet is restarted this far into main's work (fixed)",
                KubeletRestartFault.RESTART_AFTER_SECONDS + " s");
        p.put("kubelet-restart-main-kill: main works after its first use and after a restart / the kubelet is restarted this"
                + " far into main's work / the restarted kubelet must list the pod within, before main is SIGKILLed (fixed)",
                KubeletRestartMainKillFault.WORK_SECONDS + " s / " + KubeletRestartFault.RESTART_AFTER_SECONDS + " s / "
                        + KubeletRestartMainKillFault.LISTED_WITHIN_SECONDS + " s");
        return p;
    }

    public static FaultSettings defaults() {
        return new FaultSettings(15, 15);
    }
}
