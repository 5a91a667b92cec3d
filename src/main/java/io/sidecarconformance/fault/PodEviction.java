package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.sidecarconformance.timeline.SuiteActions;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * Evicts the scenario's pod through the Eviction API (policy/v1, the pods/eviction subresource a node drain or a spot
 * reclaim uses) with the fault grace period. The API either deletes the pod, as a deletion with that grace period, or
 * refuses with 429 Too Many Requests (a disruption budget forbids it), deleting nothing: that refusal is Kubernetes'
 * answer, recorded on the timeline, not a failure of the suite. One request, not a drain's loop (kubectl drain asks again
 * every 5 s until its timeout): the cell records the API's first answer.
 */
final class PodEviction {

    private PodEviction() {
    }

    /**
     * @param refusedBecause what else the fault knows of a refusal (the disruption budget's state), "" for nothing
     * @return whether the API carried the eviction out
     */
    static boolean evict(FaultContext context, Supplier<String> refusedBecause) {
        long grace = context.settings().gracePeriodSeconds();
        Pod target = context.pod().get();
        String pod = target.getMetadata().getName();
        Eviction eviction = new EvictionBuilder()
                .withNewMetadata().withName(pod).withNamespace(context.namespace()).endMetadata()
                .withDeleteOptions(new DeleteOptionsBuilder().withGracePeriodSeconds(grace).build())
                .build();
        context.action().accept("evict pod " + pod + " with gracePeriodSeconds=" + grace + " (policy/v1 Eviction)");
        context.applied().action(command(target, grace));
        Instant sent = context.clock().instant();
        boolean evicted;
        // One request, as one eviction is: the suite's client would resend a 429 with back-off for up to minutes
        // (fabric8 retries 429 like a 5xx), long enough for the pod to end and a late eviction to delete it anyway.
        try (KubernetesClient once = context.oneRequestClient()) {
            evicted = once.pods().inNamespace(context.namespace()).withName(pod).evict(eviction);
        }
        if (evicted) {
            context.deletion().accept(sent, grace);
            context.action().accept("eviction accepted: the API deletes the pod with its grace period");
        } else {
            String why = refusedBecause.get();
            context.action().accept(SuiteActions.EVICTION_REFUSED + " by the API (429 Too Many Requests), the pod stays"
                    + (why.isEmpty() ? "" : "; " + why));
        }
        return evicted;
    }

    /** The same eviction with kubectl: a POST of the Eviction to the pod's eviction subresource. */
    static String command(Pod pod, long grace) {
        String selector = PodDeletion.selector(pod);
        String pods = selector.startsWith("-l ")
                ? "$(kubectl -n \"$NS\" get pod " + selector + " -o jsonpath='{.items[*].metadata.name}')" : selector;
        return "for p in " + pods + "; do printf '{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":"
                + "{\"name\":\"%s\"},\"deleteOptions\":{\"gracePeriodSeconds\":" + grace + "}}' \"$p\""
                + " | kubectl create --raw \"/api/v1/namespaces/$NS/pods/$p/eviction\" -f -; done";
    }
}
