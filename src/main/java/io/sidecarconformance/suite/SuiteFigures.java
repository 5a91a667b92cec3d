package io.sidecarconformance.suite;

import io.sidecarconformance.result.ScenarioResult;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Run-level figures for the report: wall time against the longest scenario, verdict delays. */
final class SuiteFigures {

    private SuiteFigures() {
    }

    static Map<String, String> of(List<ScenarioResult> results, Instant startedAt, Instant finishedAt) {
        Map<String, String> m = new LinkedHashMap<>();
        double wall = Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        m.put("scenarios", Integer.toString(results.size()));
        int runsPerCell = results.stream().mapToInt(ScenarioResult::repeat).max().orElse(1);
        if (runsPerCell > 1) {
            // With -Drepeat each record is one run: "scenarios" counts runs, this says how many of one cell.
            m.put("runs per cell", Integer.toString(runsPerCell));
        }
        m.put("run wall time", String.format(Locale.ROOT, "%.0fs", wall));
        double longest = results.stream().map(SuiteFigures::scenarioSeconds).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        if (longest > 0) {
            // The scenario phase excludes bringing the cluster up and sweeping namespaces at the end.
            Instant first = results.stream().map(ScenarioResult::startedAt).filter(Objects::nonNull).min(Instant::compareTo).orElse(startedAt);
            Instant last = results.stream().map(SuiteFigures::end).filter(Objects::nonNull).max(Instant::compareTo).orElse(finishedAt);
            double phase = Duration.between(first, last).toMillis() / 1000.0;
            m.put("longest scenario", String.format(Locale.ROOT, "%.0fs", longest));
            m.put("scenario phase wall time", String.format(Locale.ROOT, "%.0fs", phase));
            m.put("scenario phase / longest scenario", String.format(Locale.ROOT, "%.1f (goal <= 2)", phase / longest));
            m.put("wall time / longest scenario", String.format(Locale.ROOT, "%.1f", wall / longest));
        }
        List<Double> delays = results.stream().map(r -> r.figures().verdictDelaySeconds()).filter(Objects::nonNull).sorted().toList();
        if (!delays.isEmpty()) {
            m.put("verdict delay median / max", String.format(Locale.ROOT, "%.2fs / %.2fs (target <= 1s)",
                    delays.get(delays.size() / 2), delays.get(delays.size() - 1)));
        }
        return m;
    }

    /** From the scenario's start to its end (see {@link #end}). */
    private static Double scenarioSeconds(ScenarioResult r) {
        Instant end = end(r);
        if (end == null || r.startedAt() == null) {
            return null;
        }
        return Duration.between(r.startedAt(), end).toMillis() / 1000.0;
    }

    /**
     * When the scenario ended: its last observed event, or the moment observation stopped when that came later (a cell
     * decided by a window, such as the stuck window after main's end, waits with nothing happening).
     */
    private static Instant end(ScenarioResult r) {
        Instant last = r.timeline().isEmpty() ? null : r.timeline().get(r.timeline().size() - 1).time();
        Instant stopped = r.observation() == null ? null : r.observation().endedAt();
        return Stream.of(last, stopped).filter(Objects::nonNull).max(Instant::compareTo).orElse(null);
    }
}
