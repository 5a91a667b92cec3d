package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.sidecarconformance.result.ColumnFigure;
import io.sidecarconformance.workload.WorkloadRule;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * As {@link EvictionFault}, with a PodDisruptionBudget of {@code maxUnavailable: 0} selecting the pod, created when
 * main works and given up to {@link #BUDGET_STATUS_SECONDS} for the disruption controller to write its status before
 * the eviction: the API then refuses the eviction (429), as a node drain meets it (actions/actions-runner-controller#4148,
 * #4197). The refusal, with the budget's state, is the cell's record of what Kubernetes did; the pod is left to finish.
 */
public final class EvictionPdbFault implements PodEndingFault {

    static final String BUDGET = "sc-pdb";
    /** Far longer than a disruption controller takes to see a new budget on an idle cluster. */
    static final int BUDGET_STATUS_SECONDS = 30;

    @Override
    public String id() {
        return "eviction-pdb";
    }

    @Override
    public WorkloadRule onWorkload() {
        return PodEndingFault.withGracePeriod("creates a PodDisruptionBudget (maxUnavailable 0) selecting the pod by its"
                + " labels, then evicts the pod through the Eviction API");
    }

    @Override
    public String label() {
        return "a disruption budget (maxUnavailable 0) guards the pod; it is evicted while main works";
    }

    /** A refused eviction ends nothing: the cell's figure is its outcome's, not a termination's. */
    @Override
    public ColumnFigure figure() {
        return ColumnFigure.OUTCOME;
    }

    @Override
    public void act(FaultContext context) {
        Pod target = context.pod().get();
        PodDisruptionBudget budget = budget(target);
        Resource<PodDisruptionBudget> resource = context.client().policy().v1().podDisruptionBudget()
                .inNamespace(context.namespace()).resource(budget);
        context.action().accept("create PodDisruptionBudget " + BUDGET + " (maxUnavailable 0) selecting "
                + budget.getSpec().getSelector().getMatchLabels());
        context.applied().object(budget);
        resource.create();
        try {
            resource.waitUntilCondition(b -> b != null && b.getStatus() != null && b.getStatus().getConditions() != null
                    && !b.getStatus().getConditions().isEmpty(), BUDGET_STATUS_SECONDS, TimeUnit.SECONDS);
            context.action().accept("PodDisruptionBudget " + BUDGET + " has a status: " + state(resource.get()));
        } catch (KubernetesClientException e) {
            // The eviction is still the question: the API answers it whatever the budget's status.
            context.action().accept("PodDisruptionBudget " + BUDGET + " had no status " + BUDGET_STATUS_SECONDS + " s after"
                    + " its creation; evicting anyway");
        }
        PodEviction.evict(context, () -> "PodDisruptionBudget " + BUDGET + " then: " + state(resource.get()));
    }

    /** The budget: maxUnavailable 0, selecting the Job's pod by its controller's label, else by all the pod's labels. */
    static PodDisruptionBudget budget(Pod pod) {
        Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        String job = labels.get(PodDeletion.JOB_NAME_LABEL);
        return new PodDisruptionBudgetBuilder()
                .withNewMetadata().withName(BUDGET).endMetadata()
                .withNewSpec().withMaxUnavailable(new IntOrString(0))
                .withNewSelector().withMatchLabels(job == null ? labels : Map.of(PodDeletion.JOB_NAME_LABEL, job)).endSelector()
                .endSpec().build();
    }

    /** What the disruption controller wrote: the disruptions it allows and its DisruptionAllowed condition. */
    static String state(PodDisruptionBudget budget) {
        PodDisruptionBudgetStatus s = budget == null ? null : budget.getStatus();
        if (s == null) {
            return "no status";
        }
        StringBuilder sb = new StringBuilder("disruptionsAllowed=" + s.getDisruptionsAllowed() + " currentHealthy="
                + s.getCurrentHealthy() + " desiredHealthy=" + s.getDesiredHealthy() + " expectedPods=" + s.getExpectedPods()
                + " observedGeneration=" + s.getObservedGeneration() + " of generation " + budget.getMetadata().getGeneration());
        if (s.getConditions() != null) {
            for (Condition c : s.getConditions()) {
                sb.append(", ").append(c.getType()).append('=').append(c.getStatus())
                        .append(c.getReason() == null ? "" : " (" + c.getReason() + ")")
                        .append(c.getMessage() == null || c.getMessage().isEmpty() ? "" : ": " + c.getMessage());
            }
        }
        return sb.toString();
    }
}
