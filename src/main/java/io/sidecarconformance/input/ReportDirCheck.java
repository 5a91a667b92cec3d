package io.sidecarconformance.input;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** -Dreport.dir can be written: checked before any cluster work by writing a file there, and leaving nothing behind. */
public final class ReportDirCheck {

    private ReportDirCheck() {
    }

    /** @throws IllegalArgumentException one line: the folder, why it cannot be written, what to do */
    public static void check(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        List<Path> created = new ArrayList<>();
        Path existing = absolute;
        for (; existing != null && !Files.exists(existing); existing = existing.getParent()) {
            created.add(0, existing);
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw unwritable(dir, existing + " is a file, not a folder");
        }
        try {
            for (Path p : created) {
                Files.createDirectory(p);
            }
            Files.delete(Files.createTempFile(absolute, ".write-check", ""));
        } catch (FileSystemException e) {
            throw unwritable(dir, "cannot create " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason()));
        } catch (IOException | SecurityException e) {
            throw unwritable(dir, String.valueOf(e.getMessage()));
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException e) {
                    // Left as it was found as far as we could; the next check reports it.
                }
            }
        }
    }

    private static IllegalArgumentException unwritable(Path dir, String why) {
        return new IllegalArgumentException("-Dreport.dir=" + dir + " cannot be written (" + why.strip()
                + "); choose a folder you can write to, e.g. -Dreport.dir=reports/mine");
    }
}
