package io.sidecarconformance.fault;

/**
 * Tunables of the faults, from system properties.
 *
 * @param delaySeconds       delayed-sidecar: how long the sidecar waits before starting its service
 * @param gracePeriodSeconds sigterm: grace period of the pod and of its deletion
 */
public record FaultSettings(int delaySeconds, long gracePeriodSeconds) {

    public static FaultSettings defaults() {
        return new FaultSettings(15, 15);
    }
}
