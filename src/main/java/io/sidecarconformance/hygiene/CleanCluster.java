package io.sidecarconformance.hygiene;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.sidecarconformance.cluster.ClusterProvider;
import io.sidecarconformance.cluster.ClusterProviders;
import io.sidecarconformance.cluster.ClusterSettings;
import io.sidecarconformance.cluster.ClusterSpec;
import io.sidecarconformance.cluster.ClusterUnavailableException;
import io.sidecarconformance.cluster.Environment;
import io.sidecarconformance.cluster.LocalClusterProvider;
import io.sidecarconformance.settings.PropertyReader;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Removes from a cluster everything the suite created there (its labelled namespaces, with their pods), for users
 * who stopped using it. A live run's namespaces are left alone unless {@code --force}. A running local cluster is
 * named by its id ({@code local:1.31}, {@code local-v2:1.35}): its script says where its instance's kubeconfig is;
 * it is cleaned, never started or stopped.
 *
 * <pre>mvn -q compile exec:java -Dexec.mainClass=io.sidecarconformance.hygiene.CleanCluster \
 *     -Dexec.args="kubeconfig:/path/to/kubeconfig [--force]"</pre>
 *
 * Exit codes: 0 all removed, 1 the cluster did not answer or something is left, 2 bad input.
 */
public final class CleanCluster {

    static final String USAGE = "usage: CleanCluster kubeconfig[:<path>[#<context>]] | local:<id> | local-v2:<id> [--force]";
    static final Duration GONE_BOUND = Duration.ofSeconds(120);

    private CleanCluster() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getProperties(), Clock.systemUTC(), System.out, System.err));
    }

    static int run(String[] args, Properties properties, Clock clock, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        boolean force = false;
        for (String arg : args) {
            if (arg.equals("--force")) {
                force = true;
            } else if (arg.startsWith("-")) {
                return bad(err, "unknown option '" + arg + "'; " + USAGE);
            } else if (!arg.isBlank()) {
                positional.add(arg.strip());
            }
        }
        if (positional.size() != 1) {
            return bad(err, (positional.isEmpty() ? "which cluster? " : "one cluster at a time; ") + USAGE);
        }
        ClusterProvider provider;
        Staleness staleness;
        try {
            PropertyReader reader = new PropertyReader(properties);
            staleness = Staleness.from(reader, clock);
            ClusterSettings settings = ClusterSettings.read(reader).withCluster(positional.get(0));
            if (List.of("k3s", "kind").contains(positional.get(0).split(":")[0])) {
                return bad(err, "a kubeconfig or running local cluster is cleaned here; a kind cluster goes with"
                        + " kind delete cluster --name sc-<version>, a k3s one with its container; " + USAGE);
            }
            ClusterProviders providers = new ClusterProviders(Environment.host(), settings, err);
            ClusterSpec spec = ClusterSpec.parse(positional.get(0), settings.catalog());
            if (providers.build(spec) instanceof LocalClusterProvider local) {
                try {
                    spec = new ClusterSpec("kubeconfig", local.runningKubeconfig().toString());
                } catch (ClusterUnavailableException e) {
                    err.println("sidecar-conformance clean: " + e.getMessage());
                    return 1;
                }
            }
            provider = providers.build(spec);
            provider.check();
        } catch (IllegalArgumentException | ClusterUnavailableException e) {
            return bad(err, e.getMessage());
        }
        try (provider) {
            KubernetesClient client = provider.start();
            return clean(client, staleness, force, out);
        } catch (ClusterUnavailableException | KubernetesClientException e) {
            err.println("sidecar-conformance clean: " + e.getMessage());
            return 1;
        }
    }

    private static int clean(KubernetesClient client, Staleness staleness, boolean force, PrintStream out) {
        LeftoverSweep sweep = new LeftoverSweep(client, staleness, "");
        LeftoverSweep.Result result = sweep.sweep(force);
        out.println(result.line());
        if (!result.liveLeft().isEmpty()) {
            out.println("sidecar-conformance clean: " + result.liveLeft().size() + " namespaces of a live run kept;"
                    + " add --force to delete them too");
        }
        if (result.deleted().isEmpty()) {
            return 0;
        }
        out.println("sidecar-conformance clean: waiting up to " + GONE_BOUND.toSeconds() + " s for "
                + result.deleted().size() + " namespaces to go");
        int left = sweep.awaitGone(result.deleted(), GONE_BOUND);
        out.println("sidecar-conformance clean: " + (result.deleted().size() - left) + " namespaces gone, " + left
                + " still terminating");
        return left == 0 ? 0 : 1;
    }

    private static int bad(PrintStream err, String line) {
        err.println("sidecar-conformance clean: " + line);
        return 2;
    }
}
