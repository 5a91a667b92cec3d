package io.sidecarconformance.input;

import io.sidecarconformance.result.ScenarioKey;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How many scenarios this run will run: the rows Cucumber selected (its test plan: tags, lines) whose name
 * {@code -Dcucumber.filter.name} matches (as Cucumber does: a regular expression found in the name) and that
 * -Dpatterns/-Dfaults/-Dsidecars/-Dvariants also select. Without a test plan (the suite started some other way)
 * the count is the rows the filters select, an upper bound: {@code exact} is false.
 */
public record ScenarioCount(int total, boolean exact) {

    /**
     * @param rows    every row of the feature files
     * @param planned the locations ("file:line") of the scenarios Cucumber selected, if known
     * @param names   the name filter, if any
     * @param selects what -Dpatterns/-Dfaults/-Dsidecars/-Dvariants select
     * @param tags    -Dcucumber.filter.tags as given ("" for none), for the message when nothing is selected
     * @throws IllegalArgumentException one line, when nothing is selected
     */
    public static ScenarioCount of(List<FeatureRow> rows, Optional<Set<String>> planned, Optional<Pattern> names,
                                   Predicate<ScenarioKey> selects, String tags) {
        List<FeatureRow> filtered = rows.stream().filter(r -> selects.test(r.key("")))
                .filter(r -> names.map(n -> n.matcher(r.name()).find()).orElse(true)).toList();
        // A plan that names none of the rows was made from other files (another features folder): no use here.
        Optional<Set<String>> plan = planned.filter(p -> p.isEmpty() || rows.stream().anyMatch(r -> p.contains(r.location())));
        int total = plan.map(p -> (int) filtered.stream().filter(r -> p.contains(r.location())).count())
                .orElse(filtered.size());
        if (total == 0) {
            throw new IllegalArgumentException("no scenario was selected"
                    + (plan.isPresent() ? " by -Dcucumber.filter.tags" + (tags.isBlank() ? "" : "=\"" + tags.strip() + "\"") + " and" : "")
                    + names.map(n -> " -Dcucumber.filter.name=\"" + n.pattern() + "\" and").orElse("")
                    + " -Dpatterns/-Dfaults/-Dsidecars/-Dvariants out of " + rows.size() + " rows in features/;"
                    + " loosen them (tags: @fault-<id>, @light, @dind, @proxy, @shell-form, @tolerant, @smoke)");
        }
        return new ScenarioCount(total, plan.isPresent());
    }

    /** "84", or "~84" when the total is an upper bound. */
    public String describe() {
        return (exact ? "" : "~") + total;
    }

    /** "3/84", or "3/~84" when the total is an upper bound. */
    public String progress(int done) {
        return done + "/" + (exact ? "" : "~") + Math.max(total, done);
    }
}
