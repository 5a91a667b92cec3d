package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The answer on top of the page, computed from the cells only: per sidecar kind, per pattern, what the Job did under
 * each fault on which versions, in words. The rules, stated on the page by {@link #RULE}:
 * <ul>
 *   <li>a variant's cell says an outcome when every run that did not end in ERROR had it; "mixed", with the count of
 *   runs of each, when they disagree;</li>
 *   <li>a pattern says one thing under a fault on a column when all its variants there say it; otherwise each group of
 *   variants is named by the variant part that tells it from the others ("with +tolerant", "without +tolerant"), or by
 *   its variants;</li>
 *   <li>consecutive columns (in the grid's order) that say the same make a range; faults with the same words on the same
 *   ranges make one claim; each claim is marked by {@link Expectation}, ✓ claims first;</li>
 *   <li>patterns come best first: by the share of their cells whose outcome is expected for its fault.</li>
 * </ul>
 */
final class Answers {

    static final String RULE = "Computed from the cells below, nothing written by hand. Per sidecar kind, each pattern"
            + " (best first: by the share of its cells whose outcome is expected for its fault) with what its Job did"
            + " under each fault, and on which versions, in the grid's column order. An outcome holds in every run of"
            + " every variant it names (runs that ended in ERROR left out); mixed: the runs disagree, with how many had"
            + " each. Where variants differ, each is named by the variant part that sets it apart (+tolerant: a client"
            + " that retries; without it, a strict one). Where the API server refused or dropped the pattern's fields"
            + " (REJECTED, DROPPED), one claim says so for all faults. ✓ expected for its fault, ✗ not. Each fault links"
            + " to its row in the grid";

    /** A pattern of one sidecar kind, with its claims in the order the page says them. */
    record Line(String sidecar, String pattern, double expectedShare, List<Claim> claims) {
    }

    /**
     * One thing a pattern's Job did: under these faults, on these column ranges (indices into the grid's clusters).
     *
     * @param groups  what each group of variants did, the counts summed over every cell of the claim
     * @param anchors per fault, the grid row it links to
     */
    record Claim(List<Group> groups, List<String> faults, List<List<Integer>> ranges, Map<String, String> anchors) {

        /** ✓ when every group's outcome is expected, ✗ when none is, ± otherwise; "" when no group makes a claim. */
        String mark() {
            Set<Expectation> marks = new TreeSet<>();
            groups.forEach(g -> marks.addAll(g.expectations()));
            marks.remove(Expectation.NO_CLAIM);
            return marks.size() == 1 ? marks.iterator().next().mark() : marks.isEmpty() ? "" : SummaryTable.MIXED_MARK;
        }

        /** For ordering: ✓ 0, ± 1, ✗ 2, no claim 3. */
        int rank() {
            String mark = mark();
            return mark.equals(Expectation.EXPECTED.mark()) ? 0 : mark.equals(SummaryTable.MIXED_MARK) ? 1
                    : mark.equals(Expectation.UNEXPECTED.mark()) ? 2 : 3;
        }
    }

    /**
     * Variants that did the same: the outcomes their runs had (one, or several: mixed) with counts, and what names them
     * ("" when they are all the pattern's variants there).
     */
    record Group(String name, Map<OutcomeForm, Integer> counts, Set<Expectation> expectations) {

        /** The words without counts: what claims are grouped by. */
        String key() {
            return name + "|" + counts.keySet();
        }

        Group plus(Group other) {
            Map<OutcomeForm, Integer> sum = new EnumMap<>(OutcomeForm.class);
            sum.putAll(counts);
            other.counts.forEach((f, n) -> sum.merge(f, n, Integer::sum));
            return new Group(name, sum, expectations);
        }
    }

    private Answers() {
    }

    static List<Line> of(SuiteResults run) {
        GridLayout grid = GridLayout.of(run);
        Map<String, Map<String, List<GridLayout.Row>>> bySidecar = new java.util.TreeMap<>();
        for (GridLayout.Row row : grid.rows()) {
            bySidecar.computeIfAbsent(row.sidecar(), s -> new LinkedHashMap<>()).computeIfAbsent(row.pattern(), p -> new ArrayList<>())
                    .add(row);
        }
        List<Line> lines = new ArrayList<>();
        bySidecar.forEach((sidecar, patterns) -> {
            List<Line> kind = new ArrayList<>();
            patterns.forEach((pattern, rows) -> kind.add(line(grid, run.catalog(), sidecar, pattern, rows)));
            List<String> order = run.catalog().patterns().stream().map(CatalogEntry::id).toList();
            kind.sort(Comparator.comparingDouble(Line::expectedShare).reversed()
                    .thenComparingInt(l -> order.contains(l.pattern()) ? order.indexOf(l.pattern()) : order.size()));
            lines.addAll(kind);
        });
        return lines;
    }

    private static Line line(GridLayout grid, Catalog catalog, String sidecar, String pattern, List<GridLayout.Row> rows) {
        List<String> clusters = grid.clusters();
        // Per fault, per column: the groups of variants (null: no variant ran there, or only ERROR runs).
        Map<String, List<List<Group>>> statuses = new LinkedHashMap<>();
        // Per fault, the first of the pattern's rows that ran under it: where the fault's words link to.
        Map<String, GridLayout.Row> firstRows = new LinkedHashMap<>();
        int expected = 0;
        int claimed = 0;
        for (String fault : grid.faults()) {
            List<List<Group>> perColumn = new ArrayList<>();
            boolean ran = false;
            for (String cluster : clusters) {
                Map<String, List<GridLayout.Row>> variantsBy = new LinkedHashMap<>();
                Map<String, Map<OutcomeForm, Integer>> countsBy = new LinkedHashMap<>();
                for (GridLayout.Row row : rows) {
                    CellRuns cell = grid.cellAt(row, new GridLayout.Column(fault, cluster)).orElse(null);
                    if (cell == null) {
                        continue;
                    }
                    Map<OutcomeForm, Integer> counts = new EnumMap<>(OutcomeForm.class);
                    cell.runs().stream().map(OutcomeForm::of).filter(OutcomeForm::isPatternForm)
                            .forEach(f -> counts.merge(f, 1, Integer::sum));
                    if (counts.isEmpty()) {
                        continue;
                    }
                    firstRows.merge(fault, row, (a, b) -> rows.indexOf(a) <= rows.indexOf(b) ? a : b);
                    expected += Expectation.of(cell.shownForm(), fault, catalog) == Expectation.EXPECTED ? 1 : 0;
                    claimed++;
                    String key = counts.keySet().toString();
                    variantsBy.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                    Map<OutcomeForm, Integer> sum = countsBy.computeIfAbsent(key, k -> new EnumMap<>(OutcomeForm.class));
                    counts.forEach((f, n) -> sum.merge(f, n, Integer::sum));
                }
                ran |= !variantsBy.isEmpty();
                perColumn.add(variantsBy.isEmpty() ? null : groups(variantsBy, countsBy, fault, catalog));
            }
            if (ran) {
                statuses.put(fault, perColumn);
            }
        }
        List<Claim> claims = refusedAsOne(claims(statuses, firstRows), grid.faults());
        claims.sort(Comparator.comparingInt(Claim::rank).thenComparing(Answers::refused)
                .thenComparingInt(c -> grid.faults().indexOf(c.faults().get(0))));
        return new Line(sidecar, pattern, claimed == 0 ? 0 : (double) expected / claimed, claims);
    }

    /** The groups of one spot, named by what sets each apart, expected ones first. */
    private static List<Group> groups(Map<String, List<GridLayout.Row>> variantsBy, Map<String, Map<OutcomeForm, Integer>> countsBy,
                                      String fault, Catalog catalog) {
        List<List<String>> variantGroups = variantsBy.values().stream().map(rs -> rs.stream().map(GridLayout.Row::variant).toList()).toList();
        List<String> names = names(variantGroups);
        List<Group> groups = new ArrayList<>();
        int i = 0;
        for (String key : variantsBy.keySet()) {
            Map<OutcomeForm, Integer> counts = countsBy.get(key);
            Set<Expectation> marks = new TreeSet<>();
            counts.keySet().forEach(f -> marks.add(Expectation.of(f, fault, catalog)));
            groups.add(new Group(names.get(i++), counts, marks));
        }
        groups.sort(Comparator.comparingInt(g -> g.expectations().contains(Expectation.EXPECTED) ? 0 : 1));
        return groups;
    }

    /**
     * What names each group of variants: "" for one group; else the variant parts all its variants have and no other
     * group's do ("with +tolerant", "for shell"); "without +tolerant" for the one group that has none when every other
     * has a "+" part of its own; else its variants ("for exec, exec+probe").
     */
    static List<String> names(List<List<String>> groups) {
        if (groups.size() == 1) {
            return List.of("");
        }
        List<Set<String>> own = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            Set<String> common = null;
            for (String variant : groups.get(i)) {
                Set<String> parts = new LinkedHashSet<>(Glossary.parts(variant));
                if (common == null) {
                    common = parts;
                } else {
                    common.retainAll(parts);
                }
            }
            for (int j = 0; j < groups.size(); j++) {
                if (j != i) {
                    for (String variant : groups.get(j)) {
                        common.removeAll(Glossary.parts(variant));
                    }
                }
            }
            own.add(common);
        }
        long unnamed = own.stream().filter(Set::isEmpty).count();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            if (!own.get(i).isEmpty()) {
                names.add(own.get(i).iterator().next().startsWith("+") ? "with " + String.join("", own.get(i))
                        : "for " + String.join(", ", own.get(i)));
            } else if (unnamed == 1 && own.stream().filter(o -> !o.isEmpty()).allMatch(o -> o.iterator().next().startsWith("+"))) {
                Set<String> others = new LinkedHashSet<>();
                own.forEach(others::addAll);
                names.add("without " + String.join(", ", others));
            } else {
                names.add("for " + String.join(", ", groups.get(i)));
            }
        }
        return names;
    }

    /** Per fault, the columns that say the same in ranges; then faults that say the same on the same ranges as one claim. */
    private static List<Claim> claims(Map<String, List<List<Group>>> statuses, Map<String, GridLayout.Row> firstRows) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        statuses.forEach((fault, perColumn) -> {
            Map<String, List<Integer>> columnsBy = new LinkedHashMap<>();
            Map<String, List<Group>> summed = new LinkedHashMap<>();
            for (int c = 0; c < perColumn.size(); c++) {
                List<Group> spot = perColumn.get(c);
                if (spot == null) {
                    continue;
                }
                String key = spot.stream().map(Group::key).collect(Collectors.joining(";"));
                columnsBy.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
                summed.merge(key, spot, Answers::sum);
            }
            columnsBy.forEach((key, columns) -> {
                List<List<Integer>> ranges = ranges(columns);
                String claimKey = key + "@" + ranges;
                Claim claim = claims.get(claimKey);
                List<Group> groups = claim == null ? summed.get(key) : sum(claim.groups(), summed.get(key));
                List<String> faults = new ArrayList<>(claim == null ? List.of() : claim.faults());
                faults.add(fault);
                Map<String, String> anchors = new LinkedHashMap<>(claim == null ? Map.of() : claim.anchors());
                anchors.put(fault, GridTable.rowAnchor(fault, firstRows.get(fault)));
                claims.put(claimKey, new Claim(groups, faults, ranges, anchors));
            });
        });
        return new ArrayList<>(claims.values());
    }

    /** REJECTED and DROPPED in each form: the API server refused the pattern's fields or dropped them. */
    private static boolean refused(Claim claim) {
        return claim.groups().stream().flatMap(g -> g.counts().keySet().stream())
                .allMatch(f -> f.outcome() == Outcome.REJECTED || f.outcome() == Outcome.DROPPED);
    }

    /**
     * The claims in which the API refused or dropped the pattern's fields, as one: under the faults of any, on the
     * columns of any ("✗ REJECTED or DROPPED then STUCK under every fault up to 1.28"); the grid has each.
     */
    private static List<Claim> refusedAsOne(List<Claim> claims, List<String> faultOrder) {
        List<Claim> refused = claims.stream().filter(Answers::refused).toList();
        if (refused.size() < 2) {
            return claims;
        }
        Map<OutcomeForm, Integer> counts = new EnumMap<>(OutcomeForm.class);
        Set<Expectation> marks = new TreeSet<>();
        Set<String> faults = new LinkedHashSet<>();
        Set<Integer> columns = new TreeSet<>();
        Map<String, String> anchors = new LinkedHashMap<>();
        for (Claim claim : refused) {
            claim.groups().forEach(g -> {
                g.counts().forEach((f, n) -> counts.merge(f, n, Integer::sum));
                marks.addAll(g.expectations());
            });
            faults.addAll(claim.faults());
            claim.ranges().forEach(columns::addAll);
            anchors.putAll(claim.anchors());
        }
        List<String> ordered = faultOrder.stream().filter(faults::contains).toList();
        List<Claim> out = new ArrayList<>(claims.stream().filter(c -> !refused(c)).toList());
        out.add(new Claim(List.of(new Group("", counts, marks)), ordered, ranges(List.copyOf(columns)), anchors));
        return out;
    }

    private static List<Group> sum(List<Group> a, List<Group> b) {
        List<Group> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).plus(b.get(i)));
        }
        return out;
    }

    /** Column indices as runs of consecutive ones: [2,3,4,7] -> [[2,3,4],[7]]. */
    static List<List<Integer>> ranges(List<Integer> columns) {
        List<List<Integer>> ranges = new ArrayList<>();
        for (int c : columns) {
            if (ranges.isEmpty() || ranges.get(ranges.size() - 1).get(ranges.get(ranges.size() - 1).size() - 1) != c - 1) {
                ranges.add(new ArrayList<>());
            }
            ranges.get(ranges.size() - 1).add(c);
        }
        return ranges;
    }

    /**
     * "on every version", "from 1.29", "up to 1.28", "on 1.28-sidecars–1.32", "on 1.33.5", joined with "and". "from"
     * and "up to" need two columns or more: one column at either end is only that column ("on 1.37-stopsignals", not
     * "from 1.37-stopsignals", which would read as every later version).
     */
    static String rangeWords(List<List<Integer>> ranges, List<String> clusters) {
        List<String> words = new ArrayList<>();
        int last = clusters.size() - 1;
        for (List<Integer> range : ranges) {
            String first = ClusterNames.shortName(clusters.get(range.get(0)), clusters);
            String end = ClusterNames.shortName(clusters.get(range.get(range.size() - 1)), clusters);
            boolean fromStart = range.get(0) == 0;
            boolean toEnd = range.get(range.size() - 1) == last;
            if (fromStart && toEnd) {
                words.add(clusters.size() == 1 ? "on " + first : "on every version");
            } else if (toEnd && range.size() > 1) {
                words.add("from " + first);
            } else if (fromStart && range.size() > 1) {
                words.add("up to " + end);
            } else {
                words.add("on " + first + (range.size() > 1 ? "–" + end : ""));
            }
        }
        return String.join(" and ", words);
    }

    /** "✓ SUCCEEDED", "± mixed: SUCCEEDED 5, FAILED 4 runs", each group with its name. */
    static String groupWords(Group group) {
        String words;
        if (group.counts().keySet().stream().allMatch(f -> f.outcome() == Outcome.REJECTED || f.outcome() == Outcome.DROPPED)) {
            List<String> labels = group.counts().keySet().stream().map(OutcomeLook::label).toList();
            words = Expectation.UNEXPECTED.mark() + " " + (labels.size() == 1 ? labels.get(0)
                    : String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1));
        } else if (group.counts().size() == 1) {
            OutcomeForm form = group.counts().keySet().iterator().next();
            String mark = group.expectations().iterator().next().mark();
            words = (mark.isEmpty() ? "" : mark + " ") + OutcomeLook.label(form);
        } else {
            Set<Expectation> marks = new TreeSet<>(group.expectations());
            marks.remove(Expectation.NO_CLAIM);
            String mark = marks.size() == 1 ? marks.iterator().next().mark() : SummaryTable.MIXED_MARK;
            words = mark + " mixed: " + group.counts().entrySet().stream()
                    .sorted(Map.Entry.<OutcomeForm, Integer>comparingByValue().reversed())
                    .map(e -> OutcomeLook.label(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", ")) + " runs";
        }
        return words + (group.name().isEmpty() ? "" : " " + group.name());
    }

    /** The claim in words, without links: "✓ SUCCEEDED under none, delayed-sidecar from 1.28-sidecars". */
    static String words(Claim claim, List<String> patternFaults, List<String> clusters) {
        return claim.groups().stream().map(Answers::groupWords).collect(Collectors.joining(", "))
                + " under " + faultWords(claim, patternFaults) + " " + rangeWords(claim.ranges(), clusters);
    }

    private static String faultWords(Claim claim, List<String> patternFaults) {
        return claim.faults().size() > 1 && claim.faults().size() == patternFaults.size() ? "every fault" : String.join(", ", claim.faults());
    }

    static String render(SuiteResults run) {
        List<Line> lines = of(run);
        if (lines.isEmpty()) {
            return "";
        }
        List<String> clusters = GridLayout.of(run).clusters();
        StringBuilder html = new StringBuilder("<section id=\"answers\"><h2>Which pattern, for your sidecar: what its Job")
                .append(" does under each fault, on which versions</h2><p class=\"small\">").append(Html.escape(RULE))
                .append(". Before you apply it to your cluster: <a href=\"#caveats\">the caveats</a>; what changes from one")
                .append(" version to another: <a href=\"#upgrade\">the upgrade view</a>.</p>\n");
        String sidecar = null;
        for (Line line : lines) {
            if (!line.sidecar().equals(sidecar)) {
                html.append(sidecar == null ? "" : "</ul></div>\n");
                sidecar = line.sidecar();
                String label = run.catalog().sidecars().stream().filter(s -> s.id().equals(line.sidecar())).map(CatalogEntry::label)
                        .findFirst().orElse("");
                html.append("<div class=\"answer\" data-sidecar=\"").append(Html.escape(sidecar)).append("\"><h3>")
                        .append(Glossary.link(Glossary.Term.SIDECAR, sidecar, sidecar))
                        .append(label.isBlank() ? "" : " <span class=\"small\">" + Html.escape(label) + "</span>")
                        .append("</h3><ul>");
            }
            html.append(lineHtml(line, clusters));
        }
        return html.append("</ul></div>\n</section>\n").toString();
    }

    private static String lineHtml(Line line, List<String> clusters) {
        List<String> patternFaults = line.claims().stream().flatMap(c -> c.faults().stream()).distinct().toList();
        StringBuilder html = new StringBuilder("<li data-pattern=\"").append(Html.escape(line.pattern())).append("\"><b>")
                .append(Glossary.link(Glossary.Term.PATTERN, line.pattern(), line.pattern())).append("</b>: ");
        for (int i = 0; i < line.claims().size(); i++) {
            Claim claim = line.claims().get(i);
            html.append(i == 0 ? "" : "; ").append("<span class=\"claim\" data-mark=\"").append(Html.escape(claim.mark()))
                    .append("\">").append(Html.escape(claim.groups().stream().map(Answers::groupWords)
                            .collect(Collectors.joining(", ")))).append(" under ");
            if (claim.faults().size() > 1 && claim.faults().size() == patternFaults.size()) {
                html.append("<a href=\"#").append(Html.escape(claim.anchors().get(claim.faults().get(0)))).append("\">every fault</a>");
            } else {
                for (int f = 0; f < claim.faults().size(); f++) {
                    String fault = claim.faults().get(f);
                    html.append(f == 0 ? "" : ", ").append("<a href=\"#").append(Html.escape(claim.anchors().get(fault)))
                            .append("\">").append(Html.escape(fault)).append("</a>");
                }
            }
            html.append(" ").append(Html.escape(rangeWords(claim.ranges(), clusters))).append("</span>");
        }
        return html.append("</li>").toString();
    }
}
