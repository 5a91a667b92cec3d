package io.sidecarconformance.verdict;

import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.timeline.ContainerInstance;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.SuiteActions;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.sidecarconformance.verdict.Times.at;

/**
 * The only place that decides an outcome. Rules, first match wins:
 * <ol>
 * <li>ERROR: the suite could not observe or act (the ending is an infrastructure error: cluster unavailable, namespace
 *     not created, API error, image not pullable, watch lost, fault not injected), or no container ever started;</li>
 * <li>NOT_APPLICABLE: the fault cannot act on this cluster (it acts on a node the suite does not run), or the API
 *     refused the spec and accepted it (dry run) without the fault's fields;</li>
 * <li>REJECTED: the API refused the spec;</li>
 * <li>ERROR, too: a memory hog that said it was allocating ended with exit 0 (the OOM fault did not act); the node's
 *     runtime could not create one of the pod's containers (its cgroup, {@link InfraProblems#runtimeCouldNotCreate});</li>
 * <li>DROPPED: the API kept the spec but dropped a field we set;</li>
 * <li>TIMEOUT: the scenario's deadline passed before any end-of-observation rule held ({@link Ending.Kind#DEADLINE});</li>
 * <li>STUCK: the pod did not end (main ended or never started, and the pod was not terminal a stuck window later; or
 *     a deleted pod was not gone in time), or the pod ended and the Job had no terminal condition a Job window later;</li>
 * <li>SUCCEEDED: the Job's condition is Complete;</li>
 * <li>FAILED_BY_FAULT: the Job's condition is Failed, the fault was aimed at main (OOM, SIGKILL, deletion) and acted
 *     ({@link #faultActed}), and main was not started again after it (the fault acts once: the instance it struck is
 *     the last);</li>
 * <li>FAILED: the Job's condition is Failed, and no fault was aimed at main, or it never acted (the Job failed before
 *     its moment came, e.g. a container the runtime could not start), or main was restarted in place after the fault
 *     and a later instance failed (the fault was survived; what followed failed the Job).</li>
 * </ol>
 * Findings (what was seen on the way) come from {@link FindingRules}; figures from {@link FigureRules}.
 */
public final class VerdictRules {

    private static final String MAIN = Role.MAIN.containerName();
    private static final String SIDECAR = Role.SIDECAR.containerName();

    private VerdictRules() {
    }

    public static Decision decide(Observation o) {
        Figures figures = FigureRules.of(o);
        List<Finding> findings = FindingRules.of(o, figures);
        Decided d = outcome(o);
        // Quoted evidence (API messages, kubelet waiting messages) may span lines; a reason never does. An ERROR or
        // NOT_APPLICABLE cell is no observation of the pattern under its fault: what was seen on the way is not a finding.
        boolean noFindings = d.outcome() == Outcome.ERROR || d.outcome() == Outcome.NOT_APPLICABLE;
        return new Decision(d.outcome(), d.reason().replaceAll("\\s*\\R\\s*", " ").strip(),
                noFindings ? List.of() : findings, figures);
    }

    private record Decided(Outcome outcome, String reason) {
    }

