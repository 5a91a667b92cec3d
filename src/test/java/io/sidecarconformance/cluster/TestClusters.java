package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test material: kubeconfigs built as model objects, a clusters/ dir, executable fake scripts. */
final class TestClusters {

    static final String VERSIONS_TSV = """
            # id\tkubernetes\tgates\tcontainerd\trunc\tetcd\tpause\tk3s\tkind_node\tkind_version\tnote
            1.27\tv1.27.16\t-\tdebian\tdebian\tv3.5.35\t3.9\trancher/k3s:v1.27.16-k3s1\t-\t-\tno native sidecars
            1.28\tv1.28.15\t-\tdebian\tdebian\tv3.5.35\t3.9\trancher/k3s:v1.28.15-k3s1\t-\t-\tgate off
            1.28-sidecars\tv1.28.15\tSidecarContainers=true\tdebian\tdebian\tv3.5.35\t3.9\trancher/k3s:v1.28.15-k3s1\t-\t-\tgate on
            1.29\tv1.29.15\t-\tdebian\tdebian\tv3.5.35\t3.9\trancher/k3s:v1.29.14-k3s1\t-\t-\tbeta
            1.31\tv1.31.14\t-\tdebian\tdebian\tv3.5.35\t3.10\trancher/k3s:v1.31.14-k3s1\t-\t-\tsmoke

            1.33\tv1.33.13\t-\tdebian\tdebian\tv3.5.35\t3.10\trancher/k3s:v1.33.7-k3s1\t-\t-\tGA
            1.34\tv1.34.5\t-\tdebian\tdebian\tv3.5.35\t3.10.1\t-\t-\t-\tnewest
            1.35\tv1.35.8\t-\tv2.2.9\tv1.3.6\tv3.6.8\t3.10.1\t-\t-\t-\tcontainerd built from the module proxy
            1.40\t-\t-\t-\t-\t-\t-\trancher/k3s:v1.40.0-k3s1\t-\t-\tk3s only
            """;

    private TestClusters() {
    }

    /** A kubeconfig with one context "test" pointing at the server. */
    static Path kubeconfig(Path file, String server) throws IOException {
        Config config = new ConfigBuilder()
                .addNewCluster().withName("test").withNewCluster()
                .withServer(server).withInsecureSkipTlsVerify(true).endCluster().endCluster()
                .addNewUser().withName("test").withNewUser().withToken("secret").endUser().endUser()
                .addNewContext().withName("test").withNewContext()
                .withCluster("test").withUser("test").withNamespace("default").endContext().endContext()
                .withCurrentContext("test")
                .build();
        Files.createDirectories(file.getParent());
        Files.writeString(file, Serialization.asYaml(config));
        return file;
    }

    /** clusters/ with versions.tsv and local/images.properties. */
    static ClusterCatalog catalog(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("local"));
        Files.writeString(dir.resolve("versions.tsv"), VERSIONS_TSV);
        Files.writeString(dir.resolve("local/images.properties"),
                "busybox=sc.local/busybox:1.36.1\ndind=sc.local/docker:27.5.1-dind\nproxy=sc.local/haproxy:2.6.12\npause=sc.local/pause:3.10\n");
        return new ClusterCatalog(dir);
    }

    static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** The mock server answers GET /version like a 1.31 API server. */
    static void answersVersion(KubernetesMockServer server) {
        // The mock server answers /version itself, ahead of expectations.
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.14").build());
    }
}
