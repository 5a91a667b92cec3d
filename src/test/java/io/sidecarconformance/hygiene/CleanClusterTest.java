package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static io.sidecarconformance.hygiene.StalenessTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class CleanClusterTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private int clean(Properties properties, String... args) {
        return CleanCluster.run(args, properties, clock, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private int clean(String... args) {
        Properties p = new Properties();
        p.setProperty("clusters.dir", dir.resolve("clusters").toString());
        return clean(p, args);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private List<Path> filesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.walk(d)) {
            return files.toList();
        }
    }

    @Test
    void badArgumentsAreOneLineAndExit2LeavingNothingBehind() throws IOException {
        Path kubeconfig = dir.resolve("absent.yaml");
        List<Path> before = filesIn(dir);

        assertThat(clean()).as("no cluster").isEqualTo(2);
        assertThat(clean("--forse", "kubeconfig")).as("unknown option").isEqualTo(2);
        assertThat(clean("kubeconfig:a", "kubeconfig:b")).as("two clusters").isEqualTo(2);
        assertThat(clean("k8s:1.31")).as("unknown provider").isEqualTo(2);
        assertThat(clean("kind:1.31")).as("not a kubeconfig cluster").isEqualTo(2);
        assertThat(clean("kubeconfig:" + kubeconfig)).as("missing kubeconfig").isEqualTo(2);
        Properties badBound = new Properties();
        badBound.setProperty("sweep.staleSeconds", "soon");
        assertThat(clean(badBound, "kubeconfig:" + kubeconfig)).as("bad staleness bound").isEqualTo(2);

        assertThat(err().lines().toList()).containsExactly(
                "sidecar-conformance clean: which cluster? " + CleanCluster.USAGE,
                "sidecar-conformance clean: unknown option '--forse'; " + CleanCluster.USAGE,
                "sidecar-conformance clean: one cluster at a time; " + CleanCluster.USAGE,
                "sidecar-conformance clean: unknown cluster provider 'k8s' in 'k8s:1.31'; known: local:<version>,"
                        + " local-v2:<version>, k3s:<version>, kind:<version>, kubeconfig[:<path>[#<context>]]",
                "sidecar-conformance clean: a kubeconfig or running local cluster is cleaned here; a kind cluster goes"
                        + " with kind delete cluster --name sc-<version>, a k3s one with its container; " + CleanCluster.USAGE,
                "sidecar-conformance clean: kubeconfig " + kubeconfig + " not found; use -Dcluster=kubeconfig:<path>"
                        + " or set KUBECONFIG",
                "sidecar-conformance clean: -Dsweep.staleSeconds=soon is not a whole number from 30 to"
                        + " 604800; leave it out for the default 120");
        assertThat(out()).isEmpty();
        assertThat(filesIn(dir)).as("nothing left behind").isEqualTo(before);
    }

    @Test
    void deletesAbandonedRunsKeepsALiveOneUnlessForced() throws IOException {
        server.expect().get().withPath("/version").andReturn(200, new VersionInfo.Builder().withGitVersion("v1.31.4")
                .withMajor("1").withMinor("31").build()).always();
        namespace("sc-dead-a", "run-dead", NOW.minusSeconds(3600));
        namespace("sc-dead-b", "run-dead", NOW.minusSeconds(3600));
        namespace("sc-live-a", "run-live", NOW.minusSeconds(5));
        Path kubeconfig = kubeconfig();

        int code = clean("kubeconfig:" + kubeconfig);

        assertThat(code).as(out() + err()).isZero();
        assertThat(names()).as(out() + err()).containsExactly("sc-live-a");
        assertThat(out()).contains("swept 2 namespaces (0 pods) of 1 abandoned run (heartbeat older than 120s):"
                        + " sc-dead-a, sc-dead-b; left 1 namespaces of 1 live run alone")
                .contains("1 namespaces of a live run kept; add --force to delete them too")
                .contains("2 namespaces gone, 0 still terminating");

        assertThat(clean("kubeconfig:" + kubeconfig, "--force")).isZero();
        assertThat(names()).as("--force: the live run's too").isEmpty();
    }

    @Test
    void aLocalClusterIsFoundThroughItsScriptAndCleanedNeverStopped() throws IOException {
        server.expect().get().withPath("/version").andReturn(200, new VersionInfo.Builder().withGitVersion("v1.35.8")
                .withMajor("1").withMinor("35").build()).always();
        namespace("sc-dead-a", "run-dead", NOW.minusSeconds(3600));
        Path calls = dir.resolve("calls");
        localScript("echo \"$*\" >>" + calls + "\n[ \"$1\" = kubeconfig ] && echo " + kubeconfig() + "\n");

        int code = clean("local:1.35");

        assertThat(code).as(out() + err()).isZero();
        assertThat(names()).as("the abandoned run's namespace swept").isEmpty();
        assertThat(Files.readAllLines(calls)).as("asked where the instance of 1.35 is; nothing started or stopped")
                .containsExactly("kubeconfig 1.35");
    }

    @Test
    void aLocalClusterThatIsNotUpIsOneLineAndExit1() throws IOException {
        Path absent = dir.resolve("local/11/run/kubeconfig");
        localScript("echo " + absent + "\n");

        assertThat(clean("local:1.35")).as(err()).isEqualTo(1);
        assertThat(err()).isEqualTo("sidecar-conformance clean: local cluster 1.35 is not running (no " + absent
                + "); start it with: bash clusters/local/cluster.sh up 1.35\n");
    }

    /** clusters/ with a version list, the local images and a fake clusters/local/cluster.sh */
    private void localScript(String body) throws IOException {
        Path clusters = dir.resolve("clusters");
        Files.createDirectories(clusters.resolve("local"));
        Files.writeString(clusters.resolve("versions.tsv"),
                "1.35\tv1.35.8\t-\tv2.2.9\tv1.3.6\tv3.6.8\t3.10.1\t-\t-\t-\tnote\n");
        Files.writeString(clusters.resolve("local/images.properties"),
                "busybox=sc.local/busybox:1.36.1\ndind=sc.local/docker:27.5.1-dind\nproxy=sc.local/haproxy:2.6.12\npause=sc.local/pause:3.10\n");
        Path script = clusters.resolve("local/cluster.sh");
        Files.writeString(script, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void namespace(String name, String run, Instant heartbeat) {
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).addToLabels(SuiteMarks.RUN_LABEL, run)
                .addToAnnotations(SuiteMarks.HEARTBEAT_ANNOTATION, heartbeat.toString()).endMetadata().build();
        client.namespaces().resource(ns).create();
    }

    private List<String> names() {
        return client.namespaces().list().getItems().stream().map(n -> n.getMetadata().getName()).sorted().toList();
    }

    private Path kubeconfig() throws IOException {
        var config = new ConfigBuilder()
                .addNewCluster().withName("mock").withNewCluster().withServer(server.url("/"))
                .withInsecureSkipTlsVerify(true).endCluster().endCluster()
                .addNewUser().withName("mock").withNewUser().withToken("t").endUser().endUser()
                .addNewContext().withName("mock").withNewContext().withCluster("mock").withUser("mock").endContext()
                .endContext().withCurrentContext("mock").build();
        Path file = dir.resolve("kubeconfig.yaml");
        Files.writeString(file, Serialization.asYaml(config));
        return file;
    }
}