    private static Decided outcome(Observation o) {
        Timeline t = o.timeline();
        if (o.ending().kind() == Ending.Kind.INFRA_ERROR) {
            return new Decided(Outcome.ERROR, o.ending().reason());
        }
        if (o.ending().kind() == Ending.Kind.NOT_RUN) {
            return new Decided(Outcome.NOT_APPLICABLE, "not run: " + o.ending().reason());
        }
        if (o.rejection() != null) {
            return o.acceptedWithoutFault()
                    ? new Decided(Outcome.NOT_APPLICABLE, "the API refused what the fault adds to the spec: " + o.rejection()
                            + " (the same spec without the fault was accepted in a dry run)")
                    : new Decided(Outcome.REJECTED, "API refused the spec: " + o.rejection());
        }
        if (!t.anyContainerStarted()) {
            return new Decided(Outcome.ERROR, "no container ever started (" + o.ending().reason() + "); last: "
                    + t.last(e -> e.kind() != EventKind.ACTION).map(TimelineEvent::detail).orElse("nothing observed"));
        }
        Optional<String> runtimeFailed = InfraProblems.runtimeCouldNotCreate(t);
        if (runtimeFailed.isPresent()) {
            return new Decided(Outcome.ERROR, runtimeFailed.get());
        }
        Optional<String> hogMissed = hogEndedWithoutKill(o);
        if (hogMissed.isPresent()) {
            return new Decided(Outcome.ERROR, hogMissed.get());
        }
        if (!o.droppedFields().isEmpty()) {
            return new Decided(Outcome.DROPPED, "API dropped " + String.join(", ", o.droppedFields()) + "; then " + whatHappened(o));
        }
        if (o.ending().kind() == Ending.Kind.DEADLINE) {
            return new Decided(Outcome.TIMEOUT, stuck(o));
        }
        if (!o.ending().kind().podEnded() || t.jobTerminal().isEmpty()) {
            return new Decided(Outcome.STUCK, stuck(o));
        }
        TimelineEvent job = t.jobTerminal().get();
        if (job.detail().startsWith("Complete")) {
            return new Decided(Outcome.SUCCEEDED, "Job Complete: " + whatHappened(o));
        }
        if (!o.faultTargetsMain()) {
            return new Decided(Outcome.FAILED, "Job " + job.detail() + " with no fault aimed at main: " + whatHappened(o));
        }
        if (!faultActed(o)) {
            return new Decided(Outcome.FAILED, "Job " + job.detail() + " before the fault aimed at main acted (no deletion,"
                    + " no chaos agent, no memory hog in main): " + whatHappened(o));
        }
        int mainInstances = t.runs(MAIN).size();
        return mainInstances > 1
                ? new Decided(Outcome.FAILED, "Job " + job.detail() + ": the fault was aimed at main, but main was restarted"
                        + " in place after it (" + mainInstances + " instances) and a later instance failed: " + whatHappened(o))
                : new Decided(Outcome.FAILED_BY_FAULT, "Job " + job.detail() + ", the fault was aimed at main: " + whatHappened(o));
    }

