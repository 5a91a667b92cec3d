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
import java.util.List;

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

    /** Owner pids the fake process table knows as running. */
    private final java.util.Set<Long> alivePids = new java.util.HashSet<>();
    private KindOwners owners() {
        return new KindOwners(dir.resolve("owners"), owner -> alivePids.contains(owner.pid()));
    }

    private KindProvider provider(Path kind, boolean keep) {
        return new KindProvider("1.31", kind.toString(), dir.resolve("clusters/kind/1.31.yaml"), ImageSet.publicImages(),
                Duration.ofMinutes(1), Duration.ofSeconds(5), keep, progress, owners());
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(dir.resolve("calls.log"));
    }

    @Test
    void deletesClustersOfDeadRunsOnlyAndSaysSoInOneLine() throws IOException {
        owners().record("sc-1.29", new KindOwners.Owner(4001, "2026-12-01T10:00:00Z", false));     // dead run
        owners().record("sc-1.33", new KindOwners.Owner(4002, "2026-12-01T10:00:00Z", false));     // live run
        owners().record("sc-1.34", new KindOwners.Owner(4003, "2026-12-01T10:00:00Z", true));      // -DkeepCluster
        owners().record("sc-1.31", new KindOwners.Owner(4004, "2026-12-01T10:00:00Z", false));     // dead, same version
        alivePids.add(4002L);
        // sc-1.28 has no owner record: made by hand (README shows how) or by an older suite: never ours to delete.
        KindProvider provider = provider(fakeKind("sc-1.28\nsc-1.29\nsc-1.31\nsc-1.33\nsc-1.34\nsc-other-1.29x\nmine\n"), false);

        provider.start();

        assertThat(calls()).as("kind calls").hasSize(4);
        assertThat(calls().subList(0, 3)).containsExactly("get clusters", "delete cluster --name sc-1.29",
                "delete cluster --name sc-1.31");
        assertThat(calls().get(3)).as("sc-1.31 was a dead run's: created afresh, not reused")
                .startsWith("create cluster --name sc-1.31 ");
        assertThat(progressBytes.toString(StandardCharsets.UTF_8))
                .contains("[kind 1.31] deleting 2 kind clusters left by dead runs: sc-1.29, sc-1.31\n");
        assertThat(owners().owner("sc-1.29")).as("forgotten once deleted").isEmpty();
        assertThat(owners().owner("sc-1.31")).as("now this process's")
                .contains(KindOwners.thisProcess(false));
        assertThat(owners().owner("sc-1.33")).isPresent();

        provider.close();

        assertThat(owners().owner("sc-1.31")).as("deleted on close, forgotten").isEmpty();
    }

    @Test
    void aRealProcessTableTellsALiveOwnerFromADeadOne() {
        assertThat(KindOwners.processAlive(KindOwners.thisProcess(false))).as("this JVM").isTrue();
        KindOwners.Owner self = KindOwners.thisProcess(false);
        assertThat(KindOwners.processAlive(new KindOwners.Owner(self.pid(), "2001-01-01T00:00:00Z", false)))
                .as("same pid, other start: a reused pid").isFalse();
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
