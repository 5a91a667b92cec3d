package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * What a run puts on what it creates, so that a later run can tell a live run's objects from an abandoned one's:
 * the run label on each of its namespaces, and a heartbeat annotation (an instant) renewed while the run lives.
 */
public final class SuiteMarks {

    /** Label on every namespace the suite creates; the value is the run's id. */
    public static final String RUN_LABEL = "sidecar-conformance/run";
    /** Annotation on each of a run's namespaces: the last instant the run was seen alive (ISO-8601, UTC). */
    public static final String HEARTBEAT_ANNOTATION = "sidecar-conformance/heartbeat";

    private SuiteMarks() {
    }

    /** The run a namespace belongs to (its run label), or "" for one without. */
    static String runOf(Namespace ns) {
        Map<String, String> labels = ns.getMetadata().getLabels();
        return labels == null ? "" : labels.getOrDefault(RUN_LABEL, "");
    }

    /** The namespace's heartbeat; empty when absent or unreadable (a run of an older version of the suite). */
    static Optional<Instant> heartbeat(Namespace ns) {
        Map<String, String> annotations = ns.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(HEARTBEAT_ANNOTATION);
        return parse(value);
    }

    /** When the namespace was created, as the API server recorded it; empty if unreadable. */
    static Optional<Instant> created(Namespace ns) {
        return parse(ns.getMetadata().getCreationTimestamp());
    }

    private static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
