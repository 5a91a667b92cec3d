package io.sidecarconformance.verdict;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to stop observing a scenario. Every comparison uses the runner's clock (events' {@code observedAt} and
 * {@code now}), never a container's: a node whose clock is off cannot end a window early.
 * First match wins: infrastructure error (a problem the run met, or an image the kubelet cannot pull), refusal, pod and Job ended, pod ended without a Job condition for the Job
 * window, main ended without the pod ending for the stuck window, a deleted pod not gone its grace period plus the stuck
 * window after the deletion, main not started a stuck window after the sidecar said Ready (unless the pod was deleted:
 * then main need not start), deadline.
 *
 * @param stuckWindow after main ended (or the sidecar said Ready while main had not started), how long the pod may take
 * @param jobWindow   after the pod ended, how long the Job may take to reach a terminal condition
 * @param deadline    bound on the whole scenario, from the Job's creation
 */
public record EndPolicy(Duration stuckWindow, Duration jobWindow, Duration deadline) {

    private static final String MAIN = Role.MAIN.containerName();
    private static final String SIDECAR = Role.SIDECAR.containerName();

    /**
     * What the run knows besides the timeline.
     *
     * @param createdAt         when the Job was created (runner clock)
     * @param deletionAt        when the suite deleted the pod (only its disappearance ends it then), or null
     * @param graceSeconds      the grace period of that deletion, or null
     * @param infraError        why the suite could not observe or act, or null
     * @param refusal           the API's refusal, or null
     */
    public record RunState(Instant createdAt, Instant deletionAt, Long graceSeconds, String infraError, String refusal) {

        /** Not (yet) deleted. */
        public RunState(Instant createdAt, String infraError, String refusal) {
            this(createdAt, null, null, infraError, refusal);
        }

        public boolean deletionRequested() {
            return deletionAt != null;
        }
    }

    public Optional<Ending> ending(Timeline t, RunState s, Instant now) {
        Optional<String> problem = problem(t, s);
        if (problem.isPresent()) {
            return Optional.of(new Ending(Ending.Kind.INFRA_ERROR, problem.get(), now));
        }
        if (s.refusal() != null) {
            return Optional.of(new Ending(Ending.Kind.REFUSED, "API refused the spec", now));
        }
        Optional<TimelineEvent> podEnd = s.deletionRequested() ? t.podGone() : t.podEnd();
        if (podEnd.isPresent()) {
            Optional<TimelineEvent> job = t.jobTerminal();
            if (job.isPresent()) {
                return Optional.of(new Ending(Ending.Kind.POD_AND_JOB_ENDED, "pod and Job ended",
                        later(job.get().observedAt(), podEnd.get().observedAt())));
            }
            Instant jobDeadline = podEnd.get().observedAt().plus(jobWindow);
            return now.isAfter(jobDeadline)
                    ? Optional.of(new Ending(Ending.Kind.JOB_NOT_TERMINAL, "the Job had no terminal condition "
                            + jobWindow.toSeconds() + "s after the pod ended", jobDeadline))
                    : Optional.empty();
        }
        Optional<Instant> mainEnd = t.endObserved(MAIN);
        if (mainEnd.isPresent() && now.isAfter(mainEnd.get().plus(stuckWindow))) {
            return Optional.of(new Ending(Ending.Kind.POD_NOT_ENDED, "the pod had not ended " + stuckWindow.toSeconds()
                    + "s after main ended", mainEnd.get().plus(stuckWindow)));
        }
        if (s.deletionRequested()) {
            Instant goneBy = s.deletionAt().plusSeconds(s.graceSeconds() == null ? 0 : s.graceSeconds()).plus(stuckWindow);
            if (now.isAfter(goneBy)) {
                return Optional.of(new Ending(Ending.Kind.POD_NOT_GONE, "the pod was not gone " + seconds(s.deletionAt(), goneBy)
                        + "s after its deletion (grace period " + s.graceSeconds() + "s plus " + stuckWindow.toSeconds() + "s)",
                        goneBy));
            }
        }
        Optional<Instant> sidecarReady = t.first(e -> e.container().equals(SIDECAR)
                && e.kind() == io.sidecarconformance.timeline.EventKind.READY).map(TimelineEvent::observedAt);
        if (!s.deletionRequested() && t.started(MAIN).isEmpty() && sidecarReady.isPresent()
                && now.isAfter(sidecarReady.get().plus(stuckWindow))) {
            return Optional.of(new Ending(Ending.Kind.MAIN_NEVER_STARTED, "main had not started " + stuckWindow.toSeconds()
                    + "s after the sidecar said Ready", sidecarReady.get().plus(stuckWindow)));
        }
        Instant deadlineAt = s.createdAt().plus(deadline);
        if (now.isAfter(deadlineAt)) {
            return Optional.of(new Ending(Ending.Kind.DEADLINE, "the scenario's deadline of " + deadline.toSeconds()
                    + "s passed", deadlineAt));
        }
        return Optional.empty();
    }

    /**
     * A fault on the node acts past the pod's end: a problem met by then (a restart that failed or could not be confirmed)
     * is an infrastructure error, never an outcome decided before it was known.
     */
    public Ending afterLateProblem(Timeline t, Ending ending, RunState s, Instant now) {
        Optional<String> problem = problem(t, s);
        return problem.isPresent() && ending.kind() != Ending.Kind.INFRA_ERROR
                ? new Ending(Ending.Kind.INFRA_ERROR, problem.get(), now) : ending;
    }

    /** What stood in the way of observing or acting: the first problem the run met, else an image the kubelet cannot pull. */
    private static Optional<String> problem(Timeline t, RunState s) {
        return s.infraError() != null ? Optional.of(s.infraError()) : InfraProblems.imageNotPullable(t);
    }

    private static long seconds(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toSeconds();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
