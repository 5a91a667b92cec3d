package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sidecarconformance.pattern.JobFactory;
import io.sidecarconformance.pattern.WorkloadSpec;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Adds the ephemeral sidecar to the running pod, as kubectl debug does, and notes what the API did with it (kept it,
 * dropped some of its fields, refused it, or could not be asked).
 */
final class EphemeralInjection {

    private final RunScope scope;
    private final WorkloadSpec workload;
    private final Supplier<Pod> pod;

    EphemeralInjection(RunScope scope, WorkloadSpec workload, Supplier<Pod> pod) {
        this.scope = scope;
        this.workload = workload;
        this.pod = pod;
    }

    void inject() {
        EphemeralContainer sent = JobFactory.ephemeralSidecar(workload);
        String podName = pod.get().getMetadata().getName();
        scope.action("add ephemeral container " + sent.getName() + " to " + podName);
        String body = patch(sent);
        scope.applied().ephemeralPatch(podName, body);
        PodResource target = scope.client().pods().inNamespace(scope.namespace()).withName(podName);
        try {
            Pod stored = target.ephemeralContainers().patch(PatchContext.of(PatchType.STRATEGIC_MERGE), body);
            EphemeralContainer kept = stored.getSpec().getEphemeralContainers().stream()
                    .filter(c -> c.getName().equals(sent.getName())).findFirst().orElse(null);
            scope.facts().dropped(ApiAnswers.dropped("ephemeralContainers[" + sent.getName() + "].", sent, kept));
        } catch (KubernetesClientException e) {
            if (!ApiAnswers.isRefusal(e)) {
                scope.facts().problem("API error: " + ApiAnswers.oneLine(e));
                return;
            }
            String refusal = ApiAnswers.refusalOrRethrow(scope, e);
            EphemeralContainer plain = JobFactory.ephemeralSidecar(ScenarioWorkload.of(scope, false));
            scope.facts().refused(refusal, !plain.equals(sent) && ApiAnswers.acceptedInDryRun(scope,
                    () -> ((PodResource) target.dryRun()).ephemeralContainers()
                            .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), patch(plain))));
        } catch (RuntimeException e) {
            scope.facts().problem("could not add the ephemeral container: " + ApiAnswers.oneLine(e));
        }
    }

    /**
     * The strategic-merge patch of the pod's ephemeralcontainers subresource that adds {@code c}, as kubectl debug
     * sends it: ephemeral containers merge by name, so the patch adds one and keeps the others.
     */
    static String patch(EphemeralContainer c) {
        return Serialization.asJson(Map.of("spec", Map.of("ephemeralContainers", List.of(c))));
    }
}
