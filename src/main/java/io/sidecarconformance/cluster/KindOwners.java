package io.sidecarconformance.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * Which process created each kind cluster the suite started: one small file per cluster under {@code dir}, written
 * when the cluster is created and removed when it is deleted. A cluster whose creator is gone (kill -9, a crash)
 * and that was not kept on purpose ({@code -DkeepCluster}) is abandoned; one without a file (made by hand, or by an
 * older version of the suite) is never called abandoned.
 */
final class KindOwners {

    /** The creating process: its pid and start instant (a pid alone may be reused). */
    record Owner(long pid, String startedAt, boolean kept) {
    }

    private final Path dir;
    private final Predicate<Owner> alive;

    /** @param alive whether the owner process still runs; {@link #processAlive} on a real machine */
    KindOwners(Path dir, Predicate<Owner> alive) {
        this.dir = dir;
        this.alive = alive;
    }

    static boolean processAlive(Owner owner) {
        return ProcessHandle.of(owner.pid())
                .map(p -> p.info().startInstant().map(Object::toString).orElse("").equals(owner.startedAt()))
                .orElse(false);
    }

    static Owner thisProcess(boolean kept) {
        ProcessHandle self = ProcessHandle.current();
        return new Owner(self.pid(), self.info().startInstant().map(Object::toString).orElse(""), kept);
    }

    void record(String cluster, Owner owner) {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(owner.pid()));
        p.setProperty("startedAt", owner.startedAt());
        p.setProperty("kept", Boolean.toString(owner.kept()));
        try {
            Files.createDirectories(dir);
            try (Writer w = Files.newBufferedWriter(file(cluster))) {
                p.store(w, "kind cluster " + cluster + " created by sidecar-conformance");
            }
        } catch (IOException e) {
            throw new ClusterUnavailableException("cannot record the owner of kind cluster " + cluster + " in " + dir
                    + ": " + OneLine.of(e), e);
        }
    }

    void forget(String cluster) {
        try {
            Files.deleteIfExists(file(cluster));
        } catch (IOException e) {
            // A stale file only makes a later run look at a cluster that is no longer there.
        }
    }

    Optional<Owner> owner(String cluster) {
        Path file = file(cluster);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
            return Optional.of(new Owner(Long.parseLong(p.getProperty("pid", "").strip()),
                    p.getProperty("startedAt", ""), Boolean.parseBoolean(p.getProperty("kept", "false"))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Of the running kind clusters, those named {@code prefix}* that the suite created for a run now dead. */
    List<String> abandoned(List<String> running, String prefix) {
        return running.stream()
                .filter(name -> name.startsWith(prefix))
                .filter(name -> owner(name).map(o -> !o.kept() && !alive.test(o)).orElse(false))
                .toList();
    }

    private Path file(String cluster) {
        return dir.resolve(cluster + ".owner");
    }
}
