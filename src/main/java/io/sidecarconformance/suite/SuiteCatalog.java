package io.sidecarconformance.suite;

import io.sidecarconformance.fault.Fault;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.result.Aim;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.CatalogFault;
import io.sidecarconformance.result.ColumnFigure;

import java.util.Arrays;

/**
 * The suite's registries as results.json's catalog: each fault, pattern, sidecar kind and variant part with what its
 * class says of itself, in the registries' order. The report reads it from there (it cannot import the registries).
 */
public final class SuiteCatalog {

    private SuiteCatalog() {
    }

    public static Catalog of() {
        return new Catalog(
                Faults.all().stream().map(SuiteCatalog::fault).toList(),
                Patterns.all().stream().map(p -> new CatalogEntry(p.id(), p.label())).toList(),
                Arrays.stream(SidecarKind.values()).map(k -> new CatalogEntry(k.id(), k.label())).toList(),
                Variant.PARTS.entrySet().stream().map(p -> new CatalogEntry(p.getKey(), p.getValue())).toList());
    }

    private static CatalogFault fault(Fault fault) {
        return new CatalogFault(fault.id(), fault.label(), fault.aim(), fault.figure());
    }
}
