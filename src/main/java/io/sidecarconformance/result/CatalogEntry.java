package io.sidecarconformance.result;

import java.util.Objects;

/**
 * What the report knows of a pattern or a sidecar kind (a row of the grid, or part of one): its id and a few words.
 *
 * @param id    as in a cell's key
 * @param label a few words for a reader: what it is
 */
public record CatalogEntry(String id, String label) {

    public CatalogEntry {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
    }
}
