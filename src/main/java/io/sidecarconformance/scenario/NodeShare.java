package io.sidecarconformance.scenario;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The node, shared by the scenarios running in parallel, except by one whose fault acts on the node itself (every pod
 * there feels it): that one waits until the running ones finish, runs alone, and scenarios that want to start meanwhile
 * wait for it. Fair: a waiting exclusive scenario is not starved by new shared ones. Reentrant: a cell whose runs all
 * act on the node holds it across them ({@code ScenarioRunner#forCell}), each run taking it again inside; taking it
 * once per run instead made the node drain before every run (a drain waits for the longest running scenario, up to
 * two minutes): with -Drepeat=3, 9 drains for the 3 kubelet-restart cells.
 */
final class NodeShare {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    <T> T run(boolean exclusive, Supplier<T> scenario) {
        Lock l = exclusive ? lock.writeLock() : lock.readLock();
        l.lock();
        try {
            return scenario.get();
        } finally {
            l.unlock();
        }
    }

    /** How many scenarios share the node now (for tests and diagnostics). */
    int sharing() {
        return lock.getReadLockCount();
    }

    /** How many scenarios wait for their turn now. */
    int waiting() {
        return lock.getQueueLength();
    }

    /** Whether a scenario holds the node alone now. */
    boolean heldExclusively() {
        return lock.isWriteLocked();
    }
}
