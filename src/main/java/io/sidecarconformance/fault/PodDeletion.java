package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.Pod;

import java.util.Map;

/** Deletes the scenario's pod with the fault grace period, telling the observer first. */
final class PodDeletion {

    static final String JOB_NAME_LABEL = "job-name";

    private PodDeletion() {
    }

    static void delete(FaultContext context) {
        delete(context, context.settings().gracePeriodSeconds());
    }

    static void delete(FaultContext context, long grace) {
        Pod target = context.pod().get();
        String pod = target.getMetadata().getName();
        context.deletion().accept(context.clock().instant(), grace);
        context.action().accept("delete pod " + pod + " with gracePeriodSeconds=" + grace);
        context.applied().action("kubectl -n \"$NS\" delete pod " + selector(target) + " --grace-period=" + grace + " --wait=false");
        context.client().pods().inNamespace(context.namespace()).withName(pod).withGracePeriod(grace).delete();
    }

    /** The Job's pod by the label its controller gives it (the pod's name is random), else by its name. */
    static String selector(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String job = labels == null ? null : labels.get(JOB_NAME_LABEL);
        return job == null ? pod.getMetadata().getName() : "-l " + JOB_NAME_LABEL + "=" + job;
    }
}
