package io.sidecarconformance.report;

import io.sidecarconformance.result.AppliedObject;
import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.ClusterInfo;
import io.sidecarconformance.result.Figures;
import io.sidecarconformance.result.Finding;
import io.sidecarconformance.result.FindingKind;
import io.sidecarconformance.result.Outcome;
import io.sidecarconformance.result.SuiteResults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.result.ScenarioResult;
import io.sidecarconformance.suite.SuiteCatalog;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs to render and merge in tests: shaped like what the suite records, with every event kind in the timelines. */
final class SampleRuns {

    static final Instant START = Instant.parse("2025-06-01T02:17:00Z");
    /** The suite's own catalog, as a run writes it into results.json. */
    static final Catalog CATALOG = SuiteCatalog.of();
    static final String HOSTILE = "</script><img src=x onerror=\"document.title='owned'\">&amp;";
    /** The realistic run's richest cell: three containers, a sidecar restart, a note, and a hostile event detail. */
    static final ScenarioKey DRILL_DOWN = new ScenarioKey("kind:1.31", "native-sidecar", "dind", "exec+probe", "sidecar-oom");
    static final List<String> FAULTS =
            List.of("sigkill-main", "none", "sigterm", "delayed-sidecar", "main-oom", "sidecar-oom");

    /** Seconds after the first event: the sidecar's own Exiting line, and the kubelet's later TERMINATED report. */
    static final double LATE_EXITING = 10.0;
    static final double LATE_TERMINATED = 13.0;

    private SampleRuns() {
    }

    static ScenarioKey key(String cluster, String pattern, String sidecar, String variant, String fault) {
        return new ScenarioKey(cluster, pattern, sidecar, variant, fault);
    }

    /** The shapes of cell this fixture draws; the outcome follows from the shape and the Job's condition, as the rules decide. */
    enum Shape {
        COMPLETED, STUCK, RACE(FindingKind.RACE_AT_START), MAIN_FAILED, SLOW_TERMINATION(FindingKind.SLOW_TERMINATION),
        REJECTED, DROPPED, NOT_APPLICABLE, ERROR;

        final List<FindingKind> findings;

        Shape(FindingKind... findings) {
            this.findings = List.of(findings);
        }

        /** A failed Job is FAILED_BY_FAULT under a fault aimed at main and FAILED otherwise: never SUCCEEDED. */
        Outcome outcome(boolean jobFailed, boolean faultTargetsMain) {
            return switch (this) {
                case COMPLETED, RACE, SLOW_TERMINATION, MAIN_FAILED -> !jobFailed ? Outcome.SUCCEEDED
                        : faultTargetsMain ? Outcome.FAILED_BY_FAULT : Outcome.FAILED;
                case STUCK -> Outcome.STUCK;
                case REJECTED -> Outcome.REJECTED;
                case DROPPED -> Outcome.DROPPED;
                case NOT_APPLICABLE -> Outcome.NOT_APPLICABLE;
                case ERROR -> Outcome.ERROR;
            };
        }
    }

    static ScenarioResult result(ScenarioKey key, Outcome outcome) {
        return new ScenarioResult(key, outcome, outcome + " because of a reason", List.of(), Figures.none(), List.of(), START, "");
    }

    static SuiteResults run(String runId, List<ClusterInfo> clusters, List<ScenarioResult> results) {
        return new SuiteResults(SuiteResults.SCHEMA, runId, START, START.plusSeconds(600), clusters, Map.of(), Map.of(), CATALOG, results);
    }

    static ClusterInfo cluster(String id, String serverVersion) {
        int colon = id.indexOf(':');
        return new ClusterInfo(id, id.substring(0, colon), id.substring(colon + 1), serverVersion);
    }

