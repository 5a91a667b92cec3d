package io.sidecarconformance.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeProcessesTest {

    @Test
    void readsTheScriptsLines() {
        NodeProcesses n = NodeProcesses.parse(List.of("pidfile\tetcd\t/c/local/7/run/pids/etcd.pid",
                "shims\tcontainerd-shim\t/c/local/7/run/containerd.sock", "cgroup\tpods\tsc-local-7"));

        assertThat(n.pidFiles()).containsExactly(java.util.Map.entry("etcd", Path.of("/c/local/7/run/pids/etcd.pid")));
        assertThat(n.shimSocket()).isEqualTo(Path.of("/c/local/7/run/containerd.sock"));
        assertThat(n.podCgroup()).isEqualTo("sc-local-7");
    }

    @Test
    void aLineItCannotReadOrAMissingPartIsOneLine() {
        assertThatThrownBy(() -> NodeProcesses.parse(List.of("pidfile etcd /x"))).hasMessageContaining("not 'kind name value'");
        assertThatThrownBy(() -> NodeProcesses.parse(List.of("pidfile\tetcd\t/x", "cgroup\tpods\tsc-local-7")))
                .hasMessage("cpu-sources named no shim socket");
    }
}
