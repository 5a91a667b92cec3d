package io.sidecarconformance.workload;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.sidecarconformance.workload.OneLineAssert.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class WorkloadFileTest {

    @TempDir
    Path dir;

    private static final String POD_SPEC = """
              restartPolicy: Never
              initContainers:
                - name: dind
                  image: docker:dind
                  restartPolicy: Always
              containers:
                - name: runner
                  image: runner:1
            """;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("w.yaml"), text);
    }

    private Workload read(String text) throws IOException {
        return WorkloadFile.read(file(text));
    }

    @Test
    void aJobGivesItsPodSpecAndItsOwnSettingsWithoutTheTemplate() throws IOException {
        Workload w = read("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: runner-job}
                spec:
                  backoffLimit: 2
                  template:
                    metadata: {labels: {app: runner}}
                    spec:
                """ + POD_SPEC.indent(4));
        assertThat(w.source()).as("source").isEqualTo("Job runner-job (line 1)");
        assertThat(w.podSpec().getContainers()).as("containers").extracting("name").containsExactly("runner");
        assertThat(w.podSpec().getInitContainers()).as("init containers").extracting("name").containsExactly("dind");
        assertThat(w.podMetadata().getLabels()).as("pod labels").containsEntry("app", "runner");
        assertThat(w.jobSettings()).as("Job settings").hasValueSatisfying(s -> {
            assertThat(s.getBackoffLimit()).as("backoffLimit").isEqualTo(2);
            assertThat(s.getTemplate()).as("template, kept in podSpec only").isNull();
        });
        assertThat(w.objects()).as("extra objects").isEmpty();
    }

    @Test
    void aPodABarePodTemplateABarePodSpecAndAPodTemplateAreEachAWorkload() throws IOException {
        assertThat(read("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + POD_SPEC).source())
                .isEqualTo("Pod p (line 1)");
        Workload template = read("metadata: {labels: {a: b}}\nspec:\n" + POD_SPEC);
        assertThat(template.source()).isEqualTo("the pod template at line 1");
        assertThat(template.podMetadata().getLabels()).containsEntry("a", "b");
        assertThat(template.jobSettings()).isEmpty();
        Workload spec = read(POD_SPEC.stripIndent());
        assertThat(spec.source()).isEqualTo("the pod spec at line 1");
        assertThat(spec.podSpec().getContainers()).extracting("name").containsExactly("runner");
        assertThat(read("apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\ntemplate:\n  spec:\n" + POD_SPEC.indent(2))
                .podSpec().getInitContainers()).extracting("name").containsExactly("dind");
    }

    @Test
    void kubectlsJsonOfAPodTemplateIsRead() throws IOException {
        // What `kubectl get deploy x -o jsonpath='{.spec.template}'` prints: JSON, which is YAML.
        Workload w = read("{\"metadata\":{\"labels\":{\"app\":\"x\"}},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"busybox\"}]}}");
        assertThat(w.podSpec().getContainers()).extracting("name").containsExactly("main");
    }

    @Test
    void configMapsAndSecretsComeAlongInFileOrderAlsoFromAList() throws IOException {
        Workload w = read("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: daemon-json}
                data: {daemon.json: "{}"}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                """ + POD_SPEC + """
                ---
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: Secret
                    metadata: {name: token}
                    stringData: {token: t}
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: hooks}
                """);
        assertThat(w.objects()).as("extra objects, in file order")
                .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("ConfigMap/daemon-json", "Secret/token", "ConfigMap/hooks");
        assertThat(w.objects().get(0)).isInstanceOf(ConfigMap.class);
        assertThat(((ConfigMap) w.objects().get(0)).getData()).containsEntry("daemon.json", "{}");
        assertThat(w.objects().get(1)).isInstanceOf(Secret.class);
        assertThat(w.objects()).allSatisfy(o -> assertThat(((HasMetadata) o).getMetadata().getNamespace()).isNull());
    }

    @Test
    void theSha256IsThatOfTheFilesBytes() throws IOException {
        String text = "kind: Pod\nspec:\n  containers:\n    - name: main\n      image: busybox\n";
        // printf 'kind: Pod\nspec:\n  containers:\n    - name: main\n      image: busybox\n' | sha256sum
        assertThat(read(text).sha256()).isEqualTo("72905cea5f4ebf1dba6210dcfa7aa0c5fcc7f8a049bb7cec4de0f0b99f25dac2");
        assertThat(WorkloadFile.sha256("abc".getBytes(StandardCharsets.UTF_8)))
                .as("FIPS 180-2's test vector").isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(read(text + "# a comment changes the file\n").sha256()).isNotEqualTo(read(text).sha256());
    }

    @Test
    void aMissingFileAFolderAndAnEmptyFileAreOneLineEach() throws IOException {
        refusal(() -> WorkloadFile.read(dir.resolve("nope.yaml")), "-Dworkload=", "nope.yaml: no such file", "name a YAML file");
        refusal(() -> WorkloadFile.read(dir), "is a folder; name one YAML file in it");
        refusal(() -> read("\n# only a comment\n"), "is empty");
        refusal(() -> read(""), "is empty");
        refusal(() -> read("---\n---\n"), "is empty");
        Files.write(dir.resolve("latin1.yaml"), new byte[]{'k', ':', ' ', (byte) 0xe9, '\n'});
        refusal(() -> WorkloadFile.read(dir.resolve("latin1.yaml")), "is not UTF-8 text");
    }

    @Test
    void invalidYamlSaysTheLineAndColumn() {
        refusal(() -> read("kind: Pod\nspec:\n  containers:\n  - name: a\n   image: b\n"),
                "is not valid YAML: line 5, column 4:", "fix the file");
        refusal(() -> read("kind: Pod\nspec:\n\tcontainers: []\n"), "is not valid YAML: line 3, column 1:", "TAB");
        refusal(() -> read("kind: Pod\nspec: {containers: [\n"), "is not valid YAML: line ");
    }

    @Test
    void controllersAreRefusedWithHowToTakeTheirPodTemplate() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: runner}
                spec:
                  template:
                    spec:
                      containers: [{name: a, image: b}]
                """;
        assertThat(refusal(() -> read(deployment),
                "Deployment runner (line 1) is not one pod, and the suite runs one pod to completion; take its pod template:",
                "kubectl get deployment runner -o jsonpath='{.spec.template}' > runner-pod.json",
                "copy its .spec.template under a Job's spec.template"))
                .as("the line names the file").startsWith(dir.resolve("w.yaml").toString());
        refusal(() -> read(deployment.replace("Deployment", "StatefulSet")), "kubectl get statefulset runner");
        refusal(() -> read(deployment.replace("Deployment", "DaemonSet")), "kubectl get daemonset runner");
        refusal(() -> read("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: nightly}
                spec:
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: [{name: a, image: b}]
                """), "kubectl get cronjob nightly -o jsonpath='{.spec.jobTemplate.spec.template}'");
        // A Job of another API group is not a batch Job.
        refusal(() -> read("apiVersion: batch.volcano.sh/v1alpha1\nkind: Job\nmetadata: {name: v}\nspec: {}\n"),
                "Job v (line 1) is not supported in a workload file");
    }

    @Test
    void clusterScopedObjectsOtherNamespacesAndOtherKindsAreRefused() {
        String pod = "---\nkind: Pod\nspec:\n" + POD_SPEC;
        refusal(() -> read("apiVersion: v1\nkind: Namespace\nmetadata: {name: ci}\n" + pod),
                "Namespace ci (line 1) is cluster-scoped", "remove it from the file");
        refusal(() -> read(pod + "---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n"),
                "ClusterRole r (line 13) is cluster-scoped");
        refusal(() -> read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: ci}\n" + pod),
                "ConfigMap c (line 1) names namespace ci", "remove metadata.namespace");
        refusal(() -> read("apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: default}\nspec:\n" + POD_SPEC),
                "Pod p (line 1) names namespace default");
        refusal(() -> read("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n" + pod),
                "Service s (line 1) is not supported in a workload file", "only the ConfigMaps and Secrets");
    }

    @Test
    void documentsThatAreNotOneWorkloadAreRefused() {
        String pod = "kind: Pod\nmetadata: {name: p}\nspec:\n" + POD_SPEC;
        refusal(() -> read(pod + "---\n" + pod.replace("name: p", "name: q")),
                "holds 2 workloads (Pod p (line 1), Pod q (line 13))", "put each in its own file");
        refusal(() -> read("kind: ConfigMap\nmetadata: {name: c}\n"), "holds no Job, Pod or pod template (only 1 ConfigMap/Secret)");
        refusal(() -> read("just a string\n"), "the document at line 1 is a string, not a Kubernetes object");
        refusal(() -> read("name: x\nimage: y\n"), "the document at line 1 has no kind and is not a pod template");
        refusal(() -> read("kind: ConfigMap\ndata: {}\n---\n" + pod), "ConfigMap (line 1) has no metadata.name");
        refusal(() -> read("kind: Secret\nmetadata: {name: s}\n---\nkind: Secret\nmetadata: {name: s}\n---\n" + pod),
                "Secret s (line 4) has the name of the Secret at line 1");
        refusal(() -> read("kind: Job\nmetadata: {name: j}\nspec: {backoffLimit: 0}\n"), "Job j (line 1) has no spec.template");
    }

    @Test
    void aPodWithoutContainersOrNamesOrAnEndIsRefused() {
        refusal(() -> read("kind: Pod\nmetadata: {name: p}\nspec:\n  initContainers: [{name: i, image: b}]\n"),
                "Pod p (line 1) has no containers (spec.containers is empty)", "at least one regular container");
        refusal(() -> read("kind: Pod\nmetadata: {name: p}\n"), "Pod p (line 1) has no pod spec");
        refusal(() -> read("kind: Pod\nspec:\n  containers: [{image: b}]\n"), "spec.containers[0] has no name");
        refusal(() -> read("kind: Pod\nspec:\n  initContainers: [{name: a, image: b}]\n  containers: [{name: a, image: b}]\n"),
                "two containers are named a");
        refusal(() -> read("kind: Pod\nspec:\n  restartPolicy: Always\n  containers: [{name: a, image: b}]\n"),
                "restartPolicy: Always", "set restartPolicy: Never");
        refusal(() -> read("kind: Pod\nspec:\n  containers: [{name: a, image: b, resources: {limits: {memory: lots}}}]\n"),
                "container a has memory limit 'lots', not a quantity");
    }

    @Test
    void aFieldOfTheWrongTypeNamesItsPath() {
        refusal(() -> read("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      ports: [{containerPort: http}]\n"),
                "Pod p (line 1) does not read as a Pod: spec.containers[0].ports[0].containerPort:", "fix that field");
        refusal(() -> read("kind: Pod\nspec: {containers: hello}\n"), "spec.containers: Cannot deserialize value of type ArrayList<Container>");
    }
}
