package io.sidecarconformance.fault;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.workload.WorkloadRule;

import java.time.Duration;

/**
 * The node's kubelet restarts while main works beside its sidecar (as kubelet-restart), and once the restarted kubelet
 * answers /healthz and lists the pod again, main's process is SIGKILLed once (as sigkill-main): does the kubelet that
 * came back restart a main that may be restarted (a Restart rule on exit code 137)? It acts on the node, so its
 * scenario runs alone, and only where the suite runs the kubelet itself (the local provider); main failing is its doing.
 */
public final class KubeletRestartMainKillFault implements Fault {

    /**
     * Main works this long after its first use (and again after a restart): the restart comes
     * {@link KubeletRestartFault#RESTART_AFTER_SECONDS} in, and the kill once the kubelet is back and lists the pod and
     * the chaos agent's pod has run (20 to 40 s in on a loaded node), while main still works.
     */
    static final int WORK_SECONDS = 90;
    /** The restarted kubelet must list the pod this soon after its /healthz answers, or the cell is an ERROR. */
    static final int LISTED_WITHIN_SECONDS = 60;

    private static final KubeletRestartFault RESTART = new KubeletRestartFault();

    @Override
    public String id() {
        return "kubelet-restart-main-kill";
    }

    @Override
    public WorkloadRule onWorkload() {
        return RESTART.onWorkload();
    }

    @Override
    public String label() {
        return "the node's kubelet restarts while main works; once it lists the pod again, main's process is SIGKILLed";
    }

    /** Main is killed: a Job that fails is the fault's doing. */
    @Override
    public Aim aim() {
        return Aim.MAIN;
    }

    /** The restart is felt by every pod on the node: its scenario runs alone, where the suite controls the node. */
    @Override
    public boolean actsOnNode() {
        return true;
    }

    @Override
    public void shape(WorkloadSpec spec, SidecarKind kind, FaultSettings settings) {
        KubeletRestartFault.markRestart(spec, WORK_SECONDS);
    }

    @Override
    public boolean firesOn(TimelineEvent e) {
        return RESTART.firesOn(e);
    }

    @Override
    public String moment() {
        return RESTART.moment();
    }

    @Override
    public void act(FaultContext context) {
        KubeletRestartFault.restart(context);
        KubeletPods.awaitListed(context, Duration.ofSeconds(LISTED_WITHIN_SECONDS));
        ContainerKillFault.kill(context, Role.MAIN);
    }
}
