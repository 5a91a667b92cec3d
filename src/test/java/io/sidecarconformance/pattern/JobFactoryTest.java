package io.sidecarconformance.pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.sidecarconformance.cluster.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every pattern x sidecar kind x variant, built into a Job the way a scenario builds it. */
class JobFactoryTest {

    static final ImageSet IMAGES = new ImageSet("example.org/busybox:test", "example.org/dind:test", "example.org/proxy:test",
            "Never");
    static final Map<String, String> LABELS = Map.of("sidecar-conformance/scenario", "unit");

    static Stream<Arguments> cells() {
        return Patterns.all().stream().flatMap(p -> Stream.of(SidecarKind.values()).flatMap(k ->
                Stream.of(Variant.KNOWN.split(", ")).map(v -> Arguments.of(p.id(), k.id(), v))));
    }

    static WorkloadSpec workload(String pattern, SidecarKind kind, Variant variant) {
        return Patterns.byId(pattern).workload(new ContainerFactory(IMAGES, kind, variant));
    }

    static PodSpec podSpec(WorkloadSpec spec) {
        Job job = JobFactory.job("sc-job", spec, LABELS);
        return job.getSpec().getTemplate().getSpec();
    }

    static String env(Container c, String name) {
        List<EnvVar> matching = c.getEnv().stream().filter(e -> e.getName().equals(name)).toList();
        assertThat(matching).as("%s has at most one %s", c.getName(), name).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? null : matching.get(0).getValue();
    }

