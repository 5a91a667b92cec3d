package io.sidecarconformance.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The images a reader's cluster can pull instead of the ones the local clusters run. clusters/local builds its test
 * images on the runner (Debian's busybox-static, docker.io and haproxy, no registry) and names them under
 * {@value #LOCAL_PREFIX}; the files a reader downloads name the public image of the same version instead, pulled if not
 * present. The one rule, stated on the page by {@link #rule()}: the results keep the local names, which are the
 * suite's substitution for these.
 */
final class PublicImages {

    static final String LOCAL_PREFIX = "localhost/sidecar-conformance/";

    /** Local image name to the public repository and how its tag reads there ("%s": the local tag). */
    private static final Map<String, String> PUBLIC = Map.of("busybox", "busybox:%s", "dind", "docker:%s-dind",
            "proxy", "haproxy:%s-alpine");

    private static final Pattern LOCAL_IMAGE = Pattern.compile(Pattern.quote(LOCAL_PREFIX) + "([a-z0-9._-]+):([A-Za-z0-9._-]+)");
    private static final Pattern NEVER_PULLED = Pattern.compile("(imagePullPolicy\"?\\s*:\\s*\"?)Never");

    private PublicImages() {
    }

    /** "localhost/sidecar-conformance/dind:20.10.24" -> "docker:20.10.24-dind"; any other name as it is. */
    static String publicName(String image) {
        Matcher m = LOCAL_IMAGE.matcher(image);
        if (!m.matches() || !PUBLIC.containsKey(m.group(1))) {
            return image;
        }
        return String.format(PUBLIC.get(m.group(1)), m.group(2));
    }

    /** A manifest's text with each local image it names replaced by its public one, pulled if not present. */
    static String inManifest(String text) {
        Matcher m = LOCAL_IMAGE.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean replaced = false;
        while (m.find()) {
            String name = publicName(m.group());
            replaced |= !name.equals(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(name));
        }
        m.appendTail(out);
        return replaced ? NEVER_PULLED.matcher(out).replaceAll("$1IfNotPresent") : text;
    }

    static String rule() {
        return "The files name public images, pulled if not present: " + PUBLIC.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(e.getValue(), "T") + " for " + LOCAL_PREFIX + e.getKey() + ":T")
                .collect(java.util.stream.Collectors.joining(", "))
                + ". The local clusters ran the local names (built on the runner by clusters/local from Debian's"
                + " busybox-static, docker.io and haproxy of the same version, no registry, imagePullPolicy Never; HAProxy's"
                + " Alpine image because the scripts need busybox's wget and nc): the suite's"
                + " substitution for the public images; results.json and the drill-down's applied objects keep them as run";
    }
}
