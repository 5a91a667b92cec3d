package io.sidecarconformance.report;

import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.ScenarioResult;

import java.util.Optional;

/**
 * An outcome as the page shows it. DROPPED says only that the API server dropped a field we set; what a reader needs is
 * what the Job did then (1.27 and 1.28 drop an init container's {@code restartPolicy: Always}, and the sidecar, now an
 * ordinary init container, never ends: main never starts). So a DROPPED record shows one of these forms, decided from
 * the record's figures alone (the legend states this rule through {@link OutcomeLook#rule(OutcomeForm)}):
 * <ul>
 *   <li>{@link #DROPPED_COMPLETES}: the Job's terminal condition is Complete;</li>
 *   <li>{@link #DROPPED_FAILS}: the Job's terminal condition is Failed;</li>
 *   <li>{@link #DROPPED_HANGS}: no terminal Job condition, but a pod phase: the run was watched and the Job never ended;</li>
 *   <li>{@link #DROPPED}: neither (a record written without figures): nothing is known of what followed.</li>
 * </ul>
 * Every other outcome has one form, of the same name. The declaration order is the outcomes' order.
 */
enum OutcomeForm {
    SUCCEEDED(Outcome.SUCCEEDED, null),
    FAILED_BY_FAULT(Outcome.FAILED_BY_FAULT, null),
    FAILED(Outcome.FAILED, null),
    STUCK(Outcome.STUCK, null),
    TIMEOUT(Outcome.TIMEOUT, null),
    REJECTED(Outcome.REJECTED, null),
    DROPPED_HANGS(Outcome.DROPPED, Outcome.STUCK),
    DROPPED_FAILS(Outcome.DROPPED, Outcome.FAILED),
    DROPPED_COMPLETES(Outcome.DROPPED, Outcome.SUCCEEDED),
    DROPPED(Outcome.DROPPED, null),
    NOT_APPLICABLE(Outcome.NOT_APPLICABLE, null),
    ERROR(Outcome.ERROR, null);

    private final Outcome outcome;
    private final Outcome then;

    OutcomeForm(Outcome outcome, Outcome then) {
        this.outcome = outcome;
        this.then = then;
    }

    /** The form a record shows: for DROPPED, by what the Job did after the drop (see the class rules). */
    static OutcomeForm of(ScenarioResult result) {
        if (result.outcome() != Outcome.DROPPED) {
            return of(result.outcome());
        }
        Figures figures = result.figures();
        String job = figures.jobCondition() == null ? "" : figures.jobCondition();
        if (job.startsWith("Complete")) {
            return DROPPED_COMPLETES;
        }
        if (job.startsWith("Failed")) {
            return DROPPED_FAILS;
        }
        return figures.podPhase() == null ? DROPPED : DROPPED_HANGS;
    }

    /** The outcome's own form; DROPPED's is the one that knows nothing of what followed. */
    static OutcomeForm of(Outcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED_BY_FAULT -> FAILED_BY_FAULT;
            case FAILED -> FAILED;
            case STUCK -> STUCK;
            case TIMEOUT -> TIMEOUT;
            case REJECTED -> REJECTED;
            case DROPPED -> DROPPED;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            case ERROR -> ERROR;
        };
    }

    Outcome outcome() {
        return outcome;
    }

    /** For a DROPPED form that knows it, what the Job did after the drop, as the outcome whose look it borrows. */
    Optional<Outcome> then() {
        return Optional.ofNullable(then);
    }

    boolean isPatternForm() {
        return outcome.isPatternOutcome();
    }
}
