package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Where a fault records what it sends to the API server or does from the runner, at the moment it acts, so that the
 * cell can be reproduced outside the suite. Record before sending: a request the API refuses was still made.
 */
public interface Applied {

    /** An object about to be created in the scenario's namespace, exactly as it will be sent. */
    void object(HasMetadata sent);

    /**
     * Something the runner does that shapes the outcome (a deletion, a kubelet restart), as the equivalent shell
     * command, {@code "$NS"} standing for the scenario's namespace.
     */
    void action(String command);
}
