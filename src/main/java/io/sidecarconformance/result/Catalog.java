package io.sidecarconformance.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The faults, patterns and sidecar kinds a run knew, each in the order a reader compares them, with what the report
 * says of them. The suite writes it into results.json from its registries; the report reads faults' order, aims and
 * figures from it. A file written before it existed reads as {@link #EMPTY}.
 *
 * @param faults   in reading order: the grid's column groups follow it
 * @param patterns the grid's row groups (a pattern, or anything else that builds the pod of a row)
 * @param sidecars sidecar kinds
 * @param variants  the parts a variant id is made of ({@code exec}, {@code +probe}, ...); empty in a file written before
 *                  the catalog had them
 * @param workloads users' own pods that made rows (-Dworkload), each with its file and how the faults act on it
 */
public record Catalog(List<CatalogFault> faults, List<CatalogEntry> patterns, List<CatalogEntry> sidecars,
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                      List<CatalogEntry> variants,
                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
                      List<CatalogWorkload> workloads) {

    public static final Catalog EMPTY = new Catalog(List.of(), List.of(), List.of());

    public Catalog {
        faults = faults == null ? List.of() : List.copyOf(faults);
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
        sidecars = sidecars == null ? List.of() : List.copyOf(sidecars);
        variants = variants == null ? List.of() : List.copyOf(variants);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
    }

    /** Without variant parts or workloads (test samples; files written before the catalog had them read so too). */
    public Catalog(List<CatalogFault> faults, List<CatalogEntry> patterns, List<CatalogEntry> sidecars) {
        this(faults, patterns, sidecars, List.of(), List.of());
    }

    /**
     * This catalog with a user's own pod's row added after the rows it has (a union would put an entry that follows
     * nothing first), unless the row is there already.
     */
    public Catalog withWorkload(CatalogEntry row, CatalogWorkload workload) {
        return union(new Catalog(faults, appended(patterns, row), sidecars, variants, appended(workloads, workload)));
    }

    private static <T> List<T> appended(List<T> entries, T entry) {
        List<T> all = new ArrayList<>(entries);
        all.add(entry);
        return all;
    }

    public Optional<CatalogFault> fault(String id) {
        return faults.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    public Optional<CatalogEntry> pattern(String id) {
        return patterns.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Fault ids in reading order. */
    public List<String> faultIds() {
        return faults.stream().map(CatalogFault::id).toList();
    }

    /** The figure a fault's cells show; {@link ColumnFigure#OUTCOME} for a fault the catalog does not know. */
    public ColumnFigure figureOf(String faultId) {
        return fault(faultId).map(CatalogFault::figure).orElse(ColumnFigure.OUTCOME);
    }

    /** Ids of the faults whose cells show this figure, in reading order. */
    public List<String> faultsShowing(ColumnFigure figure) {
        return faults.stream().filter(f -> f.figure() == figure).map(CatalogFault::id).toList();
    }

    /** Ids of the faults aimed at main (main itself, then the whole pod), each group in reading order. */
    public List<String> faultsFailingMain() {
        List<String> ids = new ArrayList<>();
        for (Aim aim : Aim.values()) {
            if (aim.failsMain()) {
                faults.stream().filter(f -> f.aim() == aim).map(CatalogFault::id).forEach(ids::add);
            }
        }
        return List.copyOf(ids);
    }

    /**
     * Both catalogs in one: every entry of this one, in its order, with its data; then each entry only {@code other}
     * has, placed right after the entry it follows there, so that a newer suite's fault keeps its place in the order.
     */
    public Catalog union(Catalog other) {
        return new Catalog(unite(faults, other.faults, CatalogFault::id), unite(patterns, other.patterns, CatalogEntry::id),
                unite(sidecars, other.sidecars, CatalogEntry::id), unite(variants, other.variants, CatalogEntry::id),
                unite(workloads, other.workloads, CatalogWorkload::id));
    }

    /** Entries of both lists that share an id but not their data, e.g. a label reworded between two suite versions. */
    public List<String> disagreements(Catalog other) {
        List<String> found = new ArrayList<>();
        differing(faults, other.faults, CatalogFault::id, "fault", found);
        differing(patterns, other.patterns, CatalogEntry::id, "pattern", found);
        differing(sidecars, other.sidecars, CatalogEntry::id, "sidecar", found);
        differing(variants, other.variants, CatalogEntry::id, "variant part", found);
        differing(workloads, other.workloads, CatalogWorkload::id, "workload", found);
        return found;
    }

    private static <T> List<T> unite(List<T> first, List<T> second, Function<T, String> id) {
        List<T> united = new ArrayList<>(first);
        int insertAt = 0;
        for (T entry : second) {
            int known = indexOf(united, id.apply(entry), id);
            if (known >= 0) {
                insertAt = known + 1;
            } else {
                united.add(insertAt++, entry);
            }
        }
        return united;
    }

    private static <T> int indexOf(List<T> entries, String wanted, Function<T, String> id) {
        for (int i = 0; i < entries.size(); i++) {
            if (id.apply(entries.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static <T> void differing(List<T> first, List<T> second, Function<T, String> id, String what, List<String> found) {
        for (T entry : second) {
            int known = indexOf(first, id.apply(entry), id);
            if (known >= 0 && !first.get(known).equals(entry)) {
                found.add(what + " " + id.apply(entry));
            }
        }
    }
}
