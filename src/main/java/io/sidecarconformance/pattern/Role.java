package io.sidecarconformance.pattern;

/** The two containers every workload has; also their container names. */
public enum Role {
    MAIN("main"),
    SIDECAR("sidecar");

    private final String containerName;

    Role(String containerName) {
        this.containerName = containerName;
    }

    public String containerName() {
        return containerName;
    }
}
