package io.sidecarconformance.scenario;

import io.sidecarconformance.verdict.EndPolicy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a scenario did and met, besides the timeline: the one piece of state its steps share (the worker, the
 * watch and log threads, and the run's own thread all write here). Facts only: the rules in verdict/ decide from them.
 */
final class RunFacts {

    private Instant createdAt;
    private Instant deletionAt;
    private Long graceSeconds;
    private String refusal;
    private boolean acceptedWithoutFault;
    private final List<String> dropped = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** The Job was sent to the API server at {@code at}. */
    synchronized void created(Instant at) {
        createdAt = at;
    }

    /** The suite deleted the pod at {@code at} with a grace period (null: the default). */
    synchronized void deletionRequested(Instant at, Long grace) {
        deletionAt = at;
        graceSeconds = grace;
    }

    /** The API refused what was sent; {@code withoutFaultAccepted}: the same without the fault's fields was accepted. */
    synchronized void refused(String message, boolean withoutFaultAccepted) {
        acceptedWithoutFault = withoutFaultAccepted;
        refusal = message;
    }

    synchronized void dropped(List<String> paths) {
        dropped.addAll(paths);
    }

    /** The suite could not observe or act: the first such problem is the one that counts. */
    synchronized void problem(String what) {
        problems.add(what);
    }

    synchronized Instant createdAt() {
        return createdAt;
    }

    synchronized Instant deletionAt() {
        return deletionAt;
    }

    synchronized Long graceSeconds() {
        return graceSeconds;
    }

    synchronized String refusal() {
        return refusal;
    }

    synchronized boolean acceptedWithoutFault() {
        return acceptedWithoutFault;
    }

    synchronized List<String> droppedFields() {
        return List.copyOf(dropped);
    }

    /** The first problem met, or null. */
    synchronized String problem() {
        return problems.isEmpty() ? null : problems.get(0);
    }

    /** The facts the end-of-observation rules read; before the Job was created, {@code now} stands for its creation. */
    synchronized EndPolicy.RunState state(Instant now) {
        return new EndPolicy.RunState(createdAt == null ? now : createdAt, deletionAt, graceSeconds, problem(), refusal);
    }
}
