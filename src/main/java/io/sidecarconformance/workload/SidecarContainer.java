package io.sidecarconformance.workload;

import io.sidecarconformance.pattern.Placement;

/**
 * A sidecar of a workload: a native one (an init container with restartPolicy: Always, {@link Placement#NATIVE_INIT})
 * or a classic one (a regular container beside main, {@link Placement#CONTAINER}).
 */
public record SidecarContainer(String name, Placement placement) {

    public boolean isNative() {
        return placement == Placement.NATIVE_INIT;
    }
}
