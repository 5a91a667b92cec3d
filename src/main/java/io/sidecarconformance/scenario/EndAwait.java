package io.sidecarconformance.scenario;

import io.sidecarconformance.verdict.EndPolicy;
import io.sidecarconformance.verdict.Ending;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/** The end step: asks the {@link EndPolicy} on fresh snapshots until it says observation is over. */
final class EndAwait {

    private final RunScope scope;
    private final PodWatch watch;
    private final EndPolicy policy;

    EndAwait(RunScope scope, PodWatch watch) {
        this.scope = scope;
        this.watch = watch;
        ScenarioSettings s = scope.settings();
        this.policy = new EndPolicy(s.stuckWindow(), s.jobWindow(), s.deadline());
    }

    /** Polls the policy; the bound only guards against a policy that never ends. */
    Ending ending() {
        Duration bound = scope.settings().deadline().plus(scope.settings().jobWindow()).plusSeconds(30);
        try {
            return await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(this::endingNow, Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            scope.facts().problem("the runner did not end the scenario within " + bound.toSeconds() + "s");
            return now(scope.clock().instant()).orElseThrow();
        }
    }

    /** The ending when the run could not go on: the policy on what was met so far (a problem is among the facts). */
    Ending endingAfterProblem() {
        return now(scope.clock().instant()).orElseThrow();
    }

    /**
     * A fault on the node acts beyond the pod's end: what it met then is part of the observation (the policy decides
     * whether it changes the ending).
     */
    Ending afterNodeAction(Ending ending) {
        Instant now = scope.clock().instant();
        return policy.afterLateProblem(scope.timeline().snapshot(), ending, scope.facts().state(now), now);
    }

    /**
     * The policy's ending on a snapshot taken now. A watch that dropped must have reconnected before a verdict is made;
     * a sweep reads logs no stream finished, and the ending is confirmed on the snapshot that includes them.
     */
    private Optional<Ending> endingNow() {
        watch.noteStopped();
        Instant now = scope.clock().instant();
        Optional<Ending> first = now(now);
        if (first.isEmpty() || first.get().kind() == Ending.Kind.INFRA_ERROR || first.get().kind() == Ending.Kind.REFUSED) {
            return first;
        }
        if (!watch.complete()) {
            return now(scope.clock().instant());
        }
        watch.sweepLogs();
        return now(now);
    }

    private Optional<Ending> now(Instant now) {
        return policy.ending(scope.timeline().snapshot(), scope.facts().state(now), now);
    }
}