    /**
     * The memory hog (a container's "Allocating" step) exists to be OOM-killed. It ended where its container says so
     * in a ChildEnded line (a hog in a child process, which the container's first process outlived), else with the
     * instance it ran in. A hog that ended with exit 0 was not killed: the fault did not act, so whatever followed is no
     * verdict.
     */
    private static Optional<String> hogEndedWithoutKill(Observation o) {
        Timeline t = o.timeline();
        for (TimelineEvent step : t.events()) {
            if (!isStep(step, "Allocating")) {
                continue;
            }
            for (ContainerInstance run : t.runs(step.container())) {
                boolean thisRun = !run.start().isAfter(step.time()) && run.end().map(e -> !e.isBefore(step.time())).orElse(true);
                if (!thisRun) {
                    continue;
                }
                Optional<TimelineEvent> childEnded = t.first(e -> e.container().equals(step.container()) && isStep(e, "ChildEnded")
                        && !e.time().isBefore(step.time()) && run.end().map(end -> !e.time().isAfter(end)).orElse(true));
                String ended = childEnded.map(e -> e.detail().split(" ")[1]).map(code -> "exit " + code)
                        .orElse(run.howItEnded());
                if (ended.equals("exit 0") || ended.startsWith("exit 0 ")) {
                    return Optional.of("the memory hog in " + step.container() + " (" + step.detail() + " at "
                            + at(o, step.time()) + ") ended with " + childEnded.map(e -> "its own " + ended + " (" + e.detail() + ")")
                            .orElse(ended) + ", not an OOM kill: the fault did not act");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The fault aimed at main acted, as the timeline shows it: the pod's deletion or eviction was requested, its chaos
     * agent was started, or main's memory hog began (its "Allocating" line). A Job that failed without any of these
     * failed before the fault's moment came. (An agent that could not act is an infrastructure error, decided before.)
     */
    static boolean faultActed(Observation o) {
        Timeline t = o.timeline();
        return o.deleteRequestedAt() != null
                || t.first(e -> e.kind() == EventKind.ACTION && e.detail().endsWith(": " + SuiteActions.AGENT_STARTING)).isPresent()
                || t.first(e -> e.container().equals(MAIN) && isStep(e, "Allocating")).isPresent();
    }

    /** A container's step line whose first word is {@code word}. */
    private static boolean isStep(TimelineEvent e, String word) {
        return e.kind() == EventKind.STEP && (e.detail().equals(word) || e.detail().startsWith(word + " "));
    }

    private static String stuck(Observation o) {
        Timeline t = o.timeline();
        String job = t.jobTerminal().map(j -> "; the Job was already " + j.detail()).orElse("");
        return switch (o.ending().kind()) {
            case JOB_NOT_TERMINAL -> o.ending().reason() + " (" + whatHappened(o) + ")";
            case POD_NOT_ENDED -> "main ended at " + t.ended(MAIN).map(e -> at(o, e)).orElse("?") + " (" + endOf(t, MAIN)
                    + ") but the pod was still " + t.lastPhase() + " at " + at(o, o.endedAt()) + " (" + stillRunning(o) + ")" + job;
            case POD_NOT_GONE -> o.ending().reason() + " (" + whatHappened(o) + ")" + job;
            case MAIN_NEVER_STARTED -> o.ending().reason() + ": main " + lastStateOf(t, MAIN) + "; pod " + t.lastPhase() + job;
            default -> o.ending().reason() + ": main " + (t.ended(MAIN).isPresent() ? "ended (" + endOf(t, MAIN) + ")"
                    : lastStateOf(t, MAIN)) + "; pod " + t.lastPhase() + job;
        };
    }

    /** What the pod did, in words: how it ended and how each container ended. */
    private static String whatHappened(Observation o) {
        Timeline t = o.timeline();
        List<String> words = new ArrayList<>();
        containers(o).forEach(c -> words.add(c + " " + endOf(t, c)));
        String containers = String.join(", ", words);
        Optional<TimelineEvent> gone = t.podGone();
        if (o.deleteRequestedAt() != null && gone.isPresent()) {
            return "pod gone " + Times.secs(Times.seconds(o.deleteRequestedAt(), gone.get().time())) + " after deletion ("
                    + containers + ")";
        }
        Optional<TimelineEvent> terminal = t.podTerminal();
        if (terminal.isPresent()) {
            return "pod " + terminal.get().detail() + " at " + at(o, terminal.get().time()) + " (" + containers + ")";
        }
        return gone.map(g -> "pod gone at " + at(o, g.time()) + " (" + containers + ")")
                .orElse("pod still " + t.lastPhase() + " at " + at(o, o.endedAt()) + " (" + containers + ")");
    }

    /** How a container's last instance ended: its own Exiting line's words where it wrote one, else the kubelet's. */
    private static String endOf(Timeline t, String container) {
        Optional<ContainerInstance> lastRun = t.lastRun(container);
        if (lastRun.isEmpty()) {
            return lastStateOf(t, container);
        }
        ContainerInstance last = lastRun.get();
        if (last.end().isEmpty()) {
            return "running";
        }
        List<String> parts = new ArrayList<>();
        parts.add(last.howItEnded());
        // The script's own words after its exit code ("second use of the sidecar failed", "SIGTERM").
        String words = last.exitLine() == null ? "" : last.exitLine().detail().replaceFirst("^-?\\d+\\s*", "");
        if (last.terminated() != null && !words.isBlank()) {
            parts.add("\"" + words + "\"");
        }
        // The kubelet's reason can name an OOM kill for a container that ended on the kubelet's own SIGTERM (an
        // ephemeral sidecar stopped after main's OOM kill): say which the timeline shows.
        if (last.terminated() != null && last.terminated().detail().contains("reason=OOMKilled") && words.equals("SIGTERM")) {
            parts.add("(the kubelet's reason says OOMKilled, but the container's own last line says it ended on SIGTERM)");
        }
        return String.join(" ", parts);
    }

    /** Main, the sidecar, then every other container that ran or that the API listed, in the order they started. */
    private static List<String> containers(Observation o) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(List.of(MAIN, SIDECAR));
        names.addAll(o.timeline().containers());
        new java.util.TreeSet<>(o.restarts().keySet()).forEach(names::add);
        return List.copyOf(names);
    }

    private static String stillRunning(Observation o) {
        Timeline t = o.timeline();
        List<String> running = new ArrayList<>();
        for (String c : containers(o)) {
            if (t.lastRun(c).filter(r -> r.end().isEmpty()).isPresent()) {
                running.add(c + " running");
            }
        }
        return running.isEmpty() ? "no container running" : String.join(", ", running);
    }

    /**
     * The container's last reported state: running, a waiting reason, or the kubelet's termination of an instance that
     * never ran (a StartError: the runtime could not start its process).
     */
    private static String lastStateOf(Timeline t, String container) {
        return t.last(e -> e.container().equals(container) && (e.kind() == EventKind.STATUS || e.kind() == EventKind.RUNNING
                        || e.kind() == EventKind.TERMINATED))
                .map(e -> switch (e.kind()) {
                    case RUNNING -> "running";
                    case TERMINATED -> "never ran (" + e.detail().replaceFirst(" finishedAt=\\S+", "") + ")";
                    default -> e.detail();
                })
                .orElse("never started");
    }
}
