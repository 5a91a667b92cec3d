package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.fault.Faults;
import io.sidecarconformance.result.ScenarioKey;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.TimelineEvent;
import io.sidecarconformance.timeline.TimelineRecorder;
import io.sidecarconformance.workload.ExampleWorkloads;
import io.sidecarconformance.workload.Workload;
import io.sidecarconformance.workload.WorkloadFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's own pod in the Job the run creates: as written, with the run's labels, and without what pins an exported one. */
class OwnPodJobTest {

    private static final Map<String, String> RUN = Map.of("sidecar-conformance/scenario", "local-1-31-workload-none");
    private static final ImageSet PULLS = new ImageSet("busybox:test", "dind:test", "proxy:test", "IfNotPresent");
    private static final ImageSet LOCAL = new ImageSet("sc/busybox:1", "sc/dind:1", "sc/proxy:1", "Never",
            Map.of("docker", "sc/dind:1", "ghcr.io/actions/actions-runner", "sc/dind:1", "busybox", "sc/busybox:1"));

    /** A Job as `kubectl get job -o yaml` gives it, with a ConfigMap and a Secret it needs. */
    private static final String EXPORTED = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: runner-config
              uid: 6f1c
              resourceVersion: "812"
              labels: {app: ci}
              annotations: {note: kept}
            data: {config.json: "{}"}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: runner-token}
            stringData: {token: t0k3n}
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: exported
              labels: {team: ci}
            spec:
              backoffLimit: 3
              activeDeadlineSeconds: 600
              manualSelector: true
              selector:
                matchLabels: {batch.kubernetes.io/controller-uid: 0f1e}
              template:
                metadata:
                  labels:
                    app: runner
                    controller-uid: 0f1e
                    job-name: exported
                    batch.kubernetes.io/controller-uid: 0f1e
                    batch.kubernetes.io/job-name: exported
                    batch.kubernetes.io/job-completion-index: "0"
                  annotations: {sidecar-conformance.io/main: runner}
                spec:
                  nodeName: node-7
                  initContainers:
                    - {name: dind, image: "docker:27-dind", restartPolicy: Always, imagePullPolicy: Always}
                  containers:
                    - {name: runner, image: "ghcr.io/actions/actions-runner:2.321.0"}
                    - {name: helper, image: "nginx:1.27"}
            """;

    @TempDir
    Path dir;

    /** What a run of this workload (main named, or null) works with; no client: building the Job needs none. */
    private static RunScope scope(Workload w, String main, ImageSet images) {
        OwnPod own = new OwnPod(w, ExampleWorkloads.roles(w, main, null), Optional.empty());
        ScenarioSpec spec = ScenarioSpec.ownPod(new ScenarioKey("local:1.31", OwnPod.rowId(w), own.sidecarId(), "as-written",
                "none"), own, Faults.byId("none"));
        return new RunScope(null, "sc-unit", spec, ScenarioSettings.defaults(), images, Clock.systemUTC(),
                new TimelineRecorder(), new AppliedLog(), new RunFacts());
    }

    private static Job job(RunScope scope) {
        return JobSource.of(scope).job(JobSubmission.JOB, RUN);
    }

    private Workload exported() throws IOException {
        return WorkloadFile.read(Files.writeString(dir.resolve("exported.yaml"), EXPORTED));
    }

    private static Stream<Container> containers(PodSpec spec) {
        return Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream());
    }

    private static List<String> actions(RunScope scope) {
        return scope.timeline().snapshot().events().stream().filter(e -> e.kind() == EventKind.ACTION)
                .map(TimelineEvent::detail).toList();
    }

    @Test
    void theArcRunnerRunsAsWrittenInAJobOfTheGivenNameWithTheRunsLabels() {
        Workload arc = ExampleWorkloads.read(ExampleWorkloads.ARC);
        RunScope scope = scope(arc, null, PULLS);

        Job job = job(scope);

        assertThat(JobSource.of(scope)).as("a user's pod, not a pattern").isInstanceOf(OwnPodJob.class);
        assertThat(job.getMetadata().getName()).isEqualTo("sc-job");
        assertThat(job.getMetadata().getLabels()).as("the Job's labels: the run's, for the sweep").isEqualTo(RUN);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).as("and its pod's").isEqualTo(RUN);
        assertThat(job.getSpec().getBackoffLimit()).as("the Job's own backoffLimit").isZero();
        assertThat(job.getSpec().getSelector()).as("the API server makes the selector").isNull();
        assertThat(job.getSpec().getTemplate().getSpec()).as("the pod spec as written, images and all").isEqualTo(arc.podSpec());
        assertThat(containers(job.getSpec().getTemplate().getSpec())).as("pulled as the spec says")
                .allMatch(c -> c.getImagePullPolicy() == null);
        assertThat(actions(scope)).as("nothing replaced, nothing said").isEmpty();
        assertThat(JobSource.of(scope).withoutFault(JobSubmission.JOB, RUN)).as("the faults add nothing to it").isEqualTo(job);
        assertThat(JobSource.of(scope).before(RUN)).as("no ConfigMap or Secret in the file").isEmpty();
        assertThat(JobSource.of(scope).ephemeral()).isEmpty();
    }

    @Test
    void onAClusterThatPullsNothingEachImageWithAStandInRunsOnItAndTheTimelineSaysSo() {
        Workload arc = ExampleWorkloads.read(ExampleWorkloads.ARC);
        RunScope scope = scope(arc, null, LOCAL);

        PodSpec spec = job(scope).getSpec().getTemplate().getSpec();

        assertThat(containers(spec)).as("every container's image: ghcr.io/actions/actions-runner and docker have stand-ins")
                .extracting(c -> c.getName() + "=" + c.getImage() + " " + c.getImagePullPolicy())
                .containsExactly("init-dind-externals=sc/dind:1 Never", "dind=sc/dind:1 Never", "runner=sc/dind:1 Never");
        assertThat(actions(scope)).as("one line per container").containsExactlyInAnyOrder(
                "container init-dind-externals: image ghcr.io/actions/actions-runner:latest runs as sc/dind:1, its local stand-in"
                        + " (clusters/local/images.properties)",
                "container dind: image docker:dind runs as sc/dind:1, its local stand-in (clusters/local/images.properties)",
                "container runner: image ghcr.io/actions/actions-runner:latest runs as sc/dind:1, its local stand-in"
                        + " (clusters/local/images.properties)");
        assertThat(containers(arc.podSpec())).as("the workload as read is untouched")
                .extracting(Container::getImage).containsExactly("ghcr.io/actions/actions-runner:latest", "docker:dind",
                        "ghcr.io/actions/actions-runner:latest");
    }

    @Test
    void aPodBecomesAJobThatRunsItOnceWithItsLabelsKept() {
        Workload gitlab = ExampleWorkloads.read(ExampleWorkloads.GITLAB);
        RunScope scope = scope(gitlab, "build", LOCAL);

        Job job = job(scope);

        assertThat(job.getSpec().getBackoffLimit()).as("a Pod has no Job settings: it runs once").isZero();
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).as("the pod's labels and the run's")
                .containsAllEntriesOf(RUN).containsEntry("job.runner.gitlab.com/pod", "example").hasSize(2);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers()).as("both docker images run on the dind stand-in")
                .extracting(c -> c.getName() + "=" + c.getImage() + " " + c.getImagePullPolicy())
                .containsExactly("build=sc/dind:1 Never", "svc-0=sc/dind:1 Never");
    }

    @Test
    void anExportedJobLosesWhatPinsItAndKeepsItsOwnSettings() throws IOException {
        Workload w = exported();
        RunScope scope = scope(w, "runner", LOCAL);

        Job job = job(scope);

        assertThat(job.getSpec().getBackoffLimit()).as("kept from the Job").isEqualTo(3);
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(600L);
        assertThat(job.getSpec().getSelector()).as("its old controller's selector").isNull();
        assertThat(job.getSpec().getManualSelector()).isNull();
        assertThat(job.getMetadata().getLabels()).as("the Job's labels are the run's").isEqualTo(RUN);
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).as("the user's labels without the controller's")
                .isEqualTo(Map.of("app", "runner", "sidecar-conformance/scenario", "local-1-31-workload-none"));
        assertThat(job.getSpec().getTemplate().getMetadata().getAnnotations()).as("the user's annotations")
                .isEqualTo(Map.of("sidecar-conformance.io/main", "runner"));
        PodSpec spec = job.getSpec().getTemplate().getSpec();
        assertThat(spec.getNodeName()).as("not pinned to the exporting cluster's node").isNull();
        assertThat(spec.getRestartPolicy()).as("unset: Never").isEqualTo("Never");
        assertThat(spec.getInitContainers().get(0).getImagePullPolicy()).as("a stand-in is never pulled").isEqualTo("Never");
        assertThat(w.podSpec().getNodeName()).as("the workload as read is untouched").isEqualTo("node-7");
        assertThat(w.jobSettings()).hasValueSatisfying(s -> assertThat(s.getSelector()).isNotNull());
    }

    @Test
    void theConfigMapsAndSecretsAreClonedWithTheRunsLabels() throws IOException {
        Workload w = exported();

        List<HasMetadata> before = JobSource.of(scope(w, "runner", PULLS)).before(RUN);

        assertThat(before).extracting(o -> o.getKind() + " " + o.getMetadata().getName())
                .containsExactly("ConfigMap runner-config", "Secret runner-token");
        ConfigMap config = (ConfigMap) before.get(0);
        assertThat(config.getMetadata().getLabels()).as("the user's and the run's")
                .isEqualTo(Map.of("app", "ci", "sidecar-conformance/scenario", "local-1-31-workload-none"));
        assertThat(config.getMetadata().getAnnotations()).isEqualTo(Map.of("note", "kept"));
        assertThat(config.getMetadata().getUid()).as("what the exporting server added").isNull();
        assertThat(config.getMetadata().getResourceVersion()).isNull();
        assertThat(config.getData()).isEqualTo(Map.of("config.json", "{}"));
        assertThat(((Secret) before.get(1)).getStringData()).isEqualTo(Map.of("token", "t0k3n"));
        assertThat(before.get(1).getMetadata().getLabels()).isEqualTo(RUN);
        assertThat(w.objects().get(0).getMetadata().getLabels()).as("the file's objects untouched").isEqualTo(Map.of("app", "ci"));
    }
}
