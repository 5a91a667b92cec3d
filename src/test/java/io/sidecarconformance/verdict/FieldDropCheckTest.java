package io.sidecarconformance.verdict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.sidecarconformance.cluster.ImageSet;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.JobFactory;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldDropCheckTest {

    static JsonNode json(String text) {
        try {
            return Serialization.jsonMapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static JsonNode podSpecOf(String pattern, String variant) {
        PodSpec spec = JobFactory.job("sc-job",
                Patterns.byId(pattern).workload(new ContainerFactory(
                        new ImageSet("busybox:test", "dind:test", "proxy:test", "IfNotPresent"), SidecarKind.LIGHT, Variant.parse(variant))),
                Map.of()).getSpec().getTemplate().getSpec();
        return Serialization.jsonMapper().valueToTree(spec);
    }

    /**
     * What an API server does to a stored pod spec: adds defaults to every container and the pod, and (Go's
     * omitempty) leaves zero-valued scalars such as {@code initialDelaySeconds: 0} out of what it returns.
     */
    static ObjectNode withServerDefaults(JsonNode sent) {
        ObjectNode stored = sent.deepCopy();
        omitZeroValues(stored);
        stored.put("dnsPolicy", "ClusterFirst").put("schedulerName", "default-scheduler");
        for (String list : new String[] {"containers", "initContainers"}) {
            if (stored.has(list)) {
                for (JsonNode c : stored.get(list)) {
                    ((ObjectNode) c).put("terminationMessagePath", "/dev/termination-log")
                            .put("terminationMessagePolicy", "File");
                    ((ObjectNode) c).putObject("resources");
                }
            }
        }
        return stored;
    }

    private static void omitZeroValues(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            java.util.List<String> zero = new java.util.ArrayList<>();
            o.fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                if ((v.isNumber() && v.asLong() == 0) || (v.isBoolean() && !v.asBoolean()) || (v.isTextual() && v.asText().isEmpty())) {
                    zero.add(f.getKey());
                } else {
                    omitZeroValues(v);
                }
            });
            o.remove(zero);
        } else if (node.isArray()) {
            node.forEach(FieldDropCheckTest::omitZeroValues);
        }
    }

    @Test
    void droppedRestartPolicyOfTheNativeSidecarIsFound() {
        JsonNode sent = podSpecOf("native", "exec");
        ObjectNode stored = withServerDefaults(sent);
        // An API server without the SidecarContainers gate forgets the field.
        ((ObjectNode) stored.get("initContainers").get(0)).remove("restartPolicy");

        assertThat(FieldDropCheck.dropped(sent, stored)).as("dropped paths")
                .containsExactly("initContainers[sidecar].restartPolicy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"exec", "shell+probe"})
    void serverDefaultsAreNotDrops(String variant) {
        JsonNode sent = podSpecOf("native", variant);
        assertThat(FieldDropCheck.dropped(sent, withServerDefaults(sent))).as("nothing dropped").isEmpty();
    }

    @Test
    void zeroValuesTheServerOmitsAreNotDrops() {
        // Go's omitempty: an API server never returns initialDelaySeconds: 0 or readOnly: false, even though it keeps them.
        JsonNode sent = json("{'initContainers':[{'name':'sidecar','restartPolicy':'Always',"
                + "'startupProbe':{'initialDelaySeconds':0,'periodSeconds':1},"
                + "'volumeMounts':[{'name':'v','mountPath':'/v','readOnly':false,'subPath':''}]}]}");
        JsonNode stored = json("{'initContainers':[{'name':'sidecar','restartPolicy':'Always',"
                + "'startupProbe':{'periodSeconds':1,'timeoutSeconds':1},"
                + "'volumeMounts':[{'name':'v','mountPath':'/v'}]}]}");
        assertThat(FieldDropCheck.dropped(sent, stored)).as("omitted zero values").isEmpty();

        JsonNode storedWithoutPeriod = json("{'initContainers':[{'name':'sidecar','restartPolicy':'Always',"
                + "'startupProbe':{},'volumeMounts':[{'name':'v','mountPath':'/v'}]}]}");
        assertThat(FieldDropCheck.dropped(sent, storedWithoutPeriod)).as("a non-zero value still counts")
                .containsExactly("initContainers[sidecar].startupProbe.periodSeconds");
    }

    @Test
    void namedElementsAreMatchedByNameNotPosition() {
        JsonNode sent = json("{'containers':[{'name':'main','image':'a'},{'name':'sidecar','image':'b','restartPolicy':'Always'}]}");
        JsonNode reordered = json("{'containers':[{'name':'sidecar','image':'b','restartPolicy':'Always'},{'name':'main','image':'a'}]}");
        JsonNode reorderedAndDropped = json("{'containers':[{'name':'sidecar','image':'b'},{'name':'main','image':'a','restartPolicy':'Always'}]}");
        JsonNode missingSidecar = json("{'containers':[{'name':'main','image':'a'}]}");

        assertThat(FieldDropCheck.dropped(sent, reordered)).as("same elements, other order").isEmpty();
        assertThat(FieldDropCheck.dropped(sent, reorderedAndDropped)).as("the field of the named element")
                .containsExactly("containers[sidecar].restartPolicy");
        assertThat(FieldDropCheck.dropped(sent, missingSidecar)).as("whole element gone").containsExactly("containers[sidecar]");
    }

    @Test
    void unnamedElementsAreMatchedByIndex() {
        JsonNode sent = json("{'containers':[{'name':'main','command':['/bin/sh','/sc/main.sh']}]}");
        JsonNode shorter = json("{'containers':[{'name':'main','command':['/bin/sh']}]}");
        assertThat(FieldDropCheck.dropped(sent, shorter)).as("missing list item").containsExactly("containers[main].command[1]");
    }

    @Test
    void nullsSentAreIgnoredAndMissingObjectsReported() {
        JsonNode sent = json("{'shareProcessNamespace':true,'hostname':null,'securityContext':{'runAsUser':1000}}");
        JsonNode stored = json("{}");
        assertThat(FieldDropCheck.dropped(sent, stored)).as("top-level drops")
                .containsExactlyInAnyOrder("shareProcessNamespace", "securityContext");
        assertThat(FieldDropCheck.dropped(sent, null)).as("nothing stored").containsExactly("(root)");
    }

    @Test
    void ephemeralContainerFieldsTheServerIgnoresAreFound() {
        ObjectNode sent = (ObjectNode) json("{'name':'sidecar','image':'b','resources':{'limits':{'memory':'48Mi'}},"
                + "'startupProbe':{'exec':{'command':['true']}}}");
        ArrayNode unused = sent.putArray("ports");
        unused.addObject().put("name", "http").put("containerPort", 8080);
        JsonNode stored = json("{'name':'sidecar','image':'b','terminationMessagePolicy':'File'}");
        assertThat(FieldDropCheck.dropped(sent, stored)).as("dropped")
                .containsExactlyInAnyOrder("resources", "startupProbe", "ports");
    }
}
