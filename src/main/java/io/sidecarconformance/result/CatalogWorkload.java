package io.sidecarconformance.result;

import java.util.Map;
import java.util.Objects;

/**
 * A user's own pod that made a row of the grid (-Dworkload): which file, which content, which containers play which role,
 * and how each fault acts on it (or why it does not apply).
 *
 * @param id     the row's id, as the pattern of its cells' keys ("workload:arc-runner-dind.yaml")
 * @param file   the file as named on the command line
 * @param sha256 the file's SHA-256 when it was run
 * @param source what in the file the pod came from, e.g. "Job arc-runner-dind (line 17)"
 * @param roles  who is who, e.g. "main=runner sidecar=dind(native) init=init-dind-externals"
 * @param faults fault id to how it acts on this pod, or "NOT_APPLICABLE: why"
 */
public record CatalogWorkload(String id, String file, String sha256, String source, String roles, Map<String, String> faults) {

    public CatalogWorkload {
        Objects.requireNonNull(id, "id");
        faults = faults == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(faults));
    }
}
