package io.sidecarconformance.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

/**
 * Text as gzip in base64, for the page's drill-down data: a page merged from 13 versions of ~125 cells run 3 times
 * would carry some 25 MB of it as JSON, a sixth to a tenth of that packed. The page's script unpacks it with the
 * browser's DecompressionStream('gzip'). The same text always packs to the same characters (Java writes no time into
 * the gzip header), so pages of the same results are equal.
 */
final class PackedText {

    private PackedText() {
    }

    static String gzipBase64(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot gzip in memory", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
