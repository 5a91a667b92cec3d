package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;

import static org.awaitility.Awaitility.await;

/**
 * What the node's kubelet itself says it holds: its own pod list ({@code GET /pods} on the kubelet, through the API
 * server's node proxy), the pods its pod manager has taken from the API server. A kubelet that was restarted answers
 * /healthz before it has them; one that lists the pod has observed it again (its pod worker and probe workers are set
 * up as it adds the pod).
 */
final class KubeletPods {

    /** How often the kubelet's list is asked for. */
    static final Duration POLL = Duration.ofMillis(500);

    private KubeletPods() {
    }

    /**
     * Waits until the kubelet of the pod's node lists the pod (by UID), at most {@code bound}; says on the timeline when
     * it did, and records the wait for a reproduction before it begins.
     *
     * @return how long after the call it listed the pod
     * @throws FaultFailedException it had not within the bound: the fault did not reach its moment
     */
    static Duration awaitListed(FaultContext context, Duration bound) {
        Pod pod = context.pod().get();
        String path = path(pod.getSpec().getNodeName());
        String uid = pod.getMetadata().getUid();
        context.applied().action(command(pod, bound));
        Instant from = context.clock().instant();
        // One request a poll: the suite's client would resend the proxy's 502/503 of a kubelet not yet serving for minutes.
        try (KubernetesClient once = context.oneRequestClient()) {
            await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(POLL).ignoreExceptions()
                    .until(() -> lists(once.raw(path), uid));
        } catch (ConditionTimeoutException e) {
            throw new FaultFailedException("the restarted kubelet did not list pod " + pod.getMetadata().getName()
                    + " within " + bound.toSeconds() + " s (GET " + path + ")");
        }
        Duration took = Duration.between(from, context.clock().instant());
        context.action().accept("the restarted kubelet lists pod " + pod.getMetadata().getName() + " (GET " + path + "), "
                + String.format(java.util.Locale.ROOT, "%.1f", took.toMillis() / 1000.0) + " s after its /healthz answered");
        return took;
    }

    /** The kubelet's pod list, through the API server's proxy to the node. */
    static String path(String node) {
        return "/api/v1/nodes/" + node + "/proxy/pods";
    }

    /** Whether the kubelet's answer (a PodList) holds the pod with this UID; no answer holds none. */
    static boolean lists(String podList, String uid) {
        if (podList == null || podList.isBlank()) {
            return false;
        }
        PodList list = Serialization.unmarshal(podList, PodList.class);
        return list.getItems() != null && list.getItems().stream()
                .anyMatch(p -> p.getMetadata() != null && uid.equals(p.getMetadata().getUid()));
    }

    /** The same wait in a shell, bounded alike: {@code "$NS"} is the scenario's namespace. */
    static String command(Pod pod, Duration bound) {
        String selector = PodDeletion.selector(pod);
        String get = "kubectl -n \"$NS\" get pod " + selector + " -o jsonpath=";
        String item = selector.startsWith("-l ") ? ".items[0]" : "";
        return "uid=$(" + get + "'{" + item + ".metadata.uid}'); node=$(" + get + "'{" + item + ".spec.nodeName}');"
                + " end=$(($(date +%s) + " + bound.toSeconds() + "));"
                + " until kubectl get --raw \"/api/v1/nodes/$node/proxy/pods\" | grep -q \"\\\"uid\\\":\\\"$uid\\\"\";"
                + " do [ \"$(date +%s)\" -lt \"$end\" ] || break; sleep 0.5; done";
    }
}
