package io.sidecarconformance.timeline;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Watches one Job, its pod and their Kubernetes Events, follows the pod's container logs, and feeds everything
 * into a {@link Timeline}. No polling: informers (which relist after an API server restart) and log streams.
 * An informer that stops on its own is reported as lost: the timeline is then incomplete, an infrastructure error.
 */
public final class PodObserver implements AutoCloseable {

    private static final java.util.regex.Pattern FIELD_PATH = java.util.regex.Pattern.compile("\\{(.+)}");

    private final KubernetesClient client;
    private final String namespace;
    private final String jobName;
    private final TimelineRecorder timeline;
    private final Clock clock;
    private final Consumer<TimelineEvent> listener;
    private final ContainerNames names;
    private final PodStatusTracker tracker = new PodStatusTracker();
    private final ExecutorService logThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sc-log");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, LogFollower> following = new ConcurrentHashMap<>();
    private final Set<String> drained = ConcurrentHashMap.newKeySet();
    /** Containers with a RUNNING or TERMINATED report while their follower was still reading. */
    private final Set<String> again = ConcurrentHashMap.newKeySet();
    private final Set<String> seenEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
    private volatile boolean closing;
    private volatile String lost;

    private volatile Pod pod;
    private volatile Instant podGoneAt;

    public PodObserver(KubernetesClient client, String namespace, String jobName, TimelineRecorder timeline,
                       Consumer<TimelineEvent> listener, Clock clock) {
        this(client, namespace, jobName, timeline, listener, clock, ContainerNames.asNamed());
    }

    /** With the names the timeline gives the pod's containers (a user's own pod: their roles). */
    public PodObserver(KubernetesClient client, String namespace, String jobName, TimelineRecorder timeline,
                       Consumer<TimelineEvent> listener, Clock clock, ContainerNames names) {
        this.names = names;
        this.client = client;
        this.clock = clock;
        this.namespace = namespace;
        this.jobName = jobName;
        this.timeline = timeline;
        this.listener = listener;
    }

    /** Starts the informers; call before creating the Job so that nothing is missed. */
    public PodObserver start() {
        watch("pod", client.pods().inNamespace(namespace).withLabel("job-name", jobName).inform(handler(this::onPod)));
        watch("job", client.batch().v1().jobs().inNamespace(namespace).withName(jobName).inform(handler(this::onJob)));
        watch("events", client.v1().events().inNamespace(namespace).inform(handler(this::onEvent)));
        return this;
    }

    private void watch(String what, SharedIndexInformer<?> informer) {
        informers.add(informer);
        informer.stopped().whenComplete((done, error) -> {
            if (!closing) {
                lost = "the " + what + " watch stopped" + (error == null ? "" : ": " + error.getMessage());
            }
        });
    }

    /** Why a watch stopped for good (not asked to), or null. */
    public String stopped() {
        return lost;
    }

