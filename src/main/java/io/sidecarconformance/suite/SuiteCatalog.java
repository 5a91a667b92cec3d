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
import java.util.List;

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
                Variant.PARTS.entrySet().stream().map(p -> new CatalogEntry(p.getKey(), p.getValue())).toList(), List.of());
    }

    /**
     * With a run's own pods (-Dworkload): each pod's row with its file and how each fault acts on it, and the faults built
     * for a user's pod alone (sigkill-sidecar) after ours.
     */
    public static Catalog of(SuiteWorkloads workloads, io.sidecarconformance.fault.FaultSettings settings) {
        Catalog base = of();
        if (!workloads.any()) {
            return base;
        }
        List<CatalogFault> ownOnly = io.sidecarconformance.fault.WorkloadFaults.forOwnPod(workloads.when(),
                        SuiteWorkloads.facts(workloads.pods().get(0)), settings).stream()
                .filter(f -> base.fault(f.id()).isEmpty()).map(SuiteCatalog::fault).toList();
        // After ours, as WorkloadFaults.ids() orders them (a union would put a fault that follows nothing first).
        Catalog catalog = new Catalog(java.util.stream.Stream.concat(base.faults().stream(), ownOnly.stream()).toList(),
                base.patterns(), base.sidecars(), base.variants(), List.of());
        for (var row : workloads.catalog(settings)) {
            catalog = catalog.withWorkload(row.getKey(), row.getValue());
        }
        return catalog;
    }

    private static CatalogFault fault(Fault fault) {
        return new CatalogFault(fault.id(), fault.label(), fault.aim(), fault.figure());
    }
}
