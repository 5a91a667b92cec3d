package io.sidecarconformance.scenario;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.sidecarconformance.pattern.JobFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The test containers' scripts (src/main/resources/scripts), shipped to each scenario as a ConfigMap. */
public final class ScenarioScripts {

    static final List<String> FILES = List.of("lib.sh", "main.sh", "sidecar.sh", "proxy.sh", "agent.sh");

    private ScenarioScripts() {
    }

    public static ConfigMap configMap() {
        Map<String, String> data = new LinkedHashMap<>();
        for (String f : FILES) {
            data.put(f, read(f));
        }
        return new ConfigMapBuilder().withNewMetadata().withName(JobFactory.SCRIPTS_CONFIG_MAP).endMetadata()
                .withData(data).build();
    }

    static String read(String file) {
        try (InputStream in = ScenarioScripts.class.getResourceAsStream("/scripts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("script " + file + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
