package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.cluster.NodeControl;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.TimelineRecorder;
import io.sidecarconformance.verdict.Ending;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One run of one scenario, as a short sequence of steps: submit the Job ({@link JobSubmission}) while watching it
 * ({@link PodWatch}), trigger the fault at the agreed moment ({@link FaultTrigger}), await the end the
 * {@link io.sidecarconformance.verdict.EndPolicy} names ({@link EndAwait}), then decide on one snapshot
 * ({@link ScenarioVerdict}). The steps share only the run's records ({@link RunScope}).
 */
final class ScenarioRun {

    private final RunScope scope;
    private final Optional<NodeControl> node;

    ScenarioRun(KubernetesClient client, ImageSet images, ScenarioSettings settings, ScenarioSpec spec, String namespace,
                Clock clock, Optional<NodeControl> node) {
        this.scope = new RunScope(client, namespace, spec, settings, images, clock, new TimelineRecorder(),
                new AppliedLog(), new RunFacts());
        this.node = node;
    }

    /** The run's result, carrying what it sent to the API server and did from the runner ({@link AppliedLog}). */
    ScenarioResult run() {
        Instant startedAt = scope.clock().instant();
        ScenarioVerdict verdict = canAct() ? observe(startedAt) : ScenarioVerdict.decide(scope, startedAt, notRun());
        // After the fault's thread has finished (observe's resources are closed): nothing it sends is missed.
        return verdict.result(startedAt, scope.applied().objects());
    }

    private ScenarioVerdict observe(Instant startedAt) {
        JobSource source = JobSource.of(scope);
        try (PodWatch watch = new PodWatch(scope);
             FaultTrigger trigger = new FaultTrigger(scope, source.ephemeral(), watch::pod, node)) {
            EndAwait end = new EndAwait(scope, watch);
            Ending ending;
            try {
                JobSubmission submission = new JobSubmission(scope, source);
                submission.shipScripts();
                watch.start(trigger::onEvent);
                submission.submitJob();
                ending = end.ending();
                if (scope.spec().fault().actsOnNode()) {
                    trigger.awaitNodeAction();
                    ending = end.afterNodeAction(ending);
                }
                Optional<String> missed = trigger.missedOnOwnPod();
                if (missed.isPresent() && scope.facts().problem() == null) {
                    scope.facts().problem(missed.get());
                    ending = end.endingAfterProblem();
                }
            } catch (KubernetesClientException e) {
                scope.facts().problem("API error: " + ApiAnswers.oneLine(e));
                ending = end.endingAfterProblem();
            }
            return ScenarioVerdict.decide(scope, startedAt, ending);
        }
    }

    /**
     * A fault that acts on the node can act only where the suite runs the node's processes itself; a fault that does not
     * apply to a user's pod never acts.
     */
    private boolean canAct() {
        return scope.spec().fault().notRunBecause().isEmpty() && (!scope.spec().fault().actsOnNode() || node.isPresent());
    }

    private Ending notRun() {
        ScenarioSpec spec = scope.spec();
        String why = spec.fault().notRunBecause().orElseGet(() -> "the fault " + spec.fault().id() + " acts on the node,"
                + " which the suite can do only where it runs the node's processes itself (local clusters); on "
                + spec.key().cluster() + " it cannot");
        scope.action("not run: " + why);
        return new Ending(Ending.Kind.NOT_RUN, why, scope.clock().instant());
    }
}
