package io.sidecarconformance.cpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CgroupCpuTest {

    @TempDir
    Path dir;

    private String mount(String type, String options, Path at) {
        return "33 31 0:30 / " + at + " rw,relatime shared:9 - " + type + " cgroup rw," + options + "\n";
    }

    @Test
    void cgroupV1sCpuacctCounterWhereMountedEvenBesideAV2One() {
        String mountinfo = mount("cgroup", "cpu", dir.resolve("cpu")) + mount("cgroup", "cpuacct", dir.resolve("cpuacct"))
                + mount("cgroup2", "nsdelegate", dir.resolve("unified"));
        FakeHost.write(dir.resolve("cpuacct/sc-local-3/cpuacct.usage"), "2500000000\n");

        CgroupCpu c = CgroupCpu.of(mountinfo, "sc-local-3").orElseThrow();

        assertThat(c.file()).isEqualTo(dir.resolve("cpuacct/sc-local-3/cpuacct.usage"));
        assertThat(c.nanos()).hasValue(2_500_000_000L);
    }

    @Test
    void cgroupV2sUsageInMicroseconds() {
        FakeHost.write(dir.resolve("sys/sc-local-3/cpu.stat"), "usage_usec 1234567\nuser_usec 1000000\nsystem_usec 234567\n");

        CgroupCpu c = CgroupCpu.of(mount("cgroup2", "nsdelegate", dir.resolve("sys")), "sc-local-3").orElseThrow();

        assertThat(c.nanos()).hasValue(1_234_567_000L);
    }

    @Test
    void noHierarchyOrNoCounterIsNothing() {
        assertThat(CgroupCpu.of("25 1 0:23 / /proc rw - proc proc rw\n", "sc-local-3")).isEmpty();
        assertThat(CgroupCpu.of(mount("cgroup", "cpuacct", dir.resolve("gone")), "sc-local-3").orElseThrow().nanos()).isEmpty();
    }
}
