package io.sidecarconformance.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Runs a cluster CLI (cluster.sh, kind): stderr streamed through with a prefix, stdout kept, time bounded. */
final class Command {

    /**
     * @param exitCode  the exit code; -1 when timed out
     * @param stdout    stdout lines
     * @param lastError the last non-blank stderr line (the contract puts the failure reason there), or ""
     */
    record Result(int exitCode, boolean timedOut, List<String> stdout, String lastError) {

        boolean ok() {
            return !timedOut && exitCode == 0;
        }

        /** The last non-blank stdout line, or "". */
        String lastLine() {
            for (int i = stdout.size() - 1; i >= 0; i--) {
                if (!stdout.get(i).isBlank()) {
                    return stdout.get(i).strip();
                }
            }
            return "";
        }
    }

    private Command() {
    }

    static Result run(List<String> command, String prefix, PrintStream progress, Duration timeout) {
        return run(command, Map.of(), prefix, progress, timeout);
    }

    /** @param env variables added to this process's environment for the command */
    static Result run(List<String> command, Map<String, String> env, String prefix, PrintStream progress,
                      Duration timeout) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(env);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new ClusterUnavailableException("cannot run " + Path.of(command.get(0)).getFileName() + ": "
                    + OneLine.of(e), e);
        }
        AtomicReference<String> lastError = new AtomicReference<>("");
        List<String> stdout = Collections.synchronizedList(new ArrayList<>());
        Thread errReader = reader(process.getErrorStream(), line -> {
            progress.println(prefix + line);
            if (!line.isBlank()) {
                lastError.set(line.strip());
            }
        });
        Thread outReader = reader(process.getInputStream(), stdout::add);
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
            // Daemons the script leaves running may hold the pipes open: don't wait for EOF forever.
            errReader.join(2000);
            outReader.join(2000);
            return new Result(finished ? process.exitValue() : -1, !finished, List.copyOf(stdout), lastError.get());
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** "90 min" or "5 s": how bounds read in messages. */
    static String text(Duration duration) {
        return duration.toSeconds() % 60 == 0 && duration.toMinutes() > 0
                ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }

    private static Thread reader(InputStream stream, Consumer<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines);
            } catch (IOException | UncheckedIOException e) {
                // the process went away; what was read is kept
            }
        }, "cluster-command-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
