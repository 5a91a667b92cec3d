package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import io.sidecarconformance.settings.PropertyReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StalenessTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final Staleness staleness = new Staleness(Duration.ofSeconds(120), Clock.fixed(NOW, ZoneOffset.UTC));

    static Namespace ns(String name, String run, Instant created, Instant heartbeat) {
        NamespaceBuilder b = new NamespaceBuilder().withNewMetadata().withName(name)
                .addToLabels(SuiteMarks.RUN_LABEL, run)
                .withCreationTimestamp(created == null ? null : created.toString()).endMetadata();
        if (heartbeat != null) {
            b.editMetadata().addToAnnotations(SuiteMarks.HEARTBEAT_ANNOTATION, heartbeat.toString()).endMetadata();
        }
        return b.build();
    }

    @Test
    void aHeartbeatWithinTheBoundIsAliveOlderIsAbandoned() {
        Instant longAgo = NOW.minusSeconds(3600);

        assertThat(staleness.abandoned(List.of(ns("a", "r", longAgo, NOW.minusSeconds(119)))))
                .as("heartbeat 119 s ago, bound 120 s").isFalse();
        assertThat(staleness.abandoned(List.of(ns("a", "r", longAgo, NOW.minusSeconds(120)))))
                .as("exactly at the bound").isFalse();
        assertThat(staleness.abandoned(List.of(ns("a", "r", longAgo, NOW.minusSeconds(121)))))
                .as("heartbeat 121 s ago").isTrue();
        assertThat(staleness.abandoned(List.of(ns("a", "r", longAgo, NOW.plusSeconds(30)))))
                .as("a heartbeat ahead of our clock").isFalse();
    }

    @Test
    void aRunIsAliveWhileAnyOfItsNamespacesBeats() {
        Instant longAgo = NOW.minusSeconds(3600);

        assertThat(staleness.abandoned(List.of(
                ns("a", "r", longAgo, NOW.minusSeconds(600)),
                ns("b", "r", longAgo, NOW.minusSeconds(5))))).isFalse();
        assertThat(staleness.abandoned(List.of(
                ns("a", "r", longAgo, NOW.minusSeconds(600)),
                ns("b", "r", longAgo, NOW.minusSeconds(300))))).isTrue();
        assertThat(staleness.abandoned(List.of())).as("no namespaces: nothing to call abandoned").isFalse();
    }

    @Test
    void withoutAHeartbeatTheCreationTimestampDecides() {
        assertThat(staleness.abandoned(List.of(ns("old", "r", NOW.minusSeconds(121), null))))
                .as("an older suite's namespace, created 121 s ago").isTrue();
        assertThat(staleness.abandoned(List.of(ns("young", "r", NOW.minusSeconds(60), null))))
                .as("an older suite's namespace, created 60 s ago: maybe a live run").isFalse();
        Namespace unreadable = ns("odd", "r", NOW.minusSeconds(3600), null);
        unreadable.getMetadata().setAnnotations(java.util.Map.of(SuiteMarks.HEARTBEAT_ANNOTATION, "yesterday"));
        assertThat(staleness.abandoned(List.of(unreadable))).as("unreadable heartbeat: creationTimestamp").isTrue();
        assertThat(staleness.abandoned(List.of(ns("nothing", "r", null, null))))
                .as("no sign at all: never deleted on a guess").isFalse();
    }

    @Test
    void theBoundIsAPropertyValidatedInOneLine() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(Staleness.from(new PropertyReader(new Properties()), clock).bound()).isEqualTo(Duration.ofSeconds(120));
        Properties p = new Properties();
        p.setProperty("sweep.staleSeconds", "600");
        assertThat(Staleness.from(new PropertyReader(p), clock).bound()).isEqualTo(Duration.ofSeconds(600));
        assertThat(Staleness.from(new PropertyReader(p), clock).renewEvery()).as("at most every 30 s").isEqualTo(Duration.ofSeconds(30));
        assertThat(new Staleness(Duration.ofSeconds(60), clock).renewEvery()).isEqualTo(Duration.ofSeconds(15));

        p.setProperty("sweep.staleSeconds", "5");
        assertThatThrownBy(() -> Staleness.from(new PropertyReader(p), clock)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dsweep.staleSeconds=5 is not a whole number from 30 to 604800;"
                        + " leave it out for the default 120");
        p.setProperty("sweep.staleSeconds", "2m");
        assertThatThrownBy(() -> Staleness.from(new PropertyReader(p), clock)).hasMessageStartingWith("-Dsweep.staleSeconds=2m is not");
    }
}
