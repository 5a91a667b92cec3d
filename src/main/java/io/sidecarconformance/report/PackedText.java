package io.sidecarconformance.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Text as gzip in base64, for the page's drill-down data: a page merged from 13 versions of ~125 cells run 3 times
 * carries some 23 MB of it as JSON, 1.2 MB packed in the layout of {@link DrillDownData.Packed} (2.6 MB in results
 * order with each event's time beside its text). The page's script unpacks it with the
 * browser's DecompressionStream('gzip'). The same text always packs to the same characters (Java writes no time into
 * the gzip header), so pages of the same results are equal.
 */
final class PackedText {

    private PackedText() {
    }

    static String gzipBase64(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 8 + 64);
        try (GZIPOutputStream gzip = new Smallest(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gzip in memory", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** gzip at its best compression: the page is written once and read many times. */
    private static final class Smallest extends GZIPOutputStream {
        Smallest(ByteArrayOutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_COMPRESSION);
        }
    }
}
