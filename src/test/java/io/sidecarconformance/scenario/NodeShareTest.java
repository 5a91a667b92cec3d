package io.sidecarconformance.scenario;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A scenario that acts on the node runs alone: after the running ones, before the ones that come later. */
class NodeShareTest {

    private final NodeShare share = new NodeShare();
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    private CompletableFuture<String> start(boolean exclusive, CountDownLatch release, String name) {
        return CompletableFuture.supplyAsync(() -> share.run(exclusive, () -> {
            released(release);
            return name;
        }), threads);
    }

    private static void released(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).as("released").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void theNodeScenarioWaitsForTheRunningOnesAndThoseAfterItWaitForIt() {
        CountDownLatch shared = new CountDownLatch(1);
        CountDownLatch alone = new CountDownLatch(1);
        CountDownLatch later = new CountDownLatch(1);
        CompletableFuture<String> a = start(false, shared, "a");
        CompletableFuture<String> b = start(false, shared, "b");
        await().atMost(Duration.ofSeconds(10)).until(() -> share.sharing() == 2);

        CompletableFuture<String> node = start(true, alone, "node");
        await().atMost(Duration.ofSeconds(10)).until(() -> share.waiting() == 1);
        AtomicBoolean laterRan = new AtomicBoolean();
        // Queued behind the waiting node scenario (fair): it must not slip in before it.
        CompletableFuture<String> c = CompletableFuture.supplyAsync(() -> share.run(false, () -> {
            laterRan.set(true);
            released(later);
            return "c";
        }), threads);

        await().atMost(Duration.ofSeconds(10)).until(() -> share.waiting() == 2);
        assertThat(laterRan).as("a later shared scenario does not slip in before the waiting node scenario").isFalse();
        assertThat(node).as("the node scenario waits while two share the node").isNotDone();

        shared.countDown();
        await().atMost(Duration.ofSeconds(10)).until(share::heldExclusively);
        assertThat(share.sharing()).as("no scenario shares the node while the node scenario runs").isZero();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !laterRan.get());

        alone.countDown();
        await().atMost(Duration.ofSeconds(10)).until(laterRan::get);
        later.countDown();
        assertThat(a.join() + b.join() + node.join() + c.join()).as("every scenario ran").isEqualTo("abnodec");
        threads.shutdownNow();
    }

    @Test
    void aCellThatHoldsTheNodeRunsItsRunsInsideWithoutLettingAnotherScenarioIn() {
        CountDownLatch between = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean otherRan = new AtomicBoolean();
        CompletableFuture<String> cell = CompletableFuture.supplyAsync(() -> share.run(true, () -> {
            String first = share.run(true, () -> "run1");
            released(between);
            return first + share.run(true, () -> "run2");
        }), threads);
        await().atMost(Duration.ofSeconds(10)).until(share::heldExclusively);
        CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> share.run(false, () -> {
            otherRan.set(true);
            released(release);
            return "other";
        }), threads);
        await().atMost(Duration.ofSeconds(10)).until(() -> share.waiting() == 1);
        assertThat(otherRan).as("no shared scenario between the cell's runs").isFalse();

        between.countDown();
        assertThat(cell.join()).as("each run took the node again inside the cell's hold").isEqualTo("run1run2");
        await().atMost(Duration.ofSeconds(10)).until(otherRan::get);
        assertThat(otherRan).as("a shared scenario runs only after the whole cell").isTrue();
        release.countDown();
        assertThat(other.join()).isEqualTo("other");
        threads.shutdownNow();
    }

    @Test
    void sharedScenariosRunTogether() {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> a = start(false, release, "a");
        CompletableFuture<String> b = start(false, release, "b");
        CompletableFuture<String> c = start(false, release, "c");
        await().atMost(Duration.ofSeconds(10)).until(() -> share.sharing() == 3);
        release.countDown();
        assertThat(a.join() + b.join() + c.join()).as("all three").isEqualTo("abc");
        threads.shutdownNow();
    }
}
