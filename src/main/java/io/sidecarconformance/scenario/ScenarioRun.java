package io.sidecarconformance.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.cluster.NodeControl;
import io.sidecarconformance.fault.FaultContext;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.JobFactory;
import io.sidecarconformance.pattern.Placement;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.PodObserver;
import io.sidecarconformance.timeline.PodStatusTracker;
import io.sidecarconformance.timeline.Timeline;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.timeline.TimelineRecorder;
import io.sidecarconformance.verdict.Decision;
import io.sidecarconformance.verdict.EndPolicy;
import io.sidecarconformance.verdict.Ending;
import io.sidecarconformance.verdict.FieldDropCheck;
import io.sidecarconformance.verdict.Observation;
import io.sidecarconformance.verdict.VerdictRules;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Clock;
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
 * One run of one scenario: submit the Job, watch it, fire the fault at the agreed moment, stop when the
 * {@link EndPolicy} says so, then hand one snapshot of the timeline to the rules; the result stores that snapshot.
 */
final class ScenarioRun {

    static final String JOB = "sc-job";
    /** Bound on waiting for a node action (cluster.sh restart-kubelet has its own bound of 3 min). */
    private static final Duration NODE_ACTION_BOUND = Duration.ofMinutes(4);
    private static final List<String> IMAGE_PROBLEMS = List.of(
            "waiting=ErrImagePull", "waiting=ImagePullBackOff", "waiting=ErrImageNeverPull", "waiting=InvalidImageName");

