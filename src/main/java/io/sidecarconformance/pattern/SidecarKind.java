package io.sidecarconformance.pattern;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What the sidecar runs: a real dockerd, a real proxy (HAProxy) in front of an upstream pod, or a light busybox httpd service for fast runs. */
public enum SidecarKind {
    LIGHT("light", "a busybox httpd service that takes a few seconds to listen"),
    DIND("dind", "a real dockerd; main runs a container in it"),
    PROXY("proxy", "a real HAProxy that main sends its requests through to an upstream pod; on SIGTERM it fails"
            + " readiness and drains, as Istio's sidecar does");

    private final String id;
    private final String label;

    SidecarKind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** A few words for a reader of the report: what it runs. */
    public String label() {
        return label;
    }

    public static SidecarKind byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sidecar '" + id + "'; known: " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(SidecarKind::id).collect(Collectors.joining(", "));
    }
}
