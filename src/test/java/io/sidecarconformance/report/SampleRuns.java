package io.sidecarconformance.report;

import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.RunResults;
import io.sidecarconformance.result.ClusterInfo;

import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs to render and merge in tests: shaped like what the suite records, with every event kind in the timelines. */
final class SampleRuns {

    static final Instant START = Instant.parse("2025-06-01T02:17:00Z");
    static final String HOSTILE = "</script><img src=x onerror=\"document.title='owned'\">&amp;";
    /** The realistic run's richest cell: three containers, a sidecar restart, a note, and a hostile event detail. */
    static final ScenarioKey DRILL_DOWN = new ScenarioKey("kind:1.31", "native-sidecar", "dind", "exec+probe", "sidecar-oom");
    static final List<String> FAULTS =
            List.of("sigkill-main", "none", "sigterm", "delayed-sidecar", "main-oom", "sidecar-oom");

    private SampleRuns() {
    }

    static ScenarioKey key(String cluster, String pattern, String sidecar, String variant, String fault) {
        return new ScenarioKey(cluster, pattern, sidecar, variant, fault);
    }

    /** The shapes of cell this fixture draws; each maps to an outcome and its findings as the rules would decide them. */
    enum Verdict {
        COMPLETED(Outcome.SUCCEEDED), STUCK(Outcome.STUCK), RACE(Outcome.SUCCEEDED, FindingKind.RACE_AT_START),
        MAIN_FAILED(Outcome.FAILED), SLOW_TERMINATION(Outcome.FAILED_BY_FAULT, FindingKind.SLOW_TERMINATION),
        REJECTED(Outcome.REJECTED), DROPPED(Outcome.DROPPED), ERROR(Outcome.ERROR);

        final Outcome outcome;
        final List<FindingKind> findings;

        Verdict(Outcome outcome, FindingKind... findings) {
            this.outcome = outcome;
            this.findings = List.of(findings);
        }

        List<Finding> findings() {
            return findings.stream().map(k -> new Finding(k, k.name().toLowerCase() + " seen")).toList();
        }
    }

    static ScenarioResult result(ScenarioKey key, Outcome outcome) {
        return new ScenarioResult(key, outcome, outcome + " because of a reason", List.of(), Figures.none(), List.of(), START, "");
    }

    static RunResults run(String runId, List<ClusterInfo> clusters, List<ScenarioResult> results) {
        return new RunResults(RunResults.SCHEMA, runId, START, START.plusSeconds(600), clusters, Map.of(), Map.of(), results);
    }

    static ClusterInfo cluster(String id, String serverVersion) {
        int colon = id.indexOf(':');
        return new ClusterInfo(id, id.substring(0, colon), id.substring(colon + 1), serverVersion);
    }

    /**
     * Six rows over three patterns, six faults, two clusters (one without the SidecarContainers gate, so native
     * sidecars are DROPPED there), a few cells not run, one ERROR, notes, Job verdicts that differ, and one event
     * detail that tries to break out of the page's script element.
     */
    static RunResults realistic() {
        List<ClusterInfo> clusters = List.of(cluster("kind:1.31", "v1.31.4"), cluster("k3s:1.28", "v1.28.15+k3s1"));
        List<String[]> rows = List.of(
                new String[]{"classic", "light", "exec"},
                new String[]{"classic", "dind", "shell"},
                new String[]{"done-file", "dind", "exec"},
                new String[]{"native-sidecar", "dind", "exec+probe"},
                new String[]{"native-sidecar", "light", "exec"},
                new String[]{"pidfile", "light", "shell"});
        List<ScenarioResult> results = new ArrayList<>();
        int n = 0;
        for (ClusterInfo cluster : clusters) {
            for (String[] row : rows) {
                for (String fault : FAULTS) {
                    if (row[0].equals("done-file") && fault.equals("delayed-sidecar")) {
                        continue; // not applicable: left blank in the grid
                    }
                    ScenarioKey key = key(cluster.id(), row[0], row[1], row[2], fault);
                    results.add(scenario(key, START.plusSeconds(90L * n++)));
                }
            }
        }
        Map<String, String> measurements = new LinkedHashMap<>();
        measurements.put("wallSeconds", "5412");
        measurements.put("leftoverNamespaces", "0");
        measurements.put("parallel", "4");
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("stuck window after main ended (stuck.windowSeconds)", "30s");
        parameters.put("sigterm: grace period (fault.graceSeconds)", "30s");
        return new RunResults(RunResults.SCHEMA, "nightly-2025-06-01", START, START.plus(Duration.ofMinutes(92)),
                clusters, parameters, measurements, results);
    }

