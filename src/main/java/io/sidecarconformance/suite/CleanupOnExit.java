package io.sidecarconformance.suite;

/**
 * The run's cleanup on Ctrl-C or a crash, as a JVM shutdown hook: registered once the run has things to clean up,
 * removed when the run finished on its own (then it has cleaned up itself).
 */
final class CleanupOnExit {

    private final Thread hook;

    private CleanupOnExit(Runnable cleanUp) {
        this.hook = new Thread(cleanUp, "sc-cleanup");
    }

    static CleanupOnExit register(Runnable cleanUp) {
        CleanupOnExit onExit = new CleanupOnExit(cleanUp);
        Runtime.getRuntime().addShutdownHook(onExit.hook);
        return onExit;
    }

    void unregister() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs or has run.
        }
    }
}
