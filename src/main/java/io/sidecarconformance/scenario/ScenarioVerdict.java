package io.sidecarconformance.scenario;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.verdict.Decision;
import io.sidecarconformance.verdict.Ending;
import io.sidecarconformance.verdict.Observation;
import io.sidecarconformance.verdict.VerdictRules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The decide step, and the one place a run's {@link ScenarioResult} is built: one snapshot of the timeline and the run's
 * facts make the observation, the rules ({@link VerdictRules}) decide on it, every outcome ERROR and TIMEOUT included,
 * and the result stores it.
 */
public final class ScenarioVerdict {

    private final ScenarioKey key;
    private final Observation observation;
    private final Decision decision;
    private final double delaySeconds;

    private ScenarioVerdict(ScenarioKey key, Observation observation, Clock clock) {
        this.key = key;
        this.observation = observation;
        this.decision = VerdictRules.decide(observation);
        this.delaySeconds = Math.max(0, Duration.between(observation.ending().decidedAt(), clock.instant()).toMillis() / 1000.0);
    }

    /** Decides a run on a snapshot taken now, with what the run did and met. */
    static ScenarioVerdict decide(RunScope scope, Instant startedAt, Ending ending) {
        RunFacts f = scope.facts();
        Observation o = Observation.observed(scope.timeline().snapshot(), ending, f.refusal(), f.acceptedWithoutFault(),
                f.droppedFields(), scope.spec().fault().targetsMain(), f.createdAt() == null ? startedAt : f.createdAt(),
                scope.clock().instant(), f.deletionAt(), f.graceSeconds());
        return new ScenarioVerdict(scope.spec().key(), o, scope.clock());
    }

    /**
     * The result of a run that never reached the cluster: it was unavailable, or the scenario's namespace could not be
     * made. The rules decide it (ERROR) like any other.
     */
    public static ScenarioResult unobserved(ScenarioSpec spec, String problem, Clock clock) {
        Instant now = clock.instant();
        return new ScenarioVerdict(spec.key(), Observation.unobserved(problem, spec.fault().targetsMain(), now), clock)
                .result(now, List.of());
    }

    /** The result: the decision with the snapshot and observation it was made on, and what the run sent. */
    ScenarioResult result(Instant startedAt, List<AppliedObject> applied) {
        Decision d = decision;
        return new ScenarioResult(key, d.outcome(), d.reason(), d.findings(), d.figures().withVerdictDelay(delaySeconds),
                observation.timeline().events(), startedAt, "", 1, applied, null, observation.record());
    }
}
