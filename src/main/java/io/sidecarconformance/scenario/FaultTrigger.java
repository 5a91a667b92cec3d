package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.Pod;
import io.sidecarconformance.cluster.NodeControl;
import io.sidecarconformance.fault.FaultContext;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The trigger step: listens to the timeline as it grows and, at the agreed moment, fires the fault once (and adds an
 * ephemeral sidecar once main runs), on a worker thread of its own. What the fault did or could not do goes to the
 * run's facts.
 */
final class FaultTrigger implements AutoCloseable {

    /** Bound on waiting for a node action (cluster.sh restart-kubelet has its own bound of 3 min). */
    private static final Duration NODE_ACTION_BOUND = Duration.ofMinutes(4);
    /** Bound on waiting for a fault's agent on a user's pod that fired but had not reported when the pod ended. */
    private static final Duration OWN_POD_ACTION_BOUND = Duration.ofSeconds(90);

    private final RunScope scope;
    private final Supplier<Pod> pod;
    private final Optional<NodeControl> node;
    private final Optional<EphemeralInjection> injection;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final AtomicBoolean acted = new AtomicBoolean();
    private final AtomicBoolean injected = new AtomicBoolean();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sc-worker");
        t.setDaemon(true);
        return t;
    });

    FaultTrigger(RunScope scope, Optional<WorkloadSpec> ephemeral, Supplier<Pod> pod,
                 Optional<NodeControl> node) {
        this.scope = scope;
        this.pod = pod;
        this.node = node;
        this.injection = ephemeral.map(w -> new EphemeralInjection(scope, w, pod));
    }

    /** Called on watch and log threads: only cheap checks here; work goes to the worker thread. */
    void onEvent(TimelineEvent e) {
        boolean mainRunning = e.container().equals(Role.MAIN.containerName()) && e.kind() == EventKind.RUNNING;
        if (mainRunning && injection.isPresent() && injected.compareAndSet(false, true)) {
            worker.submit(injection.get()::inject);
        }
        if (scope.spec().fault().firesOn(e) && fired.compareAndSet(false, true)) {
            worker.schedule(this::fire, scope.spec().fault().delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void fire() {
        var fault = scope.spec().fault();
        try {
            fault.act(new FaultContext(scope.client(), scope.namespace(), pod, scope.images(), scope.settings().faults(),
                    scope::action, scope.clock(), (at, grace) -> scope.facts().deletionRequested(at, grace), node,
                    scope.applied().at(fault.moment()), Containers.of(scope.spec())));
            acted.set(true);
        } catch (RuntimeException e) {
            scope.facts().problem("fault " + fault.id() + " could not be injected: " + ApiAnswers.oneLine(e));
        }
    }

    /**
     * On a user's own pod, why the fault did not act before the pod ended, if it did not: its moment is the user's
     * choice (seconds after main started, a line of main's log), and a pod that ended first says nothing about the
     * fault. (Our patterns' faults fire on a line main writes mid-job; whether it came is part of the observation.)
     */
    Optional<String> missedOnOwnPod() {
        var fault = scope.spec().fault();
        if (scope.spec().own().isPresent() && fired.get() && !acted.get()) {
            // The fault may have struck already and its agent not yet reported (a slow agent on a loaded node): let it.
            awaitWorker(OWN_POD_ACTION_BOUND);
        }
        if (scope.spec().own().isEmpty() || fault.aim() == io.sidecarconformance.result.Aim.NONE
                || fault.notRunBecause().isPresent() || acted.get()) {
            return Optional.empty();
        }
        return Optional.of("the fault " + fault.id() + " did not act before the pod ended (" + (fired.get()
                ? "it was still acting" : "its moment never came") + "; moment: " + fault.moment() + "): the cell says"
                + " nothing about it; choose a moment inside main's work (-Dworkload.fireAfterSeconds, -Dworkload.fireOn)");
    }

    /**
     * A fault on the node must finish (the kubelet back) before the scenario lets others run: an interrupt would kill
     * the command halfway, leaving the node without a kubelet.
     */
    void awaitNodeAction() {
        if (!awaitWorker(NODE_ACTION_BOUND)) {
            scope.action("the fault's action on the node had not finished " + NODE_ACTION_BOUND.toSeconds()
                    + "s after the scenario ended");
        }
    }

    /** Lets the worker finish what it started, within the bound; true if it did. */
    private boolean awaitWorker(Duration bound) {
        worker.shutdown();
        try {
            return worker.awaitTermination(bound.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops what is still running, but lets a fault on the node finish first. */
    @Override
    public void close() {
        if (scope.spec().fault().actsOnNode()) {
            awaitNodeAction();
        }
        worker.shutdownNow();
    }
}
