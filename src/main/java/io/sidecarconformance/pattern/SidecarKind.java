package io.sidecarconformance.pattern;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the sidecar runs: a real dockerd, or a light busybox httpd service for fast runs. */
public enum SidecarKind {
    LIGHT("light"),
    DIND("dind");

    private final String id;

    SidecarKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SidecarKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sidecar '" + id + "'; known: " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(SidecarKind::id).collect(Collectors.joining(", "));
    }
}
