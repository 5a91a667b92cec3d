package io.sidecarconformance;

import io.cucumber.core.plugin.JUnitFormatter;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.sidecarconformance.hooks.SuiteHandOff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cucumber's JUnit XML, written to -Dreport.dir only once the run has started. Cucumber's own {@code junit:<file>}
 * plugin opens its file before any hook runs, so an unwritable folder failed with Cucumber's message about
 * colliding paths, and bad input left an empty junit.xml behind. Given the path as a string, this plugin opens the
 * file when the XML is written at the end of the run, and writes nothing when the run never started (bad input:
 * the run's one line has said why). Set in pom.xml as {@code io.sidecarconformance.JunitXmlReport:<file>}.
 */
public final class JunitXmlReport implements ConcurrentEventListener {

    private final JUnitFormatter formatter;

    public JunitXmlReport(String file) {
        this.formatter = new JUnitFormatter(new OpenedOnFirstWrite(Path.of(file)));
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        formatter.setEventPublisher(publisher);
    }

    /** A file stream opened on the first write, or a sink when no run started. */
    static final class OpenedOnFirstWrite extends OutputStream {

        private final Path file;
        private OutputStream target;

        OpenedOnFirstWrite(Path file) {
            this.file = file;
        }

        private OutputStream target() throws IOException {
            if (target == null) {
                if (SuiteHandOff.suite().isEmpty()) {
                    target = OutputStream.nullOutputStream();
                } else {
                    Path parent = file.toAbsolutePath().getParent();
                    Files.createDirectories(parent);
                    target = Files.newOutputStream(file);
                }
            }
            return target;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (target != null) {
                target.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (target != null) {
                target.close();
            }
        }
    }
}
