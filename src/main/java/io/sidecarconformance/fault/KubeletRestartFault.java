package io.sidecarconformance.fault;

import io.sidecarconformance.result.Aim;

import io.sidecarconformance.workload.WorkloadRule;

import io.sidecarconformance.cluster.NodeControl;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;

/**
 * While main works, the node's kubelet is stopped and started again (its pods keep running): does the kubelet that
 * comes back leave the running sidecar and main alone, and finish the pod as if nothing happened? Only where the
 * suite runs the kubelet itself (the local provider).
 */
public final class KubeletRestartFault implements Fault {

    /** Main works this long after its first use: the restart (up to 10 s to stop, then its start-up) falls inside. */
    static final int WORK_SECONDS = 40;
    /**
     * The restart comes this far into main's work, when the sidecar has run for longer than the 10 s a kubelet from 1.35
     * requires of a container it finds running before it keeps its Started and Ready (KEP-4781,
     * kubernetes/kubernetes#134746: pkg/kubelet/prober's kubeletRestartGracePeriod); a younger one is reset on every
     * version, and the cell could not tell them apart.
     */
    static final int RESTART_AFTER_SECONDS = 15;

    @Override
    public String id() {
        return "kubelet-restart";
    }

    @Override
    public WorkloadRule onWorkload() {
        return WorkloadRule.needing().saying(facts -> "on local clusters only, where the suite runs the kubelet");
    }

    @Override
    public String label() {
        return "the node's kubelet restarts while main works";
    }

    @Override
    public Aim aim() {
        return Aim.NODE;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        markRestart(spec, WORK_SECONDS);
    }

    /** Main works {@code workSeconds} after its first use and logs Marked {@link #RESTART_AFTER_SECONDS} into it. */
    static void markRestart(WorkloadSpec spec, int workSeconds) {
        spec.env(Role.MAIN, "SC_WORK_SECONDS", Integer.toString(workSeconds))
                .env(Role.MAIN, "SC_MARK_AFTER_SECONDS", Integer.toString(RESTART_AFTER_SECONDS));
    }

    @Override
    public boolean firesOn(TimelineEvent e) {
        return e.container().equals(Role.MAIN.containerName()) && e.kind() == EventKind.STEP && e.detail().startsWith("Marked");
    }

    @Override
    public String moment() {
        return "after main logs Marked, " + RESTART_AFTER_SECONDS + " s into its work";
    }

    @Override
    public void act(FaultContext context) {
        restart(context);
    }

    /**
     * Restarts the node's kubelet, recorded first as the node's command and said on the timeline before and after (with
     * the three moments cluster.sh reports: stopped, started, /healthz answering again).
     *
     * @throws IllegalStateException the cluster gives no node control
     */
    static void restart(FaultContext context) {
        context.action().accept("restart the kubelet: stopping it");
        NodeControl node = context.node().orElseThrow(() -> new IllegalStateException("no node control on this cluster"));
        context.applied().action(node.restartKubeletCommand());
        String report = node.restartKubelet();
        context.action().accept("kubelet restarted: " + report);
    }
}