    /**
     * Seven rows over four patterns, six faults, two clusters (one without the SidecarContainers gate, so native
     * sidecars are DROPPED there), a few cells not run, ERROR, NOT_APPLICABLE and REJECTED cells, Jobs failed by a
     * fault and by the sidecar, every kind of finding, notes, and one event detail that tries to break out of the
     * page's script element.
     */
    static SuiteResults realistic() {
        List<ClusterInfo> clusters = List.of(cluster("kind:1.31", "v1.31.4"), cluster("k3s:1.28", "v1.28.15+k3s1"));
        List<String[]> rows = List.of(
                new String[]{"classic", "light", "exec"},
                new String[]{"classic", "dind", "shell"},
                new String[]{"done-file", "dind", "exec"},
                new String[]{"ephemeral", "light", "exec"},
                new String[]{"native-sidecar", "dind", "exec+probe"},
                new String[]{"native-sidecar", "light", "exec"},
                new String[]{"pidfile", "light", "shell"});
        List<ScenarioResult> results = new ArrayList<>();
        int n = 0;
        for (ClusterInfo cluster : clusters) {
            for (String[] row : rows) {
                for (String fault : FAULTS) {
                    if (row[0].equals("done-file") && fault.equals("delayed-sidecar")) {
                        continue; // not run: left blank in the grid
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
        return new SuiteResults(SuiteResults.SCHEMA, "nightly-2025-06-01", START, START.plus(Duration.ofMinutes(92)),
                clusters, parameters(), measurements, CATALOG, results);
    }

    /** What the {@link #DRILL_DOWN} cell's runs applied in {@link #repeated()}: a ConfigMap, the Job, then a deletion. */
    static final List<AppliedObject> APPLIED = List.of(
            new AppliedObject("ConfigMap", "sc-images", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: sc-images\ndata:\n  a: b\n"),
            new AppliedObject("Job", "sc-native-dind", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: sc-native-dind\nspec:\n"
                    + "  template:\n    spec:\n      initContainers:\n      - name: sidecar\n        image: docker:27-dind\n"
                    + "        restartPolicy: Always\n      containers:\n      - name: main\n        image: \"busybox:1.36\"\n"),
            new AppliedObject("ephemeralcontainers patch", "sc-native-dind-abcde",
                    "{\"spec\":{\"ephemeralContainers\":[{\"name\":\"debug\",\"image\":\"busybox:1.36\"}]}}"),
            new AppliedObject("action", "once main says Working",
                    "kubectl -n \"$NS\" delete pod -l job-name=sc-native-dind --grace-period=5 --wait=false"));

    /**
     * {@link #realistic()} with the {@link #DRILL_DOWN} cell run three times (-Drepeat=3): run 1 as before, runs 2 and 3
     * FAILED with a use that failed while the sidecar was down; every run recorded what it applied.
     */
    static SuiteResults repeated() {
        SuiteResults base = realistic();
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioResult r : base.results()) {
            if (!r.key().equals(DRILL_DOWN)) {
                results.add(r);
                continue;
            }
            results.add(r.asRun(1, APPLIED, 1.25));
            for (int n = 2; n <= 3; n++) {
                results.add(new ScenarioResult(r.key(), Outcome.FAILED, "main exited 4: its use of the sidecar failed",
                        List.of(new Finding(FindingKind.USE_FAILED_WHILE_DOWN, "main's use failed at 8.0s; the sidecar was down from 7.5s")),
                        r.figures(), r.timeline(), r.startedAt().plusSeconds(600L * n), "", n, APPLIED, 2.0));
            }
        }
        return new SuiteResults(SuiteResults.SCHEMA, base.runId(), base.startedAt(), base.finishedAt(), base.clusters(),
                base.parameters(), base.measurements(), base.catalog(), results);
    }

    /** The settings a run records, in the order it records them. */
    static Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("stuck window after main ended (stuck.windowSeconds)", "30s");
        parameters.put("Job window after the pod ended (job.windowSeconds)", "20s");
        parameters.put("scenario deadline (scenario.timeoutSeconds)", "300s");
        parameters.put("sigterm: grace period (fault.graceSeconds)", "30s");
        return parameters;
    }

    /**
     * One cell whose sidecar wrote its Exiting line at {@link #LATE_EXITING} while the kubelet reported it TERMINATED
     * only at {@link #LATE_TERMINATED}: the Gantt bar must end at the container's own line.
     */
    static SuiteResults exitingBeforeTerminated() {
        ScenarioKey key = key("kind:1.31", "done-file", "light", "exec", "none");
        Timeline timeline = new Timeline(START);
        timeline.add(0, "suite", EventKind.ACTION, "created Job", EventSource.SUITE);
        timeline.add(1, "proxy", EventKind.STARTING, "", EventSource.LOG);
        timeline.add(2, "proxy", EventKind.READY, "httpd answers", EventSource.LOG);
        timeline.add(2.5, "main", EventKind.STARTING, "", EventSource.LOG);
        timeline.add(8, "main", EventKind.EXITING, "0", EventSource.LOG);
        timeline.add(8.2, "main", EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS);
        timeline.add(LATE_EXITING, "proxy", EventKind.EXITING, "0 done file seen", EventSource.LOG);
        timeline.add(LATE_TERMINATED, "proxy", EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS);
        timeline.add(13.5, "pod", EventKind.PHASE, "Succeeded", EventSource.STATUS);
        timeline.add(14, "job", EventKind.JOB, "Complete", EventSource.JOB);
        Figures figures = figures(13.5, null, null, Map.of("main", 0, "proxy", 0), "Succeeded", "Complete");
        ScenarioResult result = new ScenarioResult(key, Outcome.SUCCEEDED, "Job Complete: pod Succeeded at +13.5s",
                List.of(), figures, timeline.events(), START, "");
        return run("late-termination-report", List.of(cluster("kind:1.31", "v1.31.4")), List.of(result));
    }

    private static ScenarioResult scenario(ScenarioKey key, Instant t0) {
        boolean gated = key.cluster().equals("k3s:1.28");
        String sidecar = key.sidecar().equals("dind") ? "dind" : "proxy";
        Shape shape = shapeOf(key, gated);
        if (shape == Shape.ERROR) {
            return ScenarioResult.error(key, "image sidecar-conformance/dind:test absent on the node", t0);
        }
        boolean faultTargetsMain = List.of("main-oom", "sigkill-main", "sigterm").contains(key.fault());
        Timeline timeline = new Timeline(t0);
        timeline.add(0, "suite", EventKind.ACTION, "created Job " + key.slug(), EventSource.SUITE);
        if (shape == Shape.REJECTED || shape == Shape.NOT_APPLICABLE) {
            timeline.add(0.2, "suite", EventKind.ACTION, shape == Shape.REJECTED ? "spec refused"
                    : "refused; the same spec without the fault's fields was accepted in a dry run", EventSource.SUITE);
            return new ScenarioResult(key, shape.outcome(false, faultTargetsMain), reasonOf(shape, sidecar), List.of(),
                    Figures.none(), timeline.events(), t0, "");
        }
        timeline.add(0.4, "pod", EventKind.PHASE, "Pending", EventSource.STATUS);
        timeline.add(0.9, "pod", EventKind.EVENT, "Scheduled: Successfully assigned to node-1", EventSource.EVENT);
        if (shape == Shape.DROPPED) {
            timeline.add(1.0, "suite", EventKind.ACTION, "restartPolicy on initContainers[0] was dropped by the API server",
                    EventSource.SUITE);
        }
        if (key.pattern().equals("native-sidecar") && key.sidecar().equals("dind")) {
            timeline.add(1.2, "prepare", EventKind.STARTING, "", EventSource.LOG);
            timeline.add(2.0, "prepare", EventKind.EXITING, "0", EventSource.LOG);
            timeline.add(2.1, "prepare", EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS);
        }
        double sidecarReady = key.fault().equals("delayed-sidecar") ? 14 : (sidecar.equals("dind") ? 6.5 : 3.1);
        timeline.add(2.3, sidecar, EventKind.STARTING, "", EventSource.LOG);
        timeline.add(2.5, sidecar, EventKind.RUNNING, "", EventSource.STATUS);
        double mainStart = shape == Shape.RACE ? 4.0 : sidecarReady + 0.4;
        timeline.add(sidecarReady, sidecar, EventKind.READY, "docker info ok", EventSource.LOG);
        timeline.add(sidecarReady + 0.2, sidecar, EventKind.STATUS, "ready=true", EventSource.STATUS);
        timeline.add(mainStart, "main", EventKind.STARTING, "", EventSource.LOG);
        timeline.add(mainStart + 0.1, "main", EventKind.RUNNING, "", EventSource.STATUS);
        if (shape == Shape.RACE) {
            timeline.add(mainStart + 0.2, "main", EventKind.STEP, "Waiting for the sidecar", EventSource.LOG);
        }
        timeline.add(mainStart + 0.3, "pod", EventKind.PHASE, "Running", EventSource.STATUS);
        double mainEnd = mainStart + 8;
        boolean restarted = key.pattern().equals("native-sidecar") && key.fault().equals("sidecar-oom") && shape != Shape.DROPPED;
        switch (key.fault()) {
            case "sidecar-oom" -> {
                timeline.add(mainStart + 3, "pod", EventKind.EVENT, "OOMKilling: Memory cgroup out of memory: Killed process 42 (" + sidecar + ")", EventSource.EVENT);
                timeline.add(mainStart + 3.1, sidecar, EventKind.TERMINATED, "exitCode=137 reason=OOMKilled", EventSource.STATUS);
                if (restarted) {
                    timeline.add(mainStart + 3.5, "main", EventKind.STEP, "Retrying: sidecar not answering", EventSource.LOG);
                    timeline.add(mainStart + 4.5, sidecar, EventKind.STARTING, "restart 1", EventSource.LOG);
                    timeline.add(mainStart + 4.6, sidecar, EventKind.RUNNING, "", EventSource.STATUS);
                    timeline.add(mainStart + 4.5 + 0.9, sidecar, EventKind.READY, "docker info ok", EventSource.LOG);
                    timeline.add(mainStart + 5.6, "main", EventKind.STEP, "Recovered after 2 tries", EventSource.LOG);
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
        boolean mainFailed = key.fault().equals("main-oom") || key.fault().equals("sigkill-main") || key.fault().equals("sigterm")
                || shape == Shape.MAIN_FAILED;
        boolean jobFailed = mainFailed;
        if (shape == Shape.MAIN_FAILED) {
            timeline.add(mainEnd - 0.2, "main", EventKind.OUTPUT, "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock",
                    EventSource.LOG);
        }
        timeline.add(mainEnd - 0.1, "main", EventKind.EXITING, key.fault().equals("sigterm") ? "143 SIGTERM" : mainFailed ? "1" : "0",
                EventSource.LOG);
        timeline.add(mainEnd, "main", EventKind.TERMINATED, key.fault().equals("main-oom") ? "exitCode=137 reason=OOMKilled"
                : mainFailed ? "exitCode=1 reason=Error" : "exitCode=0 reason=Completed", EventSource.STATUS);
        double end;
        Figures figures;
        List<Finding> findings = new ArrayList<>(shape.findings.stream().map(k -> new Finding(k, k.name().toLowerCase() + " seen")).toList());
        if (shape == Shape.STUCK) {
            end = mainEnd + 60;
            timeline.add(end, "suite", EventKind.ACTION, "deadline reached: " + sidecar + " still running", EventSource.SUITE);
            figures = figures(null, 60.0, null, Map.of("main", mainFailed ? 1 : 0), "Running",
                    mainFailed ? "Failed: BackoffLimitExceeded" : null);
        } else if (key.fault().equals("sigterm")) {
            double termination = shape == Shape.SLOW_TERMINATION ? 30.2 : 2.6;
            end = mainStart + 2 + termination;
            timeline.add(end - 0.1, sidecar, EventKind.TERMINATED, shape == Shape.SLOW_TERMINATION
                    ? "exitCode=137 reason=Error" : "exitCode=0 reason=Completed", EventSource.STATUS);
            timeline.add(end, "pod", EventKind.DELETED, "", EventSource.STATUS);
            timeline.add(end + 0.3, "job", EventKind.JOB, "Failed: BackoffLimitExceeded", EventSource.JOB);
            figures = withTermination(figures(null, null, termination, Map.of("main", 143), null, "Failed: BackoffLimitExceeded"),
                    shape == Shape.SLOW_TERMINATION ? Map.of("main", 0.3) : Map.of("main", 0.3, sidecar, 0.4));
            findings.add(new Finding(FindingKind.TERM_ORDER, shape == Shape.SLOW_TERMINATION
                    ? "after deletion, SIGTERM reached main at +0.3s; the sidecar wrote no SIGTERM line"
                    : "after deletion, SIGTERM reached main at +0.3s, " + sidecar + " at +0.4s; the sidecar got it 0.0s after main exited"));
        } else {
            end = mainEnd + 1.5;
            timeline.add(mainEnd + 1.2, sidecar, EventKind.EXITING, "0", EventSource.LOG);
            timeline.add(mainEnd + 1.4, sidecar, EventKind.TERMINATED, "exitCode=0 reason=Completed", EventSource.STATUS);
            timeline.add(end, "job", EventKind.JOB, jobFailed ? "Failed: BackoffLimitExceeded" : "Complete", EventSource.JOB);
            timeline.add(end + 0.1, "pod", EventKind.PHASE, mainFailed ? "Failed" : "Succeeded", EventSource.STATUS);
            figures = figures(end, null, null, Map.of("main", mainFailed ? 1 : 0, sidecar, 0),
                    mainFailed ? "Failed" : "Succeeded", jobFailed ? "Failed: BackoffLimitExceeded" : "Complete");
        }
        if (shape == Shape.MAIN_FAILED) {
            findings.add(new Finding(FindingKind.CONTAINER_OUTPUT,
                    "main wrote before exit 1: docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock"));
        }
        if (key.pattern().equals("done-file") && key.fault().equals("sidecar-oom")) {
            findings.add(new Finding(FindingKind.JOB_BEFORE_POD, "the Job was Complete 2.3s before the pod was terminal"));
        }
        if (key.equals(DRILL_DOWN)) {
            timeline.add(5, "pod", EventKind.EVENT, "Warning BackOff: " + HOSTILE, EventSource.EVENT);
        }
        if (shape == Shape.RACE) {
            figures = withMainBeforeReady(figures, sidecarReady - mainStart);
        }
        if (restarted) {
            figures = withRestarts(figures, sidecar, 1, 1.4);
            findings.add(new Finding(FindingKind.SIDECAR_RESTARTED, "sidecar restarted 1 time (first ended " + at(mainStart + 3.1)
                    + ": OOMKilled); down 1.4s until Ready again"));
            findings.add(new Finding(FindingKind.USE_FAILED_WHILE_DOWN, "main's use of the sidecar failed at " + at(mainStart + 3.5)
                    + " while the sidecar was down; main retried"));
            findings.add(new Finding(FindingKind.CLIENT_RECOVERED, "main's client retried and recovered at " + at(mainStart + 5.6)
                    + ": Recovered after 2 tries"));
        }
        String note = restarted ? "KEP-753: a restartable init container is restarted after OOM, main keeps running" : "";
        return new ScenarioResult(key, shape.outcome(jobFailed, faultTargetsMain), reasonOf(shape, sidecar), findings, figures,
                timeline.events(), t0, note);
    }

    private static Shape shapeOf(ScenarioKey key, boolean gated) {
        String fault = key.fault();
        return switch (key.pattern()) {
            case "classic" -> switch (fault) {
                case "none", "main-oom", "sigkill-main" -> Shape.STUCK;
                case "sidecar-oom" -> Shape.MAIN_FAILED;
                case "delayed-sidecar" -> Shape.RACE;
                default -> key.variant().equals("shell") ? Shape.SLOW_TERMINATION : Shape.COMPLETED;
            };
            case "native-sidecar" -> gated ? Shape.DROPPED
                    : fault.equals("delayed-sidecar") && !key.variant().contains("probe") ? Shape.RACE : Shape.COMPLETED;
            case "done-file" -> fault.equals("sigkill-main") || fault.equals("main-oom") ? Shape.STUCK : Shape.COMPLETED;
            case "ephemeral" -> fault.equals("sidecar-oom") || fault.equals("main-oom") ? Shape.NOT_APPLICABLE
                    : fault.equals("sigterm") ? Shape.COMPLETED : Shape.STUCK;
            default -> gated && fault.equals("sigterm") ? Shape.ERROR
                    : fault.equals("none") && gated ? Shape.REJECTED : Shape.COMPLETED;
        };
    }

    private static String reasonOf(Shape shape, String sidecar) {
        return switch (shape) {
            case COMPLETED -> "pod ended 1.4 s after main exited";
            case STUCK -> "main terminated; " + sidecar + " still running 60 s later at the deadline";
            case RACE -> "main STARTING at +4.0 s before " + sidecar + " READY";
            case MAIN_FAILED -> "main exited 1 after " + sidecar + " was OOMKilled";
            case SLOW_TERMINATION -> "pod took 30.2 s of a 30 s grace period to go: " + sidecar + " ignored SIGTERM";
            case REJECTED -> "API server: spec.shareProcessNamespace conflicts with the pod security policy";
            case DROPPED -> "initContainers[0].restartPolicy was Always in the request and absent in the stored pod";
            case NOT_APPLICABLE -> "the API refused what the fault adds to the spec: ephemeral containers may not set resources";
            case ERROR -> "infrastructure";
        };
    }

    private static String at(double offset) {
        return String.format(Locale.ROOT, "+%.1fs", offset);
    }

    private static Figures withTermination(Figures f, Map<String, Double> termAfterDeletion) {
        return new Figures(f.completionSeconds(), f.sidecarOutlivedMainSeconds(), f.terminationSeconds(), f.gracePeriodSeconds(),
                f.verdictDelaySeconds(), f.podPhase(), f.jobCondition(), 0.3, f.sidecarRestarts(), f.sidecarDownSeconds(),
                f.mainStartedBeforeReadySeconds(), termAfterDeletion, f.restarts(), f.exitCodes(), f.reasons());
    }

    private static Figures withMainBeforeReady(Figures f, double seconds) {
        return new Figures(f.completionSeconds(), f.sidecarOutlivedMainSeconds(), f.terminationSeconds(), f.gracePeriodSeconds(),
                f.verdictDelaySeconds(), f.podPhase(), f.jobCondition(), f.jobAfterPodSeconds(), f.sidecarRestarts(),
                f.sidecarDownSeconds(), seconds, f.termAfterDeletionSeconds(), f.restarts(), f.exitCodes(), f.reasons());
    }

    private static Figures withRestarts(Figures f, String sidecar, int sidecarRestarts, double downSeconds) {
        Map<String, Integer> restarts = new LinkedHashMap<>(f.restarts());
        restarts.put(sidecar, sidecarRestarts);
        return new Figures(f.completionSeconds(), f.sidecarOutlivedMainSeconds(), f.terminationSeconds(), f.gracePeriodSeconds(),
                f.verdictDelaySeconds(), f.podPhase(), f.jobCondition(), -0.1, sidecarRestarts, downSeconds, f.mainStartedBeforeReadySeconds(),
                f.termAfterDeletionSeconds(), restarts, f.exitCodes(), f.reasons());
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
