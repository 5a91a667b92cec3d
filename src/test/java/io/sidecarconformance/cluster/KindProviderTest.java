package io.sidecarconformance.cluster;

import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient
class KindProviderTest {

    static KubernetesMockServer server;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(progressBytes, true, StandardCharsets.UTF_8);

    /** A fake kind: logs its arguments; "create" and "export" write a kubeconfig for the mock server. */
    private Path fakeKind(String runningClusters) throws IOException {
        TestClusters.answersVersion(server);
        Path kubeconfig = TestClusters.kubeconfig(dir.resolve("mock.kubeconfig"), server.url("/"));
        return TestClusters.script(dir.resolve("bin/kind"), """
                echo "$*" >> '%s'
                out=""
                while [ $# -gt 0 ]; do [ "$1" = --kubeconfig ] && out="$2"; shift; done
                if [ -n "$out" ]; then echo "Creating cluster" >&2; cp '%s' "$out"; fi
                printf '%s'
                """.formatted(dir.resolve("calls.log"), kubeconfig, runningClusters));
    }

    private KindProvider provider(Path kind, boolean keep) {
        return new KindProvider("1.31", kind.toString(), dir.resolve("clusters/kind/1.31.yaml"), ImageSet.publicImages(),
                Duration.ofMinutes(1), Duration.ofSeconds(5), keep, progress);
    }

    @Test
    void createsTheClusterAndDeletesItOnClose() throws IOException {
        KindProvider provider = provider(fakeKind(""), false);

        provider.start();

        assertThat(provider.serverVersion()).isEqualTo("v1.31.14");
        assertThat(provider.id()).isEqualTo("kind:1.31");
        assertThat(Files.readAllLines(dir.resolve("calls.log"))).hasSize(2)
                .first().isEqualTo("get clusters");
        assertThat(Files.readAllLines(dir.resolve("calls.log")).get(1))
                .startsWith("create cluster --name sc-1.31 --config " + dir.resolve("clusters/kind/1.31.yaml") + " --kubeconfig ")
                .endsWith(" --wait 120s");
        assertThat(progressBytes.toString(StandardCharsets.UTF_8)).contains("[kind 1.31] Creating cluster");
        Path kubeconfig = Path.of(Files.readAllLines(dir.resolve("calls.log")).get(1).split(" --kubeconfig ")[1].split(" ")[0]);
        assertThat(kubeconfig).as("a temporary kubeconfig").exists();

        provider.close();

        assertThat(Files.readAllLines(dir.resolve("calls.log"))).last().isEqualTo("delete cluster --name sc-1.31");
        assertThat(kubeconfig).as("removed on close").doesNotExist();
    }

    @Test
    void reusesARunningClusterAndLeavesIt() throws IOException {
        KindProvider provider = provider(fakeKind("other\\nsc-1.31\\n"), false);

        provider.start();
        provider.close();

        assertThat(Files.readAllLines(dir.resolve("calls.log")))
                .hasSize(2)
                .first().isEqualTo("get clusters");
        assertThat(Files.readAllLines(dir.resolve("calls.log")).get(1)).startsWith("export kubeconfig --name sc-1.31 --kubeconfig ");
    }

    @Test
    void keepClusterSkipsDelete() throws IOException {
        KindProvider provider = provider(fakeKind(""), true);

        provider.start();
        provider.close();

        assertThat(Files.readAllLines(dir.resolve("calls.log"))).noneMatch(line -> line.startsWith("delete"));
    }

    @Test
    void aFailingCreateIsOneLine() throws IOException {
        Path kind = TestClusters.script(dir.resolve("bin/kind"), """
                [ "$1" = create ] || exit 0
                echo "Creating cluster \\"sc-1.31\\" ..." >&2
                echo "ERROR: failed to create cluster: node(s) already exist for a cluster with the name \\"sc-1.31\\"" >&2
                exit 1
                """);

        assertThatThrownBy(provider(kind, false)::start).hasMessage("kind create cluster sc-1.31 failed (exit 1):"
                + " ERROR: failed to create cluster: node(s) already exist for a cluster with the name \"sc-1.31\"");
    }

    @Test
    void absentKindCliSaysWhatToDo() {
        Path kind = dir.resolve("bin/kind");

        assertThatThrownBy(provider(kind, false)::start).hasMessage("the kind CLI (" + kind + ") is not found:"
                + " install kind or choose -Dcluster=k3s:1.31, local:1.31 or kubeconfig");
    }
}
