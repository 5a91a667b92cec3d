package io.sidecarconformance.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The runs at once: at most -Dparallel scenario runs hold a slot, whichever thread runs them (Cucumber's, one per cell,
 * or this class's, for a cell's repeats run together). A run that must have the node alone takes no slot: it holds the
 * node's exclusive share instead, and runs waiting for a slot could otherwise keep it from starting.
 */
final class RunSlots implements AutoCloseable {

    private final Semaphore slots;
    private final ExecutorService together = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sc-repeat");
        t.setDaemon(true);
        return t;
    });

    RunSlots(int parallel) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel " + parallel + " is below 1");
        }
        this.slots = new Semaphore(parallel, true);
    }

    /** One run in a slot, on this thread. */
    <T> T inSlot(Supplier<T> run) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a run slot", e);
        }
        try {
            return run.get();
        } finally {
            slots.release();
        }
    }

    /**
     * Runs 1 to {@code n} at once, each in a slot of its own (so fewer at once when the slots are taken); returns their
     * results in run order once all have ended. A run's exception is rethrown after all have ended.
     */
    <T> List<T> together(int n, IntFunction<T> run) {
        List<CompletableFuture<T>> runs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            int number = i;
            runs.add(CompletableFuture.supplyAsync(() -> inSlot(() -> run.apply(number)), together));
        }
        try {
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            // every run has ended (allOf completes when all do); the first failure is rethrown below
        }
        List<T> results = new ArrayList<>();
        for (CompletableFuture<T> f : runs) {
            try {
                results.add(f.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            }
        }
        return results;
    }

    /** Slots free now (for tests). */
    int free() {
        return slots.availablePermits();
    }

    @Override
    public void close() {
        together.shutdownNow();
    }
}
