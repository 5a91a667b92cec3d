package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Deletes what other runs of the suite left on a cluster: every namespace labelled {@link SuiteMarks#RUN_LABEL}
 * whose run is abandoned (see {@link Staleness}), pods first with grace 0. A live run's namespaces are left alone
 * unless {@code includeLive} (the clean command's --force). The caller's own run is never touched.
 */
public final class LeftoverSweep {

    private final KubernetesClient client;
    private final Staleness staleness;
    private final String ownRun;

    /** @param ownRun the run label of the caller's own run, or "" when the caller is no run (the clean command) */
    public LeftoverSweep(KubernetesClient client, Staleness staleness, String ownRun) {
        this.client = client;
        this.staleness = staleness;
        this.ownRun = ownRun;
    }

    /**
     * What one sweep did.
     *
     * @param deleted     namespaces deleted (or already terminating and deleted again)
     * @param runs        the runs they belonged to
     * @param pods        pods deleted in them
     * @param liveLeft    namespaces left alone because their run is alive
     * @param liveRuns    how many live runs those belong to
     * @param bound       how the staleness was decided, e.g. "heartbeat older than 120s"
     * @param forced      live runs were included (the clean command's --force)
     */
    public record Result(List<String> deleted, Set<String> runs, int pods, List<String> liveLeft, int liveRuns,
                         String bound, boolean forced) {

        /** One line saying what was deleted and what was left alone. */
        public String line() {
            String live = liveLeft.isEmpty() ? "" : "; left " + liveLeft.size() + " namespaces of " + liveRuns
                    + " live run" + (liveRuns == 1 ? "" : "s") + " alone";
            if (deleted.isEmpty()) {
                return "sidecar-conformance: nothing to sweep (no abandoned run: " + bound + ")" + live;
            }
            return "sidecar-conformance: swept " + deleted.size() + " namespaces (" + pods + " pods) of " + runs.size()
                    + (forced ? " run" + (runs.size() == 1 ? "" : "s") + " (--force: live or not)"
                    : " abandoned run" + (runs.size() == 1 ? "" : "s") + " (" + bound + ")")
                    + ": " + String.join(", ", deleted) + live;
        }
    }

    /** Deletes the namespaces of abandoned runs (and of live ones too when {@code includeLive}). */
    public Result sweep(boolean includeLive) {
        Map<String, List<Namespace>> byRun = new TreeMap<>(client.namespaces().withLabel(SuiteMarks.RUN_LABEL).list()
                .getItems().stream()
                .filter(ns -> ownRun.isEmpty() || !SuiteMarks.runOf(ns).equals(ownRun))
                .collect(Collectors.groupingBy(SuiteMarks::runOf)));
        List<String> deleted = new ArrayList<>();
        Set<String> runs = new TreeSet<>();
        List<String> liveLeft = new ArrayList<>();
        int liveRuns = 0;
        int pods = 0;
        for (Map.Entry<String, List<Namespace>> run : byRun.entrySet()) {
            List<String> names = run.getValue().stream().map(ns -> ns.getMetadata().getName()).sorted().toList();
            if (!includeLive && !staleness.abandoned(run.getValue())) {
                liveLeft.addAll(names);
                liveRuns++;
                continue;
            }
            runs.add(run.getKey());
            for (String name : names) {
                pods += delete(name);
                deleted.add(name);
            }
        }
        return new Result(List.copyOf(deleted), Set.copyOf(runs), pods, List.copyOf(liveLeft), liveRuns,
                staleness.describe(), includeLive);
    }

    /** Waits (bounded, through a watch) until none of {@code names} exists; returns how many are left. */
    public int awaitGone(List<String> names, Duration bound) {
        if (names.isEmpty()) {
            return 0;
        }
        Set<String> wanted = Set.copyOf(names);
        try {
            client.namespaces().withLabel(SuiteMarks.RUN_LABEL)
                    .informOnCondition(list -> list.stream().noneMatch(ns -> wanted.contains(ns.getMetadata().getName())))
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return (int) client.namespaces().withLabel(SuiteMarks.RUN_LABEL).list().getItems().stream()
                    .filter(ns -> wanted.contains(ns.getMetadata().getName())).count();
        }
    }

    private int delete(String namespace) {
        int pods = 0;
        try {
            pods = client.pods().inNamespace(namespace).withGracePeriod(0).delete().size();
        } catch (KubernetesClientException e) {
            // The namespace's deletion takes the pods with it.
        }
        try {
            client.namespaces().withName(namespace).delete();
        } catch (KubernetesClientException e) {
            // Already gone.
        }
        return pods;
    }
}