    private final KubernetesClient client;
    private final ImageSet images;
    private final ScenarioSettings settings;
    private final ScenarioSpec spec;
    private final String namespace;
    private final Clock clock;
    private final EndPolicy endPolicy;
    private final Optional<NodeControl> node;
    private final TimelineRecorder timeline = new TimelineRecorder();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sc-worker");
        t.setDaemon(true);
        return t;
    });
    private final List<String> dropped = new CopyOnWriteArrayList<>();
    private final AppliedLog applied = new AppliedLog();
    private final AtomicBoolean faultFired = new AtomicBoolean();
    private final AtomicBoolean sidecarInjected = new AtomicBoolean();

    private WorkloadSpec workload;
    private PodObserver observer;
    private Instant createdAt;
    private volatile String rejection;
    private volatile boolean acceptedWithoutFault;
    private volatile String infraError;
    private volatile Instant deleteRequestedAt;
    private volatile Long gracePeriod;

    ScenarioRun(KubernetesClient client, ImageSet images, ScenarioSettings settings, ScenarioSpec spec, String namespace,
                Clock clock, Optional<NodeControl> node) {
        this.client = client;
        this.node = node;
        this.clock = clock;
        this.endPolicy = new EndPolicy(settings.stuckWindow(), settings.jobWindow(), settings.deadline());
        this.images = images;
        this.settings = settings;
        this.spec = spec;
        this.namespace = namespace;
    }

    /** The run's result, carrying what it sent to the API server and did from the runner ({@link AppliedLog}). */
    ScenarioResult run() {
        ScenarioResult result = observeAndDecide();
        // After the fault's thread has finished (see observeAndDecide's finally): nothing it sends is missed.
        return result.asRun(result.repeat(), applied.objects(), result.runnerLoad());
    }

    private ScenarioResult observeAndDecide() {
        Instant startedAt = clock.instant();
        if (spec.fault().actsOnNode() && node.isEmpty()) {
            String why = "the fault " + spec.fault().id() + " acts on the node, which the suite can do only where it runs the"
                    + " node's processes itself (local clusters); on " + spec.key().cluster() + " it cannot";
            action("not run: " + why);
            return decide(startedAt, new Ending(Ending.Kind.NOT_RUN, why, clock.instant()));
        }
        try {
            workload = workload(true);
            ConfigMap scripts = ScenarioScripts.configMap();
            applied.object(scripts);
            createOwn(client.configMaps().inNamespace(namespace).resource(scripts));
            observer = new PodObserver(client, namespace, JOB, timeline, this::onEvent, clock).start();
            submit();
            Ending ending = awaitEnding();
            if (spec.fault().actsOnNode()) {
                // The fault's own end is part of what was observed: a restart that failed (or could not be confirmed)
                // after the pod had ended is an infrastructure error, never an outcome decided before it was known.
                awaitNodeAction();
                if (infraError != null && ending.kind() != Ending.Kind.INFRA_ERROR) {
                    ending = new Ending(Ending.Kind.INFRA_ERROR, infraError, clock.instant());
                }
            }
            return decide(startedAt, ending);
        } catch (KubernetesClientException e) {
            return ScenarioResult.error(spec.key(), "API error: " + oneLine(e), timeline.snapshot().events(), startedAt);
        } finally {
            if (spec.fault().actsOnNode()) {
                awaitNodeAction();
            }
            worker.shutdownNow();
            if (observer != null) {
                observer.close();
            }
        }
    }

    /** The pattern's workload, shaped by the fault or not (to tell a refusal of the fault's fields from the pattern's). */
    private WorkloadSpec workload(boolean withFault) {
        WorkloadSpec w = spec.pattern().workload(new ContainerFactory(images, spec.sidecar(), spec.variant(), settings.containers()));
        w.env(Role.MAIN, "SC_WAIT_SECONDS", Integer.toString(settings.mainWaitSeconds()))
                .env(Role.MAIN, "SC_WORK_SECONDS", Integer.toString(settings.workSeconds()));
        if (withFault) {
            spec.fault().shape(w, spec.sidecar(), settings.faults());
        }
        return w;
    }

    private void submit() {
        Map<String, String> labels = Map.of("sidecar-conformance/scenario", truncate(spec.key().slug(), 63));
        Job sent = JobFactory.job(JOB, workload, labels);
        action("create Job " + JOB + ": " + spec.key().row() + " under " + spec.key().fault());
        applied.object(sent);
        createdAt = clock.instant();
        try {
            Job stored = createOwn(client.batch().v1().jobs().inNamespace(namespace).resource(sent));
            dropped.addAll(prefixed("pod.", droppedFields(sent.getSpec().getTemplate().getSpec(),
                    stored.getSpec().getTemplate().getSpec())));
        } catch (KubernetesClientException e) {
            String refusal = refusalOrRethrow(e);
            Job plain = JobFactory.job(JOB, workload(false), labels);
            refused(refusal, !plain.equals(sent) && acceptedInDryRun(() -> client.batch().v1().jobs().inNamespace(namespace)
                    .resource(plain).dryRun().create()));
        }
    }

    /** Records a refusal once the dry run has answered: a refusal ends the observation at once. */
    private void refused(String refusal, boolean withoutFaultAccepted) {
        acceptedWithoutFault = withoutFaultAccepted;
        rejection = refusal;
    }

    /**
     * After a refusal: whether the API accepts the same request without the fault's fields (a server-side dry run,
     * nothing is stored). If it does, the refusal was of what the fault adds, not of the pattern.
     */
    private boolean acceptedInDryRun(Runnable request) {
        try {
            request.run();
            action("dry run without the fault's fields: accepted");
            return true;
        } catch (KubernetesClientException e) {
            action("dry run without the fault's fields: refused too (" + oneLine(e) + ")");
            return false;
        } catch (RuntimeException e) {
            // Undecided: the refusal stands as the pattern's.
            action("dry run without the fault's fields could not be made: " + oneLine(e));
            return false;
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
        if (spec.fault().firesOn(e) && faultFired.compareAndSet(false, true)) {
            worker.submit(this::fireFault);
        }
    }

    private void injectEphemeralSidecar() {
        EphemeralContainer sent = JobFactory.ephemeralSidecar(workload);
        Pod pod = observer.pod();
        action("add ephemeral container " + sent.getName() + " to " + pod.getMetadata().getName());
        String body = ephemeralPatch(sent);
        applied.ephemeralPatch(pod.getMetadata().getName(), body);
        try {
            Pod stored = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).ephemeralContainers()
                    .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), body);
            EphemeralContainer kept = stored.getSpec().getEphemeralContainers().stream()
                    .filter(c -> c.getName().equals(sent.getName())).findFirst().orElse(null);
            dropped.addAll(prefixed("ephemeralContainers[" + sent.getName() + "].", droppedFields(sent, kept)));
        } catch (KubernetesClientException e) {
            if (!isRefusal(e)) {
                infraError = "API error: " + oneLine(e);
                return;
            }
            String refusal = refusalOrRethrow(e);
            EphemeralContainer plain = JobFactory.ephemeralSidecar(workload(false));
            refused(refusal, !plain.equals(sent) && acceptedInDryRun(() -> ((PodResource) client.pods().inNamespace(namespace)
                    .withName(pod.getMetadata().getName()).dryRun()).ephemeralContainers()
                    .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), ephemeralPatch(plain))));
        } catch (RuntimeException e) {
            infraError = "could not add the ephemeral container: " + oneLine(e);
        }
    }

    /**
     * The strategic-merge patch of the pod's ephemeralcontainers subresource that adds {@code c}, as kubectl debug
     * sends it: ephemeral containers merge by name, so the patch adds one and keeps the others.
     */
    static String ephemeralPatch(EphemeralContainer c) {
        return Serialization.asJson(Map.of("spec", Map.of("ephemeralContainers", List.of(c))));
    }

    private void fireFault() {
        try {
            spec.fault().act(new FaultContext(client, namespace, observer::pod, images, settings.faults(),
                    this::action, grace -> {
                        gracePeriod = grace;
                        deleteRequestedAt = clock.instant();
                    }, node, applied.at(spec.fault().moment())));
        } catch (RuntimeException e) {
            infraError = "fault " + spec.fault().id() + " could not be injected: " + oneLine(e);
        }
    }

    /**
     * A fault on the node must finish (the kubelet back) before the scenario lets others run: an interrupt would kill
     * the command halfway, leaving the node without a kubelet.
     */
    private void awaitNodeAction() {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(NODE_ACTION_BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)) {
                action("the fault's action on the node had not finished " + NODE_ACTION_BOUND.toSeconds() + "s after the scenario ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls the end-of-observation policy on fresh snapshots; the bound only guards against a policy that never ends. */
    private Ending awaitEnding() {
        Duration bound = settings.deadline().plus(settings.jobWindow()).plusSeconds(30);
        try {
            return await().atMost(bound).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(this::ending, Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            return new Ending(Ending.Kind.INFRA_ERROR, "the runner did not end the scenario within " + bound.toSeconds() + "s",
                    clock.instant());
        }
    }

    /**
     * The policy's ending on a snapshot taken now. A watch that dropped must have reconnected before a verdict is
     * made; a sweep reads logs no stream finished, and the ending is confirmed on the snapshot that includes them.
     */
    private Optional<Ending> ending() {
        if (infraError == null && observer.stopped() != null) {
            infraError = "observation incomplete: " + observer.stopped();
        }
        Instant now = clock.instant();
        Optional<Ending> first = endPolicy.ending(timeline.snapshot(), state(), now);
        if (first.isEmpty() || first.get().kind() == Ending.Kind.INFRA_ERROR || first.get().kind() == Ending.Kind.REFUSED) {
            return first;
        }
        String lost = observer.lost(Duration.ofSeconds(15));
        if (lost != null) {
            infraError = "observation incomplete: " + lost;
            return endPolicy.ending(timeline.snapshot(), state(), clock.instant());
        }
        observer.sweepLogs();
        return endPolicy.ending(timeline.snapshot(), state(), now);
    }

    private EndPolicy.RunState state() {
        return new EndPolicy.RunState(createdAt == null ? clock.instant() : createdAt, deleteRequestedAt, gracePeriod,
                infraError, rejection);
    }

    /** One snapshot: the rules decide on it and the result stores it. */
    private ScenarioResult decide(Instant startedAt, Ending ending) {
        Timeline snapshot = timeline.snapshot();
        Instant endedAt = clock.instant();
        Pod pod = observer == null ? null : observer.pod();
        Observation o = new Observation(snapshot, ending, rejection, acceptedWithoutFault, dropped, spec.fault().targetsMain(),
                createdAt == null ? startedAt : createdAt, endedAt, deleteRequestedAt, gracePeriod,
                restarts(pod), exitCodes(pod), reasons(pod));
        Decision d = VerdictRules.decide(o);
        double delay = Math.max(0, Duration.between(ending.decidedAt(), clock.instant()).toMillis() / 1000.0);
        return new ScenarioResult(spec.key(), d.outcome(), d.reason(), d.findings(), d.figures().withVerdictDelay(delay),
                snapshot.events(), startedAt, "", 1, List.of(), null, o.record());
    }

    private void action(String what) {
        timeline.add(new TimelineEvent(clock.instant(), "suite", EventKind.ACTION, what, EventSource.SUITE));
    }

    /** The API's refusal message (recorded on the timeline), or the exception again when it is no refusal. */
    private String refusalOrRethrow(KubernetesClientException e) {
        if (!isRefusal(e)) {
            throw e;
        }
        String refusal = oneLine(e);
        action("API refused: " + refusal);
        return refusal;
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
        return FieldDropCheck.dropped(a, b);
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
}
