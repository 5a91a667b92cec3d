package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.sidecarconformance.pattern.ProxyUpstream;
import io.sidecarconformance.pattern.SidecarKind;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Before the Job of a proxy sidecar: the upstream pod, awaited Ready with an IP, then its address handed to the proxy
 * ({@link ProxyUpstream}). The hand-over is recorded as the kubectl commands that repeat it on a reader's cluster, not
 * as the ConfigMap sent, whose address was this cluster's.
 */
final class ProxyUpstreamStep {

    private final RunScope scope;
    private final int readySeconds;

    ProxyUpstreamStep(RunScope scope) {
        this(scope, ProxyUpstream.READY_SECONDS);
    }

    /** With another bound on the wait for the upstream (tests). */
    ProxyUpstreamStep(RunScope scope, int readySeconds) {
        this.scope = scope;
        this.readySeconds = readySeconds;
    }

    /** Whether this run's sidecar needs an upstream: one of our patterns with the proxy sidecar. */
    static boolean needed(RunScope scope) {
        return scope.spec().own().isEmpty() && scope.spec().sidecar() == SidecarKind.PROXY;
    }

    /** True once the proxy's address is in place; false with a problem recorded (the cell is ERROR, no Job is sent). */
    boolean provide(Map<String, String> labels) {
        var pods = scope.client().pods().inNamespace(scope.namespace());
        Pod pod = ProxyUpstream.pod(scope.images(), labels);
        scope.action("create Pod " + ProxyUpstream.POD + ": the proxy's upstream");
        scope.applied().object(pod);
        ApiAnswers.createOwn(pods.resource(pod));
        Pod ready;
        try {
            ready = pods.withName(ProxyUpstream.POD).waitUntilCondition(ProxyUpstreamStep::readyWithIp, readySeconds,
                    TimeUnit.SECONDS);
        } catch (KubernetesClientTimeoutException e) {
            scope.facts().problem("the proxy's upstream pod " + ProxyUpstream.POD + " was not Ready with an IP within "
                    + readySeconds + "s");
            return false;
        }
        String address = ProxyUpstream.address(ready.getStatus().getPodIP());
        ConfigMap handOver = new ConfigMapBuilder().withNewMetadata().withName(ProxyUpstream.CONFIG_MAP).withLabels(labels)
                .endMetadata().withData(Map.of(ProxyUpstream.ADDRESS_KEY, address)).build();
        scope.action("upstream Ready at " + address + ": create ConfigMap " + ProxyUpstream.CONFIG_MAP + " naming it for the proxy");
        scope.applied().action("once the upstream pod is Ready", ProxyUpstream.handOverCommand());
        ApiAnswers.createOwn(scope.client().configMaps().inNamespace(scope.namespace()).resource(handOver));
        return true;
    }

    private static boolean readyWithIp(Pod p) {
        return p != null && p.getStatus() != null && p.getStatus().getPodIP() != null && !p.getStatus().getPodIP().isBlank()
                && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
