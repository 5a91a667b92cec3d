package io.sidecarconformance.report;

import io.sidecarconformance.result.Catalog;
import io.sidecarconformance.result.CatalogEntry;
import io.sidecarconformance.result.CatalogWorkload;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OwnPodsSectionTest {

    @Test
    void aRunWithoutOwnPodsShowsNothing() {
        assertThat(OwnPodsSection.render(Catalog.EMPTY)).isEmpty();
    }

    @Test
    void eachOwnPodShowsItsFileHashRolesAndHowEachFaultActed() {
        Map<String, String> faults = new LinkedHashMap<>();
        faults.put("sidecar-oom", "dind is OOM-killed <from outside>");
        faults.put("sigterm-slow-main", "NOT_APPLICABLE: it changes how main answers SIGTERM");
        Catalog catalog = new Catalog(List.of(), List.of(), List.of()).withWorkload(
                new CatalogEntry("workload:arc.yaml", "your own pod"),
                new CatalogWorkload("workload:arc.yaml", "examples/arc.yaml", "ab12", "Job arc (line 3)",
                        "main=runner sidecar=dind(native)", faults));

        String html = OwnPodsSection.render(catalog);

        assertThat(html).contains("<code>workload:arc.yaml</code>: main=runner sidecar=dind(native)",
                "<th>file</th><td>examples/arc.yaml</td>", "<th>SHA-256</th><td>ab12</td>",
                "<th>pod from</th><td>Job arc (line 3)</td>", "<th>sidecar-oom</th><td>dind is OOM-killed &lt;from outside&gt;</td>",
                "<th>sigterm-slow-main</th><td>NOT_APPLICABLE: it changes how main answers SIGTERM</td>");
        assertThat(html.indexOf("sidecar-oom")).as("faults in the catalog's order").isLessThan(html.indexOf("sigterm-slow-main"));
    }
}