    private static ScenarioResult scenario(ScenarioKey key, Instant t0) {
        boolean gated = key.cluster().equals("k3s:1.28");
        String sidecar = key.sidecar().equals("dind") ? "dind" : "proxy";
        Verdict verdict = verdictOf(key, gated);
        if (verdict == Verdict.ERROR) {
            return ScenarioResult.error(key, "image sidecar-conformance/dind:test absent on the node", t0);
        }
        Timeline timeline = new Timeline(t0);
        timeline.add(0, "suite", EventKind.ACTION, "created Job " + key.slug(), EventSource.SUITE);
        timeline.add(0.4, "pod", EventKind.PHASE, "Pending", EventSource.STATUS);
        timeline.add(0.9, "pod", EventKind.EVENT, "Scheduled: Successfully assigned to node-1", EventSource.EVENT);
        if (verdict == Verdict.REJECTED || verdict == Verdict.DROPPED) {
            timeline.add(1.0, "suite", EventKind.ACTION, verdict == Verdict.DROPPED
                    ? "restartPolicy on initContainers[0] was dropped by the API server" : "spec refused", EventSource.SUITE);
        }
        if (key.pattern().equals("native-sidecar") && key.sidecar().equals("dind")) {
            timeline.add(1.2, "prepare", EventKind.STARTING, "", EventSource.LOG);
            timeline.add(2.0, "prepare", EventKind.EXITING, "0", EventSource.LOG);
            timeline.add(2.1, "prepare", EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS);
        }
        double sidecarReady = key.fault().equals("delayed-sidecar") ? 14 : (sidecar.equals("dind") ? 6.5 : 3.1);
        timeline.add(2.3, sidecar, EventKind.STARTING, "", EventSource.LOG);
        timeline.add(2.5, sidecar, EventKind.RUNNING, "", EventSource.STATUS);
        double mainStart = verdict == Verdict.RACE ? 4.0 : sidecarReady + 0.4;
        timeline.add(sidecarReady, sidecar, EventKind.READY, "docker info ok", EventSource.LOG);
        timeline.add(sidecarReady + 0.2, sidecar, EventKind.STATUS, "ready=true", EventSource.STATUS);
        timeline.add(mainStart, "main", EventKind.STARTING, "", EventSource.LOG);
        timeline.add(mainStart + 0.1, "main", EventKind.RUNNING, "", EventSource.STATUS);
        timeline.add(mainStart + 0.3, "pod", EventKind.PHASE, "Running", EventSource.STATUS);
        double mainEnd = mainStart + 8;
        Figures figures;
        switch (key.fault()) {
            case "sidecar-oom" -> {
                timeline.add(mainStart + 3, "pod", EventKind.EVENT, "OOMKilling: Memory cgroup out of memory: Killed process 42 (" + sidecar + ")", EventSource.EVENT);
                timeline.add(mainStart + 3.1, sidecar, EventKind.TERMINATED, "exitCode=137 reason=OOMKilled", EventSource.STATUS);
                if (key.pattern().equals("native-sidecar")) {
                    timeline.add(mainStart + 4.5, sidecar, EventKind.STARTING, "restart 1", EventSource.LOG);
                    timeline.add(mainStart + 4.6, sidecar, EventKind.RUNNING, "", EventSource.STATUS);
                }
            }
            case "main-oom" -> {
                timeline.add(mainStart + 2, "pod", EventKind.EVENT, "OOMKilling: Killed process 7 (main)", EventSource.EVENT);
                mainEnd = mainStart + 2.1;
            }
            case "sigkill-main" -> {
                timeline.add(mainStart + 2, "suite", EventKind.ACTION, "kill -KILL main", EventSource.SUITE);
                mainEnd = mainStart + 2.1;
            }
            case "sigterm" -> {
                timeline.add(mainStart + 2, "suite", EventKind.ACTION, "delete pod (grace 30s)", EventSource.SUITE);
                timeline.add(mainStart + 2.1, "pod", EventKind.EVENT, "Killing: Stopping container main", EventSource.EVENT);
                mainEnd = mainStart + 2.4;
            }
            default -> {
            }
        }
        boolean mainFailed = key.fault().equals("main-oom") || key.fault().equals("sigkill-main") || verdict == Verdict.MAIN_FAILED;
        timeline.add(mainEnd - 0.1, "main", EventKind.EXITING, mainFailed ? "1" : "0", EventSource.LOG);
        timeline.add(mainEnd, "main", EventKind.TERMINATED, key.fault().equals("main-oom") ? "exitCode=137 reason=OOMKilled"
                : mainFailed ? "exitCode=1 reason=Error" : "exitCode=0 reason=Completed", EventSource.STATUS);
        double end;
        if (verdict == Verdict.STUCK) {
            end = mainEnd + 60;
            timeline.add(end, "suite", EventKind.ACTION, "deadline reached: " + sidecar + " still running", EventSource.SUITE);
            figures = figures(null, 60.0, null, Map.of("main", mainFailed ? 1 : 0), "Running",
                    mainFailed ? "Failed: BackoffLimitExceeded" : null);
        } else if (key.fault().equals("sigterm")) {
            double termination = verdict == Verdict.SLOW_TERMINATION ? 30.2 : 2.6;
            end = mainStart + 2 + termination;
            timeline.add(end - 0.1, sidecar, EventKind.TERMINATED, verdict == Verdict.SLOW_TERMINATION
                    ? "exitCode=137 reason=Error" : "exitCode=0 reason=Completed", EventSource.STATUS);
            timeline.add(end, "pod", EventKind.DELETED, "", EventSource.STATUS);
            figures = figures(null, null, termination, Map.of("main", 0), null, null);
        } else {
            end = mainEnd + 1.5;
            timeline.add(mainEnd + 1.2, sidecar, EventKind.EXITING, "0", EventSource.LOG);
            timeline.add(mainEnd + 1.4, sidecar, EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS);
            timeline.add(end, "job", EventKind.JOB, mainFailed ? "Failed: BackoffLimitExceeded" : "Complete", EventSource.JOB);
            timeline.add(end + 0.1, "pod", EventKind.PHASE, mainFailed ? "Failed" : "Succeeded", EventSource.STATUS);
            figures = figures(end, null, null, Map.of("main", mainFailed ? 1 : 0, sidecar, 0),
                    mainFailed ? "Failed" : "Succeeded", mainFailed ? "Failed: BackoffLimitExceeded" : "Complete");
        }
        if (key.equals(DRILL_DOWN)) {
            timeline.add(5, "pod", EventKind.EVENT, "Warning BackOff: " + HOSTILE, EventSource.EVENT);
        }
        String note = key.pattern().equals("native-sidecar") && key.fault().equals("sidecar-oom")
                ? "KEP-753: a restartable init container is restarted after OOM, main keeps running" : "";
        List<Finding> findings = new ArrayList<>(verdict.findings());
        if (key.pattern().equals("native-sidecar") && key.fault().equals("sidecar-oom")) {
            findings.add(new Finding(FindingKind.SIDECAR_RESTARTED, "sidecar restarted 1 time; down 1.4s until Ready again"));
        }
        return new ScenarioResult(key, verdict.outcome, reasonOf(verdict, sidecar), findings, figures, timeline.events(), t0, note);
    }