    static Optional<VolumeMount> mountAt(Container c, String path) {
        return c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst();
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("cells")
    void everyCellIsAOneShotJobWithItsSidecarWhereThePatternSays(String patternId, String kindId, String variantId) {
        SidecarKind kind = SidecarKind.byId(kindId);
        Variant variant = Variant.parse(variantId);
        WorkloadSpec spec = workload(patternId, kind, variant);
        Job job = JobFactory.job("sc-job", spec, LABELS);
        PodSpec pod = job.getSpec().getTemplate().getSpec();

        assertThat(job.getMetadata().getName()).as("job name").isEqualTo("sc-job");
        assertThat(job.getSpec().getBackoffLimit()).as("backoffLimit").isZero();
        assertThat(pod.getRestartPolicy()).as("pod restartPolicy").isEqualTo("Never");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels()).as("pod labels").containsAllEntriesOf(LABELS);

        List<String> regular = pod.getContainers().stream().map(Container::getName).toList();
        List<String> init = pod.getInitContainers().stream().map(Container::getName).toList();
        switch (patternId) {
            case "classic", "done-file", "pidfile", "done-file-rules" -> {
                assertThat(regular).as("regular containers").containsExactlyInAnyOrder("main", "sidecar");
                assertThat(init).as("init containers").isEmpty();
            }
            case "native", "native-rules", "native-restart-all" -> {
                assertThat(regular).as("regular containers").containsExactly("main");
                assertThat(init).as("init containers").containsExactly("sidecar");
                assertThat(pod.getInitContainers().get(0).getRestartPolicy()).as("native sidecar restartPolicy")
                        .isEqualTo("Always");
            }
            case "native-multi", "native-multi-prestop" -> {
                assertThat(regular).as("regular containers").containsExactly("main");
                assertThat(init).as("init containers, in start order").containsExactly("sidecar", "sidecar-2", "sidecar-3");
                assertThat(pod.getInitContainers()).as("every one a native sidecar")
                        .allSatisfy(c -> assertThat(c.getRestartPolicy()).as("%s restartPolicy", c.getName()).isEqualTo("Always"));
            }
            case "ephemeral" -> {
                assertThat(regular).as("only main is in the pod at creation").containsExactly("main");
                assertThat(init).as("init containers").isEmpty();
                assertThat(pod.getEphemeralContainers()).as("ephemeral containers at creation").isEmpty();
            }
            default -> throw new AssertionError("a pattern this test does not know: " + patternId);
        }
        assertThat(pod.getShareProcessNamespace()).as("shareProcessNamespace")
                .isEqualTo(patternId.equals("pidfile") ? Boolean.TRUE : null);

        // Every mount must name a volume of the pod, or the kubelet refuses the pod.
        List<String> volumes = pod.getVolumes().stream().map(Volume::getName).toList();
        Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream())
                .flatMap(c -> c.getVolumeMounts().stream())
                .forEach(m -> assertThat(volumes).as("volume for mount %s", m.getMountPath()).contains(m.getName()));
        Container sidecar = spec.container(Role.SIDECAR);
        sidecar.getVolumeMounts()
                .forEach(m -> assertThat(volumes).as("volume for sidecar mount %s", m.getMountPath()).contains(m.getName()));
        assertThat(pod.getVolumes().stream().filter(v -> v.getName().equals(ContainerFactory.SCRIPTS_VOLUME)).findFirst()
                .orElseThrow().getConfigMap().getName()).as("scripts come from the ConfigMap").isEqualTo(JobFactory.SCRIPTS_CONFIG_MAP);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @MethodSource("cells")
    void sidecarKindDecidesImagesPrivilegeAndDockerMounts(String patternId, String kindId, String variantId) {
        SidecarKind kind = SidecarKind.byId(kindId);
        WorkloadSpec spec = workload(patternId, kind, Variant.parse(variantId));
        Container main = spec.container(Role.MAIN);
        Container sidecar = spec.container(Role.SIDECAR);

        for (Container c : List.of(main, sidecar)) {
            assertThat(mountAt(c, "/sc")).as("%s mounts the scripts", c.getName()).isPresent();
            assertThat(mountAt(c, "/sc").get().getReadOnly()).as("%s scripts read-only", c.getName()).isTrue();
            assertThat(mountAt(c, "/sc-shared")).as("%s mounts the shared dir", c.getName()).isPresent();
            assertThat(env(c, "SC_SIDECAR_KIND")).as("%s SC_SIDECAR_KIND", c.getName()).isEqualTo(kindId);
            assertThat(env(c, "SC_NAME")).as("%s SC_NAME is its container name", c.getName()).isEqualTo(c.getName());
            assertThat(c.getImagePullPolicy()).as("%s pull policy", c.getName()).isEqualTo("Never");
        }
        if (kind == SidecarKind.DIND) {
            assertThat(sidecar.getImage()).as("dind sidecar image").isEqualTo("example.org/dind:test");
            assertThat(main.getImage()).as("main needs the docker CLI: dind image").isEqualTo("example.org/dind:test");
            assertThat(sidecar.getSecurityContext()).as("dind sidecar securityContext").isNotNull();
            assertThat(sidecar.getSecurityContext().getPrivileged()).as("dind sidecar privileged").isTrue();
            assertThat(mountAt(sidecar, "/var/run")).as("sidecar socket dir").isPresent();
            assertThat(mountAt(sidecar, "/var/lib/docker")).as("sidecar docker storage").isPresent();
            assertThat(mountAt(main, "/var/run")).as("main shares the socket dir").isPresent();
            assertThat(mountAt(main, "/var/run").get().getName()).as("same socket volume")
                    .isEqualTo(mountAt(sidecar, "/var/run").get().getName());
            assertThat(mountAt(main, "/var/lib/docker")).as("main has no docker storage").isEmpty();
            assertThat(main.getSecurityContext()).as("main is not privileged").isNull();
        } else {
            assertThat(sidecar.getImage()).as("%s sidecar image", kind)
                    .isEqualTo(kind == SidecarKind.PROXY ? "example.org/proxy:test" : "example.org/busybox:test");
            assertThat(main.getImage()).as("%s main image: busybox's wget is its client", kind).isEqualTo("example.org/busybox:test");
            assertThat(sidecar.getSecurityContext()).as("light sidecar not privileged").isNull();
            assertThat(mountAt(sidecar, "/var/run")).as("no socket mount on light").isEmpty();
            assertThat(mountAt(sidecar, "/var/lib/docker")).as("no docker storage on light").isEmpty();
        }
    }

    @Test
    void shellFormWrapsMainInAShellAndExecFormRunsTheScriptDirectly() {
        Container shell = workload("classic", SidecarKind.LIGHT, Variant.parse("shell")).container(Role.MAIN);
        Container exec = workload("classic", SidecarKind.LIGHT, Variant.parse("exec")).container(Role.MAIN);

        assertThat(shell.getCommand()).as("shell form: a shell runs the script as a child, and must not exec it")
                .containsExactly("/bin/sh", "-c", "/bin/sh /sc/main.sh; exit $?");
        assertThat(exec.getCommand()).as("exec form").containsExactly("/bin/sh", "/sc/main.sh");
        assertThat(workload("classic", SidecarKind.LIGHT, Variant.parse("shell")).container(Role.SIDECAR).getCommand())
                .as("the sidecar's command does not depend on the variant")
                .isEqualTo(workload("classic", SidecarKind.LIGHT, Variant.parse("exec")).container(Role.SIDECAR).getCommand());
    }

