package io.sidecarconformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.fault.FaultContext;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.JobFactory;
import io.sidecarconformance.pattern.Placement;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.report.Figures;
import io.sidecarconformance.report.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.PodObserver;
import io.sidecarconformance.timeline.PodStatusTracker;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.verdict.Decision;
import io.sidecarconformance.verdict.Observation;
import io.sidecarconformance.verdict.Verdict;
import io.sidecarconformance.verdict.VerdictRules;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;

/**
 * One run of one scenario: submit the Job, watch it, fire the fault at the agreed moment, stop at the first
 * ending (pod terminal, pod gone, stuck window elapsed, deadline), then hand the observation to the verdict.
 */
final class ScenarioRun {

    static final String JOB = "sc-job";
    private static final List<String> IMAGE_PROBLEMS = List.of(
            "waiting=ErrImagePull", "waiting=ImagePullBackOff", "waiting=ErrImageNeverPull", "waiting=InvalidImageName");

    private final KubernetesClient client;
    private final ImageSet images;
    private final ScenarioSettings settings;
    private final ScenarioSpec spec;
    private final String namespace;
    private final Timeline timeline = new Timeline();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sc-worker");
        t.setDaemon(true);
        return t;
    });
    private final List<String> dropped = new CopyOnWriteArrayList<>();
    private final AtomicBoolean faultFired = new AtomicBoolean();
    private final AtomicBoolean sidecarInjected = new AtomicBoolean();

    private WorkloadSpec workload;
    private PodObserver observer;
    private Instant createdAt;
    private volatile String rejection;
    private volatile String infraError;
    private volatile Instant deleteRequestedAt;
    private volatile Long gracePeriod;

    ScenarioRun(KubernetesClient client, ImageSet images, ScenarioSettings settings, ScenarioSpec spec, String namespace) {
        this.client = client;
        this.images = images;
        this.settings = settings;
        this.spec = spec;
        this.namespace = namespace;
    }

    ScenarioResult run() {
        Instant startedAt = Instant.now();
        try {
            workload = workload();
            createOwn(client.configMaps().inNamespace(namespace).resource(ScenarioScripts.configMap()));
            observer = new PodObserver(client, namespace, JOB, timeline, this::onEvent).start();
            submit();
            Ending ending = rejection == null ? awaitEnding() : new Ending("API refused the spec", Instant.now());
            observer.sweepLogs();
            return decide(startedAt, ending);
        } catch (KubernetesClientException e) {
            return error(startedAt, "API error: " + oneLine(e));
        } finally {
            worker.shutdownNow();
            if (observer != null) {
                observer.close();
            }
        }
    }

    private WorkloadSpec workload() {
        WorkloadSpec w = spec.pattern().workload(new ContainerFactory(images, spec.sidecar(), spec.variant()));
        w.env(Role.MAIN, "SC_WAIT_SECONDS", Integer.toString(settings.mainWaitSeconds()))
                .env(Role.MAIN, "SC_WORK_SECONDS", Integer.toString(settings.workSeconds()));
        spec.fault().shape(w, spec.sidecar(), settings.faults());
        return w;
    }

    private void submit() {
        Map<String, String> labels = Map.of("sidecar-conformance/scenario", truncate(spec.key().slug(), 63));
        Job sent = JobFactory.job(JOB, workload, labels);
        action("create Job " + JOB + ": " + spec.key().row() + " under " + spec.key().fault());
        createdAt = Instant.now();
        try {
            Job stored = createOwn(client.batch().v1().jobs().inNamespace(namespace).resource(sent));
            dropped.addAll(prefixed("pod.", droppedFields(sent.getSpec().getTemplate().getSpec(),
                    stored.getSpec().getTemplate().getSpec())));
        } catch (KubernetesClientException e) {
            refusedOrRethrow(e);
        }
    }

    /**
     * Creates an object in the scenario's namespace. Under load the client may resend a create whose answer it lost;
     * the namespace is ours alone, so an object of that name already there (409) is the one we sent.
     */
    private static <T extends HasMetadata> T createOwn(Resource<T> resource) {
        try {
            return resource.create();
        } catch (KubernetesClientException e) {
            T existing = e.getCode() == 409 ? resource.get() : null;
            if (existing == null) {
                throw e;
            }
            return existing;
        }
    }

    /** Called on watch and log threads: only cheap checks here; work goes to the worker thread. */
    private void onEvent(TimelineEvent e) {
        if (e.kind() == EventKind.STATUS && IMAGE_PROBLEMS.stream().anyMatch(e.detail()::startsWith)) {
            infraError = "image not available on the cluster for " + e.container() + " (" + e.detail()
                    + "); import it or choose images with -Dimages.busybox / -Dimages.dind";
        }
        boolean mainRunning = e.container().equals(Role.MAIN.containerName()) && e.kind() == EventKind.RUNNING;
        if (mainRunning && workload.placement() == Placement.EPHEMERAL && sidecarInjected.compareAndSet(false, true)) {
            worker.submit(this::injectEphemeralSidecar);
        }
        boolean mainWorking = e.container().equals(Role.MAIN.containerName()) && e.kind() == EventKind.STEP
                && e.detail().startsWith("Working");
        if (mainWorking && faultFired.compareAndSet(false, true)) {
            worker.submit(this::fireFault);
        }
    }

    private void injectEphemeralSidecar() {
        EphemeralContainer sent = JobFactory.ephemeralSidecar(workload);
        Pod pod = observer.pod();
        action("add ephemeral container " + sent.getName() + " to " + pod.getMetadata().getName());
        try {
            Pod stored = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).ephemeralContainers()
                    .edit(p -> new PodBuilder(p).editSpec().addToEphemeralContainers(sent).endSpec().build());
            EphemeralContainer kept = stored.getSpec().getEphemeralContainers().stream()
                    .filter(c -> c.getName().equals(sent.getName())).findFirst().orElse(null);
            dropped.addAll(prefixed("ephemeralContainers[" + sent.getName() + "].", droppedFields(sent, kept)));
        } catch (KubernetesClientException e) {
            refusedOrRethrowQuietly(e);
        } catch (RuntimeException e) {
            infraError = "could not add the ephemeral container: " + oneLine(e);
        }
    }

    private void fireFault() {
        try {
            spec.fault().act(new FaultContext(client, namespace, observer::pod, images, settings.faults(),
                    this::action, grace -> {
                        gracePeriod = grace;
                        deleteRequestedAt = Instant.now();
                    }));
        } catch (RuntimeException e) {
            infraError = "fault " + spec.fault().id() + " could not be injected: " + oneLine(e);
        }
    }

    private Ending awaitEnding() {
        Duration bound = settings.deadline().plus(settings.jobWindow());
        try {
            return await().atMost(bound.plusSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(this::ending, Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            return new Ending("deadline", Instant.now());
        }
    }

    /** The first ending that holds now, stamped with the moment that decided it. */
    private Optional<Ending> ending() {
        Instant now = Instant.now();
        if (infraError == null && observer.stopped() != null) {
            infraError = "observation incomplete: " + observer.stopped();
        }
        if (infraError != null) {
            return Optional.of(new Ending("infrastructure error", now));
        }
        if (rejection != null) {
            return Optional.of(new Ending("API refused the spec", now));
        }
        Optional<TimelineEvent> job = timeline.jobTerminal();
        // After a deletion only the pod's disappearance ends the run: termination time is what is measured.
        Optional<TimelineEvent> podEnd = deleteRequestedAt != null ? timeline.podGone()
                : timeline.podTerminal().or(timeline::podGone);
        if (podEnd.isPresent()) {
            if (job.isPresent()) {
                Instant decided = job.get().time().isAfter(podEnd.get().time()) ? job.get().time() : podEnd.get().time();
                return Optional.of(new Ending("pod and Job terminal", decided));
            }
            Instant jobDeadline = podEnd.get().time().plus(settings.jobWindow());
            return now.isAfter(jobDeadline) ? Optional.of(new Ending("pod terminal, Job not", jobDeadline)) : Optional.empty();
        }
        Optional<Instant> mainEnd = timeline.ended(Role.MAIN.containerName());
        if (mainEnd.isPresent() && now.isAfter(mainEnd.get().plus(settings.stuckWindow()))) {
            return Optional.of(new Ending("pod not terminal " + settings.stuckWindow().toSeconds() + "s after main ended",
                    mainEnd.get().plus(settings.stuckWindow())));
        }
        Optional<Instant> sidecarReady = timeline.ready(Role.SIDECAR.containerName());
        if (timeline.started(Role.MAIN.containerName()).isEmpty() && sidecarReady.isPresent()
                && now.isAfter(sidecarReady.get().plus(settings.stuckWindow()))) {
            return Optional.of(new Ending("main not started " + settings.stuckWindow().toSeconds() + "s after the sidecar was ready",
                    sidecarReady.get().plus(settings.stuckWindow())));
        }
        if (now.isAfter(createdAt.plus(settings.deadline()))) {
            return Optional.of(new Ending("deadline of " + settings.deadline().toSeconds() + "s", createdAt.plus(settings.deadline())));
        }
        return Optional.empty();
    }

    private ScenarioResult decide(Instant startedAt, Ending ending) {
        String lost = infraError == null ? observer.lost(Duration.ofSeconds(15)) : null;
        if (lost != null) {
            infraError = "observation incomplete: " + lost;
        }
        if (infraError != null) {
            return error(startedAt, infraError);
        }
        if (timeline.first(e -> e.kind() == EventKind.RUNNING || e.kind() == EventKind.STARTING).isEmpty() && rejection == null) {
            return error(startedAt, "no container ever started (" + ending.reason() + "); last: "
                    + timeline.last(e -> e.kind() != EventKind.ACTION).map(TimelineEvent::detail).orElse("nothing observed"));
        }
        Pod pod = observer.pod();
        Observation o = new Observation(timeline.events(), rejection, dropped, spec.fault().targetsMain(), createdAt,
                Instant.now(), ending.reason(), deleteRequestedAt, gracePeriod,
                restarts(pod), exitCodes(pod), reasons(pod));
        Decision d = VerdictRules.decide(o);
        double delay = Math.max(0, Duration.between(ending.decidedAt(), Instant.now()).toMillis() / 1000.0);
        Figures f = d.figures();
        Figures withDelay = new Figures(f.completionSeconds(), f.sidecarOutlivedMainSeconds(), f.terminationSeconds(),
                f.gracePeriodSeconds(), delay, f.podPhase(), f.jobCondition(), f.restarts(), f.exitCodes(), f.reasons());
        return new ScenarioResult(spec.key(), d.verdict(), d.jobVerdict(), d.reason(), withDelay, timeline.events(), startedAt, "");
    }

    private ScenarioResult error(Instant startedAt, String message) {
        return new ScenarioResult(spec.key(), Verdict.ERROR, Verdict.ERROR, message, Figures.none(), timeline.events(), startedAt, "");
    }

    private void action(String what) {
        timeline.add(new TimelineEvent(Instant.now(), "suite", EventKind.ACTION, what, EventSource.SUITE));
    }

    private void refusedOrRethrow(KubernetesClientException e) {
        if (isRefusal(e)) {
            rejection = oneLine(e);
            action("API refused: " + rejection);
        } else {
            throw e;
        }
    }

    private void refusedOrRethrowQuietly(KubernetesClientException e) {
        try {
            refusedOrRethrow(e);
        } catch (KubernetesClientException other) {
            infraError = "API error: " + oneLine(other);
        }
    }

    /** Invalid (422), bad request (400), or a subresource the server does not serve (404/405). */
    static boolean isRefusal(KubernetesClientException e) {
        return e.getCode() == 400 || e.getCode() == 422 || e.getCode() == 404 || e.getCode() == 405;
    }

    static String oneLine(Throwable e) {
        String msg = e instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null
                ? k.getStatus().getMessage() : String.valueOf(e.getMessage());
        return msg.replaceAll("\\s+", " ").strip();
    }

    private static List<String> droppedFields(Object sent, Object stored) {
        JsonNode a = Serialization.jsonMapper().valueToTree(sent);
        JsonNode b = stored == null ? null : Serialization.jsonMapper().valueToTree(stored);
        return io.sidecarconformance.verdict.FieldDropCheck.dropped(a, b);
    }

    private static List<String> prefixed(String prefix, List<String> paths) {
        return paths.stream().map(p -> prefix + p).toList();
    }

    private static String truncate(String s, int max) {
        String t = s.length() <= max ? s : s.substring(0, max);
        return t.replaceAll("[^a-z0-9]+$", "");
    }

    private static Map<String, Integer> restarts(Pod pod) {
        Map<String, Integer> m = new HashMap<>();
        statuses(pod).forEach(s -> m.put(s.getName(), s.getRestartCount() == null ? 0 : s.getRestartCount()));
        return m;
    }

    private static Map<String, Integer> exitCodes(Pod pod) {
        Map<String, Integer> m = new HashMap<>();
        statuses(pod).forEach(s -> lastTermination(s).ifPresent(t -> m.put(s.getName(), t.getExitCode())));
        return m;
    }

    private static Map<String, String> reasons(Pod pod) {
        Map<String, String> m = new HashMap<>();
        statuses(pod).forEach(s -> lastTermination(s).filter(t -> t.getReason() != null).ifPresent(t -> m.put(s.getName(), t.getReason())));
        return m;
    }

    private static Optional<ContainerStateTerminated> lastTermination(ContainerStatus s) {
        if (s.getState() != null && s.getState().getTerminated() != null) {
            return Optional.of(s.getState().getTerminated());
        }
        return Optional.ofNullable(s.getLastState()).map(st -> st.getTerminated());
    }

    private static List<ContainerStatus> statuses(Pod pod) {
        return pod == null || pod.getStatus() == null ? List.of() : PodStatusTracker.statuses(pod).toList();
    }

    /** Why observation stopped and the moment that decided it (for the verdict-delay figure). */
    record Ending(String reason, Instant decidedAt) {
    }
}
