package io.sidecarconformance.cluster;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeFactsTest {

    private final NodeFacts status = new NodeFacts("127.0.0.1", "v1.35.8", "containerd://v2.2.9", null, null,
            "6.1.0-18-amd64", "Debian GNU/Linux 12 (bookworm)", null, null);

    @Test
    void theProbesLinesGiveRuncAndCgroup() {
        NodeFacts facts = status.withProbe(NodeFacts.parse("""
                cgroup=v1
                runc_binary=/root/.cache/sidecar-conformance/runc/v1.3.6/bin/runc
                runc=runc version 1.3.6
                """));

        assertThat(facts.runcVersion()).as("runc's own --version").isEqualTo("1.3.6");
        assertThat(facts.cgroupVersion()).isEqualTo("v1");
        assertThat(facts.kubeletVersion()).as("kept from the node status").isEqualTo("v1.35.8");
        assertThat(facts.problem()).isNull();
    }

    @Test
    void theCniIsThePluginChainOfTheRuntimesFirstConfiguration() {
        NodeFacts facts = status.withProbe(NodeFacts.parse("""
                cgroup=v1
                runc=runc version 1.3.6
                cni=ptp+portmap (10-sc-ptp.conflist)
                """));

        assertThat(facts.cni()).isEqualTo("ptp+portmap (10-sc-ptp.conflist)");
    }

    @Test
    void aRuncThatDoesNotAnswerIsAProblemNotAVersion() {
        NodeFacts facts = status.withProbe(NodeFacts.parse("cgroup=v2\nrunc_binary=runc\nrunc=env: can't execute 'runc'\n"));

        assertThat(facts.runcVersion()).isNull();
        assertThat(facts.cgroupVersion()).isEqualTo("v2");
        assertThat(facts.problem()).isEqualTo("runc did not report its version (runc: env: can't execute 'runc')");
    }

    @Test
    void aFailedProbeKeepsTheNodeStatus() {
        NodeFacts facts = status.withProbe(Map.of("problem", "node facts probe pod failed"));

        assertThat(facts.containerRuntime()).isEqualTo("containerd://v2.2.9");
        assertThat(facts.runcVersion()).isNull();
        assertThat(facts.problem()).isEqualTo("node facts probe pod failed");
    }
}