    /**
     * Why observation became incomplete, or null: a watch stopped unasked, or is still not connected after
     * {@code grace} (a watch reconnects by itself after a brief drop; only a lasting one makes the timeline untrustworthy).
     */
    public String lost(java.time.Duration grace) {
        if (lost != null) {
            return lost;
        }
        try {
            org.awaitility.Awaitility.await().atMost(grace).pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> informers.stream().allMatch(SharedIndexInformer::isWatching));
            return null;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return "a watch stayed disconnected for " + grace.toSeconds() + "s (API server unreachable?)";
        }
    }

    public Pod pod() {
        return pod;
    }

    private void record(TimelineEvent seen) {
        TimelineEvent e = names.observed(seen);
        timeline.add(e);
        listener.accept(e);
    }

    private synchronized void onPod(Watcher.Action action, Pod p) {
        Instant now = clock.instant();
        if (action == Watcher.Action.DELETED) {
            pod = p;
            tracker.update(p, now).forEach(this::record);
            podGoneAt = now;
            record(new TimelineEvent(now, "pod", EventKind.DELETED, p.getMetadata().getName() + " gone", EventSource.STATUS));
            return;
        }
        pod = p;
        for (TimelineEvent e : tracker.update(p, now)) {
            record(e);
            if (e.kind() == EventKind.RUNNING || e.kind() == EventKind.TERMINATED) {
                follow(p.getMetadata().getName(), e.container());
            }
        }
    }

    private void follow(String podName, String container) {
        following.compute(container, (c, current) -> {
            if (current != null) {
                // A report while a follower still reads: it may be a new instance (a quick restart, its RUNNING report
                // before the old stream has ended), so the container's log is followed once more when that one ends.
                again.add(c);
                return current;
            }
            // A container's log is read again by a later follower (after it ended): its mark counts once.
            LogFollower f = new LogFollower(client, namespace, podName, c, this::record, clock,
                    line -> names.marks(c).test(line) && marked.add(c));
            logThreads.submit(() -> {
                try {
                    f.run();
                } finally {
                    if (f.drained()) {
                        drained.add(c);
                    }
                    following.remove(c, f);
                    // lines read twice are one event each (the timeline drops duplicates)
                    if (again.remove(c) && !closing) {
                        follow(podName, c);
                    }
                }
            });
            return f;
        });
    }

    private synchronized void onJob(Watcher.Action action, Job job) {
        if (job.getStatus() == null) {
            return;
        }
        Instant now = clock.instant();
        // The Job's count of failed pods, each time it changes: what a backoffLimit is checked against.
        Integer failed = job.getStatus().getFailed();
        if (failed != null && failed > 0 && seenEvents.add("job/failed=" + failed)) {
            record(new TimelineEvent(now, "job", EventKind.JOB, "failed=" + failed, EventSource.JOB));
        }
        if (job.getStatus().getConditions() == null) {
            return;
        }
        for (JobCondition c : job.getStatus().getConditions()) {
            if (!"True".equals(c.getStatus())) {
                continue;
            }
            String text = c.getType() + (c.getReason() == null ? "" : ": " + c.getReason());
            if (seenEvents.add("job/" + text)) {
                record(new TimelineEvent(now, "job", EventKind.JOB, text, EventSource.JOB));
            }
        }
    }

    private void onEvent(Watcher.Action action, Event e) {
        if (action == Watcher.Action.DELETED || e.getInvolvedObject() == null) {
            return;
        }
        String involved = e.getInvolvedObject().getName();
        boolean ours = jobName.equals(involved) || (involved != null && involved.startsWith(jobName + "-"));
        if (!ours || !seenEvents.add(e.getMetadata().getUid() + "/" + e.getCount())) {
            return;
        }
        String container = "pod";
        String fieldPath = e.getInvolvedObject().getFieldPath();
        if (fieldPath != null) {
            Matcher m = FIELD_PATH.matcher(fieldPath);
            if (m.find()) {
                container = m.group(1);
            }
        } else if (jobName.equals(involved) && "Job".equals(e.getInvolvedObject().getKind())) {
            container = "job";
        }
        record(new TimelineEvent(clock.instant(), container, EventKind.EVENT,
                e.getReason() + ": " + e.getMessage(), EventSource.EVENT));
    }

    /**
     * Reads the whole log (current and previous instance) of every container whose stream is neither still open nor
     * read to its end, to catch lines a broken stream missed. Usually nothing is left to read: the verdict waits less.
     */
    public void sweepLogs() {
        Pod p = pod;
        if (p == null || podGoneAt != null) {
            return;
        }
        Set<String> unread = new HashSet<>();
        PodStatusTracker.statuses(p).forEach(s -> unread.add(s.getName()));
        unread.removeAll(following.keySet());
        // Every instance of a container gets its own follower (started on its RUNNING or TERMINATED report).
        unread.removeAll(drained);
        for (String c : unread) {
            for (boolean previous : new boolean[] {false, true}) {
                try {
                    var container = client.pods().inNamespace(namespace).withName(p.getMetadata().getName()).inContainer(c);
                    String log = previous ? container.terminated().getLog() : container.getLog();
                    if (log != null) {
                        LogReader reader = new LogReader(c, clock);
                        log.lines().forEach(l -> reader.line(l).forEach(e -> timeline.add(names.observed(e))));
                        reader.end().forEach(e -> timeline.add(names.observed(e)));
                    }
                } catch (RuntimeException ignored) {
                    // No previous instance, or the container never started: nothing to read.
                }
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        informers.forEach(SharedIndexInformer::close);
        following.values().forEach(LogFollower::close);
        logThreads.shutdownNow();
    }

    /** Adapts an informer's add/update/delete to the watch actions the handlers above take. */
    private static <T> ResourceEventHandler<T> handler(java.util.function.BiConsumer<Watcher.Action, T> handler) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                handler.accept(Watcher.Action.ADDED, obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                handler.accept(Watcher.Action.MODIFIED, newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                handler.accept(Watcher.Action.DELETED, obj);
            }
        };
    }
}
