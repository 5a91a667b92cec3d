package io.sidecarconformance.suite;

import io.sidecarconformance.cluster.ClusterSettings;
import io.sidecarconformance.hygiene.Staleness;
import io.sidecarconformance.settings.Property;
import io.sidecarconformance.settings.SettingsTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Each property declared once, all of them in the table, the table in docs/settings.md current, all in results.json. */
class SettingsDocTest {

    private static List<String> tableNames() {
        return SuiteProperties.GROUPS.values().stream().flatMap(List::stream).map(Property::name).toList();
    }

    @Test
    void docsSettingsMdHasTheTableOfTheDeclarations() throws IOException {
        String doc = Files.readString(SettingsDoc.FILE);
        assertThat(doc).as("docs/settings.md is stale; regenerate it: mvn -q compile exec:java"
                        + " -Dexec.mainClass=io.sidecarconformance.suite.SettingsDoc")
                .contains(SettingsTable.render(SuiteProperties.GROUPS));
    }

    @Test
    void everyDeclaredPropertyIsInTheTableOnce() throws IllegalAccessException {
        List<String> declared = new ArrayList<>();
        for (Class<?> holder : List.of(SuiteProperties.class, ClusterSettings.class, Staleness.class)) {
            for (Field f : holder.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == Property.class) {
                    f.setAccessible(true);
                    declared.add(((Property) f.get(null)).name());
                }
            }
        }
        assertThat(tableNames()).as("the table's properties").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(declared);
        assertThat(declared).as("the 42 properties of the suite").hasSize(42);
    }

    @Test
    void aRunRecordsEveryPropertyWithTheValueItUsed() {
        Properties p = new Properties();
        p.setProperty("parallel", "3");
        p.setProperty("faults", "none");
        SuiteConfig config = SuiteConfig.from(p, Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(config.values().keySet()).as("every property, read once").containsExactlyInAnyOrderElementsOf(tableNames());
        assertThat(config.values())
                .containsEntry("parallel", "3").containsEntry("faults", "none")
                .containsEntry("repeat", "1").containsEntry("sweep.staleSeconds", "120")
                .containsEntry("report.dir", config.reportDir().toString())
                .containsEntry("clusters.dir", "clusters").containsEntry("kind.nodeImage", "auto");
        assertThat(SuiteConfig.from(new Properties(), Instant.now()).values())
                .as("without -Dparallel: the machine's, as used").containsEntry("parallel",
                        Integer.toString(DefaultParallelism.ofThisMachine()));
    }
}
