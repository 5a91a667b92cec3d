package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sidecarconformance.fault.Applied;
import io.sidecarconformance.result.AppliedObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a scenario sent to the API server and did from the runner, in order, from any thread: objects as
 * YAML without their namespace (so they apply to any), the ephemeral-container patch as its JSON body, and the
 * runner's actions as shell commands named by when they happen. Server-side dry runs are not recorded: they store
 * nothing, and reproducing a cell does not need them.
 */
final class AppliedLog {

    static final String EPHEMERAL_PATCH = "ephemeralcontainers patch";
    static final String ACTION = "action";

    private final List<AppliedObject> objects = new ArrayList<>();

    /** An object as it is about to be sent. */
    void object(HasMetadata sent) {
        HasMetadata copy = Serialization.clone(sent);
        if (copy.getMetadata() != null) {
            copy.getMetadata().setNamespace(null);
        }
        add(new AppliedObject(sent.getKind(), sent.getMetadata().getName(), Serialization.asYaml(copy)));
    }

    /** A patch of a pod's ephemeralcontainers subresource, with the body as sent. */
    void ephemeralPatch(String pod, String json) {
        add(new AppliedObject(EPHEMERAL_PATCH, pod, json));
    }

    /** Something the runner does, {@code when} (e.g. "after main logs Working"), as a shell command. */
    void action(String when, String command) {
        add(new AppliedObject(ACTION, when, command));
    }

    /** This log as a fault sees it: its actions happen at the fault's moment. */
    Applied at(String when) {
        return new Applied() {
            @Override
            public void object(HasMetadata sent) {
                AppliedLog.this.object(sent);
            }

            @Override
            public void action(String command) {
                AppliedLog.this.action(when, command);
            }
        };
    }

    synchronized List<AppliedObject> objects() {
        return List.copyOf(objects);
    }

    private synchronized void add(AppliedObject o) {
        objects.add(o);
    }
}
