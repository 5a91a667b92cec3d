package io.sidecarconformance.result;

import java.util.Objects;

/**
 * What the report knows of a fault: results.json carries it, so the page never names fault ids in code.
 *
 * @param id     the fault's id, as in a cell's key
 * @param label  a few words for a reader: what happens
 * @param aim    what it is aimed at
 * @param figure which figure its cells show beside their outcome
 */
public record CatalogFault(String id, String label, Aim aim, ColumnFigure figure) {

    public CatalogFault {
        Objects.requireNonNull(id, "id");
        label = label == null ? "" : label;
        aim = aim == null ? Aim.NONE : aim;
        figure = figure == null ? ColumnFigure.OUTCOME : figure;
    }
}