    @Test
    void shutdownProtocolIsTheSameOnBothContainersAndNamedByThePattern() {
        Map<String, String> expected = Map.of(
                "classic", "none", "done-file", "done-file", "pidfile", "pidfile", "native", "none", "ephemeral", "none",
                "native-multi", "none", "native-multi-prestop", "none", "done-file-rules", "done-file", "native-rules", "none",
                "native-restart-all", "none");
        assertThat(Patterns.all().stream().map(Pattern::id).collect(Collectors.toSet()))
                .as("this test covers every pattern").isEqualTo(expected.keySet());
        for (Pattern p : Patterns.all()) {
            WorkloadSpec spec = p.workload(new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse("exec")));
            assertThat(env(spec.container(Role.MAIN), "SC_SHUTDOWN")).as("%s main SC_SHUTDOWN", p.id()).isEqualTo(expected.get(p.id()));
            assertThat(env(spec.container(Role.SIDECAR), "SC_SHUTDOWN")).as("%s sidecar SC_SHUTDOWN", p.id())
                    .isEqualTo(expected.get(p.id()));
        }
    }

    @Test
    void probeVariantGivesTheNativeSidecarAStartupProbeThatChecksTheService() {
        PodSpec withProbe = podSpec(workload("native", SidecarKind.DIND, Variant.parse("exec+probe")));
        PodSpec without = podSpec(workload("native", SidecarKind.DIND, Variant.parse("exec")));

        Container sidecar = withProbe.getInitContainers().get(0);
        assertThat(sidecar.getStartupProbe()).as("startupProbe with +probe").isNotNull();
        assertThat(String.join(" ", sidecar.getStartupProbe().getExec().getCommand())).as("probe command")
                .contains("/sc/lib.sh").contains("service_ok");
        assertThat(without.getInitContainers().get(0).getStartupProbe()).as("no startupProbe without +probe").isNull();
        assertThat(withProbe.getContainers().get(0).getStartupProbe()).as("main never has a probe").isNull();
    }

    @Test
    void theProxySidecarIsBuiltAsIstioInjectsItsOwnAndMainKnowsWhereToSendItsRequests() {
        ContainerSettings settings = new ContainerSettings(3, 2, 30, 7, 1);
        ContainerFactory factory = new ContainerFactory(IMAGES, SidecarKind.PROXY, Variant.parse("exec+probe"), settings);
        PodSpec pod = podSpec(Patterns.byId("native").workload(factory));
        Container sidecar = pod.getInitContainers().get(0);
        Container main = pod.getContainers().get(0);

        assertThat(sidecar.getImage()).as("image").isEqualTo("example.org/proxy:test");
        assertThat(sidecar.getCommand()).as("the one sidecar entrypoint (proxy.sh is its service)")
                .containsExactly("/bin/sh", "/sc/sidecar.sh");
        assertThat(sidecar.getRestartPolicy()).as("native").isEqualTo("Always");
        assertThat(sidecar.getSecurityContext()).as("not privileged").isNull();
        assertThat(sidecar.getPorts()).as("ports").extracting(p -> p.getName() + "=" + p.getContainerPort())
                .containsExactly("outbound=15001", "health=15021");
        assertThat(env(sidecar, "SC_PROXY_PORT")).isEqualTo("15001");
        assertThat(env(sidecar, "SC_PROXY_HEALTH_PORT")).isEqualTo("15021");
        assertThat(env(sidecar, "SC_PROXY_ADMIN_PORT")).isEqualTo("15000");
        assertThat(env(sidecar, "SC_PROXY_DRAIN_SECONDS")).as("the drain, from the settings").isEqualTo("7");
        EnvVar upstream = sidecar.getEnv().stream().filter(e -> e.getName().equals("SC_UPSTREAM")).findFirst().orElseThrow();
        assertThat(upstream.getValue()).as("not written into the spec").isNull();
        assertThat(upstream.getValueFrom().getConfigMapKeyRef().getName() + "/" + upstream.getValueFrom().getConfigMapKeyRef().getKey())
                .as("the upstream's address, from the ConfigMap the suite writes once the upstream pod is Ready")
                .isEqualTo(ProxyUpstream.CONFIG_MAP + "/" + ProxyUpstream.ADDRESS_KEY);
        assertThat(env(sidecar, "SC_STARTUP_SECONDS")).as("no modelled start-up: HAProxy's own").isNull();

        for (var probe : List.of(sidecar.getReadinessProbe(), sidecar.getStartupProbe())) {
            assertThat(probe.getHttpGet().getPath() + ":" + probe.getHttpGet().getPort().getIntVal())
                    .as("the kubelet probes the readiness endpoint over HTTP, as Istio's spec does").isEqualTo("/healthz/ready:15021");
            assertThat(probe.getExec()).isNull();
            assertThat(probe.getTimeoutSeconds()).as("bounded as every check").isEqualTo(2);
            assertThat(probe.getPeriodSeconds()).isEqualTo(ContainerFactory.PROBE_PERIOD_SECONDS);
        }
        assertThat(sidecar.getReadinessProbe().getFailureThreshold()).as("readiness follows the drain at once").isEqualTo(1);
        assertThat(sidecar.getStartupProbe().getFailureThreshold()).isEqualTo(ContainerFactory.PROBE_FAILURE_THRESHOLD);
        assertThat(new ContainerFactory(IMAGES, SidecarKind.PROXY, Variant.parse("exec"), settings).sidecar("none")
                .getStartupProbe()).as("no startupProbe without +probe; the readinessProbe always").isNull();

        assertThat(env(main, "SC_PROXY_PORT")).as("main sends its requests to the proxy").isEqualTo("15001");
        assertThat(env(main, "SC_PROXY_HEALTH_PORT")).as("and waits for its readiness").isEqualTo("15021");
        assertThat(env(main, "SC_PROXY_DRAIN_SECONDS")).as("the drain is the proxy's alone").isNull();
        assertThat(main.getReadinessProbe()).as("main has no probe").isNull();
        for (SidecarKind other : List.of(SidecarKind.LIGHT, SidecarKind.DIND)) {
            Container c = new ContainerFactory(IMAGES, other, Variant.parse("exec"), settings).sidecar("none");
            assertThat(c.getReadinessProbe()).as("%s has no readinessProbe", other).isNull();
            assertThat(env(c, "SC_UPSTREAM")).as("%s has no upstream", other).isNull();
        }
    }

    @Test
    void theUpstreamIsAPodOfItsOwnServingPongThatItsReadinessProbeChecks() {
        var pod = ProxyUpstream.pod(IMAGES, LABELS);
        Container c = pod.getSpec().getContainers().get(0);

        assertThat(pod.getMetadata().getName()).isEqualTo("sc-upstream");
        assertThat(pod.getMetadata().getLabels()).as("labelled as the scenario's objects, never as the Job's pod")
                .isEqualTo(LABELS).doesNotContainKey("job-name");
        assertThat(c.getImage()).as("busybox httpd").isEqualTo("example.org/busybox:test");
        assertThat(String.join(" ", c.getCommand())).contains("echo pong > /tmp/www/ping", "httpd -f -v -p 8080 -h /tmp/www");
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ping");
        assertThat(ProxyUpstream.address("10.244.43.7")).isEqualTo("10.244.43.7:8080");
        assertThat(ProxyUpstream.handOverCommand()).as("a reader's cluster gets its own pod IP")
                .contains("kubectl -n \"$NS\" wait --for=condition=Ready pod/sc-upstream --timeout=120s")
                .contains("create configmap sc-upstream --from-literal=address=\"$(kubectl -n \"$NS\" get pod sc-upstream"
                        + " -o jsonpath='{.status.podIP}'):8080\"");
    }

    @Test
    void onlyTheNativePatternsSupportProbeVariants() {
        for (Pattern p : Patterns.all()) {
            assertThat(p.supports(Variant.parse("exec"))).as("%s supports exec", p.id()).isTrue();
            assertThat(p.supports(Variant.parse("shell"))).as("%s supports shell", p.id()).isTrue();
            assertThat(p.supports(Variant.parse("shell+probe"))).as("%s supports shell+probe", p.id())
                    .isEqualTo(p.id().startsWith("native"));
            assertThat(p.supports(Variant.parse("exec+ready"))).as("%s supports exec+ready: any container but an"
                    + " ephemeral one declares a readinessProbe", p.id()).isEqualTo(!p.id().equals("ephemeral"));
        }
    }

    @Test
    void ephemeralSidecarCopiesEveryFieldOfTheSidecar() {
        WorkloadSpec spec = workload("ephemeral", SidecarKind.DIND, Variant.parse("exec"))
                .memoryLimit(Role.SIDECAR, "64Mi")
                .env(Role.SIDECAR, "SC_DELAY_SECONDS", "4");
        Container sidecar = spec.container(Role.SIDECAR);

        EphemeralContainer e = JobFactory.ephemeralSidecar(spec);

        assertThat(e.getName()).as("name").isEqualTo("sidecar");
        assertThat(e.getImage()).as("image").isEqualTo("example.org/dind:test");
        assertThat(e.getImagePullPolicy()).as("pull policy").isEqualTo("Never");
        assertThat(e.getCommand()).as("command").containsExactly("/bin/sh", "/sc/sidecar.sh");
        assertThat(e.getEnv()).as("env").isEqualTo(sidecar.getEnv())
                .contains(new EnvVar("SC_DELAY_SECONDS", "4", null));
        assertThat(e.getVolumeMounts()).as("mounts").isEqualTo(sidecar.getVolumeMounts())
                .extracting(VolumeMount::getMountPath).contains("/sc", "/sc-shared", "/var/run", "/var/lib/docker");
        assertThat(e.getSecurityContext()).as("securityContext").isNotNull();
        assertThat(e.getSecurityContext().getPrivileged()).as("privileged").isTrue();
        assertThat(e.getResources()).as("resources").isNotNull();
        assertThat(e.getResources().getLimits()).as("memory limit").containsEntry("memory", new Quantity("64Mi"));
    }

    @Test
    void unknownIdsAreOneLineErrorsListingTheKnownValues() {
        IllegalArgumentException pattern = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Patterns.byId("sidecarless"));
        IllegalArgumentException variant = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Variant.parse("exec+shell"));
        IllegalArgumentException kind = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SidecarKind.byId("docker"));

        assertThat(pattern.getMessage()).as("pattern error").doesNotContain("\n").contains("'sidecarless'")
                .contains("classic", "done-file", "pidfile", "native", "ephemeral");
        assertThat(variant.getMessage()).as("variant error").doesNotContain("\n").contains("'exec+shell'")
                .contains("exec", "shell", "exec+probe", "shell+probe");
        assertThat(kind.getMessage()).as("kind error").doesNotContain("\n").contains("'docker'").contains("light", "dind", "proxy");
    }

    @Test
    void knownIdsRoundTrip() {
        for (Pattern p : Patterns.all()) {
            assertThat(Patterns.byId(p.id())).as("pattern %s", p.id()).isSameAs(p);
        }
        for (String v : Variant.KNOWN.split(", ")) {
            assertThat(Variant.parse(v).id()).as("variant %s", v).isEqualTo(v);
        }
        for (SidecarKind k : SidecarKind.values()) {
            assertThat(SidecarKind.byId(k.id())).as("kind %s", k.id()).isSameAs(k);
        }
        assertThat(Variant.parse("shell+probe")).as("shell+probe").isEqualTo(new Variant(true, true, false));
    }

    @Test
    void envReplacesRatherThanDuplicates() {
        WorkloadSpec spec = workload("classic", SidecarKind.LIGHT, Variant.parse("exec"))
                .env(Role.MAIN, "SC_WAIT_SECONDS", "60")
                .env(Role.MAIN, "SC_WAIT_SECONDS", "5");
        assertThat(env(spec.container(Role.MAIN), "SC_WAIT_SECONDS")).as("last value wins").isEqualTo("5");
        assertThat(env(spec.container(Role.SIDECAR), "SC_WAIT_SECONDS")).as("other container untouched").isNull();
    }

    @Test
    void variantGrammarIsExecOrShellThenProbeThenReadyThenTolerant() {
        assertThat(Variant.parse("exec")).as("no suffix: exec form, no probe, strict client")
                .isEqualTo(new Variant(false, false, false, false));
        assertThat(Variant.parse("shell+probe+tolerant")).as("three parts, no readiness probe")
                .isEqualTo(new Variant(true, true, false, true));
        assertThat(Variant.parse("shell+probe+ready+tolerant")).as("all four").isEqualTo(new Variant(true, true, true, true));
        assertThat(Variant.parse("exec+ready")).as("readiness probes alone").isEqualTo(new Variant(false, false, true, false));
        assertThat(Variant.parse("exec+probe+ready")).as("+ready composes after +probe")
                .isEqualTo(new Variant(false, true, true, false));
        assertThat(Variant.parse("exec+ready+tolerant")).as("+ready composes before +tolerant")
                .isEqualTo(new Variant(false, false, true, true));
        assertThat(Variant.parse("exec+tolerant")).as("tolerant without probe").isEqualTo(new Variant(false, false, true));
        assertThat(new Variant(false, true, true)).as("the three-part constructor: ids from before +ready")
                .isEqualTo(Variant.parse("exec+probe+tolerant"));
        assertThat(Variant.parse("exec+probe").client()).as("older ids keep a strict client").isEqualTo("strict");
        assertThat(Variant.parse("exec+probe+tolerant").client()).as("+tolerant").isEqualTo("tolerant");
        assertThat(Variant.parse("exec+probe+ready+tolerant").client()).as("+ready keeps the client").isEqualTo("tolerant");
        for (String bad : List.of("exec+tolerant+probe", "tolerant", "exec+probe+probe", "exec+", "+probe", "Exec", "",
                "exec+ready+probe", "exec+tolerant+ready", "exec+ready+ready", "ready", "+ready")) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Variant.parse(bad), "variant '" + bad + "'");
            assertThat(e.getMessage()).as("error for '%s'", bad).doesNotContain("\n")
                    .startsWith("unknown variant '" + bad + "'; known: exec, shell, exec+probe, shell+probe, exec+tolerant")
                    .contains("exec+ready", "exec+probe+ready+tolerant");
        }
        assertThat(Variant.KNOWN.split(", ")).as("KNOWN lists every combination once").hasSize(16).doesNotHaveDuplicates();
        for (String v : Variant.KNOWN.split(", ")) {
            assertThat(Variant.parse(v).id()).as("%s round-trips", v).isEqualTo(v);
        }
    }

    @Test
    void readyVariantGivesMainAndEverySidecarAnExecReadinessProbeWithTheNamedPeriod() {
        ContainerSettings settings = new ContainerSettings(3, 2, 30, 5, 4);
        for (SidecarKind kind : SidecarKind.values()) {
            for (String pattern : List.of("classic", "native", "native-multi")) {
                WorkloadSpec spec = Patterns.byId(pattern).workload(
                        new ContainerFactory(IMAGES, kind, Variant.parse("exec+probe+ready"), settings));
                PodSpec pod = podSpec(spec);
                List<Container> all = java.util.stream.Stream.concat(pod.getInitContainers().stream(),
                        pod.getContainers().stream()).toList();
                assertThat(all).as("%s / %s: main and every sidecar", pattern, kind).hasSizeGreaterThanOrEqualTo(2);
                for (Container c : all) {
                    var probe = c.getReadinessProbe();
                    assertThat(probe).as("%s / %s: %s has a readinessProbe", pattern, kind, c.getName()).isNotNull();
                    assertThat(probe.getPeriodSeconds()).as("%s period: -Dprobe.readinessPeriodSeconds", c.getName())
                            .isEqualTo(4);
                    assertThat(probe.getTimeoutSeconds()).as("%s timeout: the check bound", c.getName()).isEqualTo(2);
                    assertThat(probe.getFailureThreshold()).as("%s unready at the first failure", c.getName()).isEqualTo(1);
                    assertThat(probe.getSuccessThreshold()).as("%s success threshold", c.getName()).isEqualTo(1);
                    assertThat(probe.getExec().getCommand()).as("%s probe command", c.getName())
                            .containsExactly("/bin/sh", "-c", ". /sc/lib.sh; readiness_probe "
                                    + (c.getName().equals("main") ? "marker" : "service"));
                }
                assertThat(env(spec.container(Role.MAIN), "SC_READINESS")).as("main waits for both probes").isEqualTo("1");
                assertThat(spec.container(Role.SIDECAR).getStartupProbe()).as("+probe keeps the startupProbe").isNotNull();
                assertThat(spec.container(Role.MAIN).getStartupProbe()).as("main never has a startupProbe").isNull();
            }
        }
        ContainerFactory defaults = new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse("exec+ready"));
        assertThat(defaults.main("none").getReadinessProbe().getPeriodSeconds()).as("default period").isEqualTo(1);
        assertThat(defaults.sidecar("none").getStartupProbe()).as("+ready alone adds no startupProbe").isNull();
        for (String without : List.of("exec", "exec+probe", "shell+probe+tolerant")) {
            ContainerFactory f = new ContainerFactory(IMAGES, SidecarKind.DIND, Variant.parse(without));
            assertThat(f.main("none").getReadinessProbe()).as("%s: main has no readinessProbe", without).isNull();
            assertThat(f.sidecar("none").getReadinessProbe()).as("%s: the sidecar has none", without).isNull();
            assertThat(env(f.main("none"), "SC_READINESS")).as("%s: main does not wait for probes", without).isNull();
        }
    }

    @Test
    void mainCarriesItsClientModeAndBothContainersTheCheckBound() {
        ContainerSettings settings = new ContainerSettings(7, 2, 45, 5, 1);
        for (SidecarKind kind : SidecarKind.values()) {
            ContainerFactory strict = new ContainerFactory(IMAGES, kind, Variant.parse("exec+probe"), settings);
            ContainerFactory tolerant = new ContainerFactory(IMAGES, kind, Variant.parse("exec+probe+tolerant"), settings);

            assertThat(env(strict.main("none"), "SC_CLIENT")).as("%s strict main", kind).isEqualTo("strict");
            assertThat(env(strict.main("none"), "SC_RETRY_SECONDS")).as("%s strict main has no retry budget", kind).isNull();
            assertThat(env(tolerant.main("none"), "SC_CLIENT")).as("%s tolerant main", kind).isEqualTo("tolerant");
            assertThat(env(tolerant.main("none"), "SC_RETRY_SECONDS")).as("%s tolerant main's budget", kind).isEqualTo("45");
            assertThat(env(tolerant.sidecar("none"), "SC_CLIENT")).as("%s sidecar has no client mode", kind).isNull();
            for (Container c : List.of(strict.main("none"), strict.sidecar("none"))) {
                assertThat(env(c, "SC_CHECK_TIMEOUT")).as("%s %s check bound", kind, c.getName()).isEqualTo("2");
            }
            assertThat(strict.sidecar("none").getStartupProbe().getTimeoutSeconds())
                    .as("%s probe timeoutSeconds is the same bound", kind).isEqualTo(2);
            assertThat(env(strict.sidecar("none"), "SC_STARTUP_SECONDS")).as("%s sidecar start-up", kind)
                    .isEqualTo(kind == SidecarKind.LIGHT ? "7" : null);
        }
    }

    @Test
    void theDefaultsAreTheDocumentedOnesAndWithSwapsOnlyTheTimings() {
        ContainerFactory defaults = new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse("exec+probe+tolerant"));
        assertThat(env(defaults.sidecar("none"), "SC_STARTUP_SECONDS")).as("light start-up default").isEqualTo("3");
        assertThat(env(defaults.main("none"), "SC_CHECK_TIMEOUT")).as("check bound default").isEqualTo("1");
        assertThat(defaults.sidecar("none").getStartupProbe().getTimeoutSeconds()).as("probe default").isEqualTo(1);
        assertThat(env(defaults.main("none"), "SC_RETRY_SECONDS")).as("retry budget default").isEqualTo("30");

        ContainerFactory other = defaults.with(new ContainerSettings(0, 3, 10, 5, 1));
        assertThat(env(other.sidecar("none"), "SC_STARTUP_SECONDS")).as("with(): start-up").isEqualTo("0");
        assertThat(env(other.main("none"), "SC_RETRY_SECONDS")).as("with(): budget").isEqualTo("10");
        assertThat(other.main("none").getCommand()).as("with() keeps the variant's command")
                .isEqualTo(defaults.main("none").getCommand());
        assertThat(env(other.main("none"), "SC_CLIENT")).as("with() keeps the client mode").isEqualTo("tolerant");
    }
}
