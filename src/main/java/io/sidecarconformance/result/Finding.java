package io.sidecarconformance.result;

import java.util.Objects;

/**
 * One thing observed on the way to the outcome, in words with its figures.
 *
 * @param kind what rule found it
 * @param text one line: what was seen, with times relative to the Job's creation
 */
public record Finding(FindingKind kind, String text) {

    public Finding {
        Objects.requireNonNull(kind, "kind");
        text = text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