    private static Verdict verdictOf(ScenarioKey key, boolean gated) {
        String fault = key.fault();
        return switch (key.pattern()) {
            case "classic" -> switch (fault) {
                case "none", "main-oom", "sigkill-main" -> Verdict.STUCK;
                case "sidecar-oom" -> Verdict.MAIN_FAILED;
                case "delayed-sidecar" -> Verdict.RACE;
                default -> key.variant().equals("shell") ? Verdict.SLOW_TERMINATION : Verdict.COMPLETED;
            };
            case "native-sidecar" -> gated ? Verdict.DROPPED
                    : fault.equals("delayed-sidecar") && !key.variant().contains("probe") ? Verdict.RACE : Verdict.COMPLETED;
            case "done-file" -> fault.equals("sigkill-main") || fault.equals("main-oom") ? Verdict.STUCK : Verdict.COMPLETED;
            default -> gated && fault.equals("sigterm") ? Verdict.ERROR
                    : fault.equals("none") && gated ? Verdict.REJECTED : Verdict.COMPLETED;
        };
    }

    private static String reasonOf(Verdict verdict, String sidecar) {
        return switch (verdict) {
            case COMPLETED -> "pod Succeeded 1.4 s after main exited";
            case STUCK -> "main terminated; " + sidecar + " still running 60 s later at the deadline";
            case RACE -> "main STARTING at +4.0 s before " + sidecar + " READY";
            case MAIN_FAILED -> "main exited 1 after " + sidecar + " was OOMKilled";
            case SLOW_TERMINATION -> "pod took 30.2 s of a 30 s grace period to go: " + sidecar + " ignored SIGTERM";
            case REJECTED -> "API server: spec.shareProcessNamespace conflicts with the pod security policy";
            case DROPPED -> "initContainers[0].restartPolicy was Always in the request and absent in the stored pod";
            case ERROR -> "infrastructure";
        };
    }

    private static Figures figures(Double completion, Double outlived, Double termination, Map<String, Integer> exitCodes,
                                   String phase, String jobCondition) {
        Map<String, String> reasons = new LinkedHashMap<>();
        exitCodes.forEach((c, code) -> reasons.put(c, code == 0 ? "Completed" : "Error"));
        Map<String, Integer> restarts = new LinkedHashMap<>();
        exitCodes.keySet().forEach(c -> restarts.put(c, 0));
        return new Figures(completion, outlived, termination, termination == null ? null : 30L, 0.4, phase, jobCondition,
                null, null, null, null, Map.of(), restarts, exitCodes, reasons);
    }

    /** Builds a time-sorted timeline from offsets in seconds. */
    private static final class Timeline {
        private final Instant t0;
        private final List<TimelineEvent> events = new ArrayList<>();

        Timeline(Instant t0) {
            this.t0 = t0;
        }

        void add(double offsetSeconds, String container, EventKind kind, String detail, EventSource source) {
            events.add(TimelineEvent.of(t0.plusMillis(Math.round(offsetSeconds * 1000)), container, kind, detail, source));
        }

        List<TimelineEvent> events() {
            List<TimelineEvent> sorted = new ArrayList<>(events);
            sorted.sort(Comparator.comparing(TimelineEvent::time));
            return sorted;
        }
    }
}
