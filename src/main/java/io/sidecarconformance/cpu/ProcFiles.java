package io.sidecarconformance.cpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proc file system under a root ({@code /proc}; a folder of fixture files in tests). Whatever cannot be read (a
 * process that ended, a file this kernel lacks) is empty, never an exception.
 */
final class ProcFiles {

    static final Path PROC = Path.of("/proc");

    private final Path root;

    ProcFiles(Path root) {
        this.root = root;
    }

    /** A process's times; {@code "self"} for this one. */
    Optional<ProcessTimes> times(String pid) {
        return read(root.resolve(pid).resolve("stat")).flatMap(ProcessTimes::parse);
    }

    /** Its command line's arguments; none when it is gone (a zombie has none either). */
    List<String> arguments(String pid) {
        try {
            String line = new String(Files.readAllBytes(root.resolve(pid).resolve("cmdline")), StandardCharsets.UTF_8);
            return line.isEmpty() ? List.of() : List.of(line.split("\0"));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** The pids of every process now. */
    List<String> pids() {
        List<String> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, p -> p.getFileName().toString().matches("\\d+"))) {
            entries.forEach(p -> pids.add(p.getFileName().toString()));
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        return pids;
    }

    /** This process's view of the mounts ({@code self/mountinfo}), or "". */
    String mountinfo() {
        return read(root.resolve("self").resolve("mountinfo")).orElse("");
    }

    static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
