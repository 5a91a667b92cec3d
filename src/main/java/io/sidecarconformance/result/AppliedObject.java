package io.sidecarconformance.result;

import java.util.Objects;

/**
 * One object a scenario sent to the API server, exactly as sent, so that a cell can be reproduced outside the
 * suite with kubectl.
 *
 * @param kind     what it is, e.g. {@code Job}, {@code Pod}, {@code ephemeralcontainers patch}
 * @param name     its name in the scenario's namespace
 * @param manifest the YAML (or, for a patch, the JSON) the suite sent
 */
public record AppliedObject(String kind, String name, String manifest) {

    public AppliedObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        manifest = manifest == null ? "" : manifest;
    }
}
