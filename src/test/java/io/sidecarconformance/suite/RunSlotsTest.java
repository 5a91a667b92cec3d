package io.sidecarconformance.suite;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSlotsTest {

    /** Waits until {@code parties} runs are in it at the same time: a run that comes alone fails after the bound. */
    private static void meet(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the runs did not meet: " + e);
        }
    }

    @Test
    void aCellsRunsRunAtOnceAndComeBackInRunOrder() {
        try (RunSlots slots = new RunSlots(3)) {
            CyclicBarrier all = new CyclicBarrier(3);
            List<String> results = slots.together(3, n -> {
                meet(all);
                return "run " + n;
            });

            assertThat(results).containsExactly("run 1", "run 2", "run 3");
            assertThat(slots.free()).isEqualTo(3);
        }
    }

    @Test
    void neverMoreRunsAtOnceThanSlots() {
        try (RunSlots slots = new RunSlots(2)) {
            AtomicInteger now = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            CyclicBarrier pairs = new CyclicBarrier(2);
            List<Integer> results = slots.together(6, n -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                meet(pairs);  // two at once, then the next two: a third at once would wait here for ever
                now.decrementAndGet();
                return n;
            });

            assertThat(results).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(most.get()).as("runs at once").isEqualTo(2);
        }
    }

    @Test
    void aRunOnACellsOwnThreadTakesASlotToo() throws Exception {
        try (RunSlots slots = new RunSlots(1)) {
            CyclicBarrier inside = new CyclicBarrier(2);
            Thread cell = new Thread(() -> slots.inSlot(() -> {
                meet(inside);
                meet(inside);
                return 0;
            }));
            cell.start();
            meet(inside);
            assertThat(slots.free()).as("while the run is in its slot").isZero();
            meet(inside);
            cell.join(20_000);
            assertThat(slots.free()).isEqualTo(1);
        }
    }

    @Test
    void aFailedRunIsRethrownAfterTheOthersEndAndGivesItsSlotBack() {
        try (RunSlots slots = new RunSlots(3)) {
            AtomicInteger ended = new AtomicInteger();
            CyclicBarrier all = new CyclicBarrier(3);

            assertThatThrownBy(() -> slots.together(3, n -> {
                meet(all);
                if (n == 2) {
                    throw new IllegalStateException("run 2 could not create its Job");
                }
                ended.incrementAndGet();
                return n;
            })).isInstanceOf(IllegalStateException.class).hasMessage("run 2 could not create its Job");

            assertThat(ended.get()).as("the other runs ended").isEqualTo(2);
            assertThat(slots.free()).isEqualTo(3);
        }
    }

    @Test
    void noSlotsIsRefused() {
        assertThatThrownBy(() -> new RunSlots(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parallel 0 is below 1");
    }
}
