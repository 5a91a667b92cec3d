package io.sidecarconformance.suite;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A run's id: its start second (UTC), a random part, and the cluster asked for. It labels the run's namespaces. */
public final class SuiteId {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SuiteId() {
    }

    /**
     * A random part before the cluster's: two runs started in the same second on one cluster must not share a run
     * label (each deletes its own namespaces), and the label's 63-character cut falls on the cluster part.
     *
     * @param cluster -Dcluster as given ("" for the default choice)
     */
    public static String next(String cluster, Instant now) {
        return DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC).format(now)
                + "-" + Integer.toString(RANDOM.nextInt(36 * 36 * 36 * 36), 36)
                + "-" + (cluster.isBlank() ? "default" : cluster).replaceAll("[^A-Za-z0-9.]+", "-");
    }
}
