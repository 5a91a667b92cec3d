package io.sidecarconformance.cluster;

/**
 * What the suite can do to the node itself, beyond the API: only where the provider runs the node's processes
 * (the local cluster). A fault that needs it is not applicable elsewhere.
 */
public interface NodeControl {

    /**
     * Stops the node's kubelet and starts it again (its pods keep running), returning once it answers again.
     *
     * @return one line: when it stopped, started and answered again
     * @throws ClusterUnavailableException one line: why it could not
     */
    String restartKubelet();

    /** What {@link #restartKubelet} runs, as a shell command from the repository root (for a reproduction). */
    String restartKubeletCommand();
}
