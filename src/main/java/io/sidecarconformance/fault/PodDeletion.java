package io.sidecarconformance.fault;

/** Deletes the scenario's pod with the fault grace period, telling the observer first. */
final class PodDeletion {

    private PodDeletion() {
    }

    static void delete(FaultContext context) {
        long grace = context.settings().gracePeriodSeconds();
        String pod = context.pod().get().getMetadata().getName();
        context.deletion().accept(grace);
        context.action().accept("delete pod " + pod + " with gracePeriodSeconds=" + grace);
        context.client().pods().inNamespace(context.namespace()).withName(pod).withGracePeriod(grace).delete();
    }
}
