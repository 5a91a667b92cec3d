package io.sidecarconformance.suite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The default parallelism is a pure function of cores and memory: 4 per core, 1 GiB each beyond 4 GiB, 1 to 64. */
class DefaultParallelismTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void coresDecideWhereMemoryIsAmple() {
        assertThat(DefaultParallelism.of(1, 64 * GIB)).as("1 core").isEqualTo(4);
        assertThat(DefaultParallelism.of(2, 23 * GIB)).as("2 cores, 23 GiB (this project's build machine)").isEqualTo(8);
        assertThat(DefaultParallelism.of(8, 32 * GIB)).as("8 cores, 32 GiB: 28 GiB left").isEqualTo(28);
    }

    @Test
    void memoryLimitsASmallMachine() {
        assertThat(DefaultParallelism.of(4, 7 * GIB)).as("4 cores, 7 GiB: 3 GiB left for scenarios").isEqualTo(3);
        assertThat(DefaultParallelism.of(2, 6 * GIB + GIB / 2)).as("a part GiB does not count").isEqualTo(2);
    }

    @Test
    void neverBelowOneNorAboveTheMaximum() {
        assertThat(DefaultParallelism.of(8, 2 * GIB)).as("less memory than the reserve").isEqualTo(1);
        assertThat(DefaultParallelism.of(0, 0)).as("nothing known").isEqualTo(1);
        assertThat(DefaultParallelism.of(64, 1024 * GIB)).as("a large machine").isEqualTo(SuiteProperties.MAX_PARALLEL);
        assertThat(DefaultParallelism.of(0, 64 * GIB)).as("no core reported counts as one").isEqualTo(4);
    }

    @Test
    void thisMachinesDefaultFollowsTheRule() {
        assertThat(DefaultParallelism.ofThisMachine()).as("this machine")
                .isEqualTo(DefaultParallelism.of(Runtime.getRuntime().availableProcessors(), DefaultParallelism.totalMemory()))
                .isBetween(1, SuiteProperties.MAX_PARALLEL);
    }

    @Test
    void oneAtATimeOnTheOneCpuGuestOfLocalV2() {
        assertThat(DefaultParallelism.forCluster("local-v2:1.35")).as("local-v2").isEqualTo(1);
        assertThat(DefaultParallelism.forCluster("local:1.35")).as("local: the machine's rule")
                .isEqualTo(DefaultParallelism.ofThisMachine());
        assertThat(DefaultParallelism.forCluster("")).as("no -Dcluster").isEqualTo(DefaultParallelism.ofThisMachine());
    }
}
