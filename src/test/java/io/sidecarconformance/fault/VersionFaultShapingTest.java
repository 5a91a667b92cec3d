package io.sidecarconformance.fault;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.sidecarconformance.pattern.ContainerFactory;
import io.sidecarconformance.pattern.Patterns;
import io.sidecarconformance.pattern.Role;
import io.sidecarconformance.pattern.SidecarKind;
import io.sidecarconformance.pattern.Variant;
import io.sidecarconformance.pattern.WorkloadSpec;
import io.sidecarconformance.timeline.EventKind;
import io.sidecarconformance.timeline.EventSource;
import io.sidecarconformance.timeline.TimelineEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.sidecarconformance.fault.FaultShapingTest.IMAGES;
import static io.sidecarconformance.fault.FaultShapingTest.SETTINGS;
import static io.sidecarconformance.fault.FaultShapingTest.env;
import static io.sidecarconformance.fault.FaultShapingTest.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** The faults of the scenarios that tell Kubernetes versions apart: what each does to the spec, and when it acts. */
class VersionFaultShapingTest {

    static WorkloadSpec shaped(String pattern, String variant, String fault) {
        WorkloadSpec spec = Patterns.byId(pattern).workload(new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse(variant)));
        Faults.byId(fault).shape(spec, SidecarKind.LIGHT, SETTINGS);
        return spec;
    }

    static TimelineEvent line(String container, EventKind kind, String detail) {
        return TimelineEvent.of(Instant.EPOCH, container, kind, detail, EventSource.LOG);
    }

    @Test
    void earlyCrashArmsTheSidecarAndPutsItsProbesFirstCheckAfterTheCrash() {
        PodSpec probed = pod(shaped("native", "exec+probe", "sidecar-early-crash"));
        Container sidecar = probed.getInitContainers().get(0);

        assertThat(env(sidecar, "SC_FAULT_SIDECAR")).as("switch").isEqualTo("crash-early");
        assertThat(env(sidecar, "SC_CRASH_STARTS")).as("two crashing starts: the second ends in the restart back-off")
                .isEqualTo("2");
        assertThat(probed.getContainers().get(0).getReadinessProbe().getExec().getCommand()).as("main's probe always passes")
                .containsExactly("/bin/true");
        int crashAfter = Integer.parseInt(env(sidecar, "SC_CRASH_AFTER_SECONDS"));
        assertThat(sidecar.getStartupProbe().getInitialDelaySeconds()).as("the probe's first check comes after the crash")
                .isGreaterThan(crashAfter);
        assertThat(sidecar.getStartupProbe().getPeriodSeconds()).as("the rest of the probe as the variant has it")
                .isEqualTo(ContainerFactory.PROBE_PERIOD_SECONDS);
        assertThat(env(probed.getContainers().get(0), "SC_FAULT_SIDECAR")).as("main untouched").isNull();

        Container unprobed = pod(shaped("native", "exec", "sidecar-early-crash")).getInitContainers().get(0);
        assertThat(unprobed.getStartupProbe()).as("no probe is added where the variant has none").isNull();
        assertThat(env(unprobed, "SC_FAULT_SIDECAR")).as("switch without a probe").isEqualTo("crash-early");
        assertThat(Faults.byId("sidecar-early-crash").targetsMain()).as("aimed at the sidecar").isFalse();
    }

    @Test
    void slowMainSigtermIsASigtermWhoseMainLingersWithinTheGracePeriod() {
        WorkloadSpec spec = shaped("native-multi", "exec", "sigterm-slow-main");
        PodSpec p = pod(spec);
        Container main = spec.container(Role.MAIN);

        assertThat(p.getTerminationGracePeriodSeconds()).as("grace").isEqualTo(SETTINGS.gracePeriodSeconds());
        int linger = Integer.parseInt(env(main, "SC_TERM_LINGER_SECONDS"));
        assertThat(linger).as("main lingers a few seconds, well within the grace period")
                .isBetween(2, (int) SETTINGS.gracePeriodSeconds() / 2);
        assertThat(Long.parseLong(env(main, "SC_WORK_SECONDS"))).as("still working at the deletion")
                .isGreaterThan(SETTINGS.gracePeriodSeconds());
        assertThat(p.getInitContainers()).as("sidecars do not linger")
                .allSatisfy(c -> assertThat(env(c, "SC_TERM_LINGER_SECONDS")).isNull());
        Fault f = Faults.byId("sigterm-slow-main");
        assertThat(f.targetsMain()).as("aimed at main").isTrue();
        assertThat(f.firesOn(line("main", EventKind.STEP, "Working"))).as("fires when main works").isTrue();
    }

    @Test
    void evictionsShapeThePodAsSigtermDoesAndActAtTheSameMoment() {
        for (String fault : java.util.List.of("eviction", "eviction-pdb")) {
            assertThat(pod(shaped("native", "exec+probe", fault))).as("%s: the pod sigterm deletes", fault)
                    .isEqualTo(pod(shaped("native", "exec+probe", "sigterm")));
            Fault f = Faults.byId(fault);
            assertThat(f.firesOn(line("main", EventKind.STEP, "Working"))).as("%s: when main works", fault).isTrue();
            assertThat(f.targetsMain()).as("%s: aimed at the pod", fault).isTrue();
        }
    }

    @Test
    void stopSignalAsksForMainsOwnStopSignalOnALinuxPodAndIsOtherwiseSigterm() {
        PodSpec p = pod(shaped("native", "shell+probe", "stop-signal"));
        Container main = p.getContainers().get(0);

        assertThat(main.getLifecycle().getStopSignal()).as("lifecycle.stopSignal").isEqualTo("SIGUSR1");
        assertThat(p.getOs().getName()).as("spec.os.name, which upstream validation requires with a stop signal")
                .isEqualTo("linux");
        assertThat(env(main, "SC_STOP_SIGNAL")).as("main traps it").isEqualTo("USR1");
        assertThat(p.getInitContainers()).as("sidecars keep the runtime's stop signal")
                .allSatisfy(c -> assertThat(c.getLifecycle()).isNull());
        assertThat(p.getTerminationGracePeriodSeconds()).as("grace").isEqualTo(SETTINGS.gracePeriodSeconds());
        assertThat(Long.parseLong(env(main, "SC_WORK_SECONDS"))).as("still working at the deletion")
                .isGreaterThan(SETTINGS.gracePeriodSeconds());
        assertThat(pod(shaped("native", "shell+probe", "sigterm")).getOs()).as("no other fault sets spec.os").isNull();
        assertThat(Faults.byId("stop-signal").targetsMain()).as("a deletion: aimed at the pod").isTrue();
    }

    @Test
    void deleteDuringInitHoldsBackTheLastSidecarButOneAndFiresWhenItSaysSo() {
        PodSpec chain = pod(shaped("native-multi", "exec+probe", "delete-during-init"));
        PodSpec single = pod(shaped("native", "exec+probe", "delete-during-init"));

        assertThat(chain.getTerminationGracePeriodSeconds()).as("grace").isEqualTo(SETTINGS.gracePeriodSeconds());
        assertThat(chain.getInitContainers().stream().map(c -> env(c, "SC_DELAY_SECONDS")).toList())
                .as("only the last sidecar but one waits, so the last is never created")
                .containsExactly(null, Integer.toString(DeleteDuringInitFault.HOLD_SECONDS), null);
        assertThat(env(single.getInitContainers().get(0), "SC_DELAY_SECONDS")).as("a lone sidecar is the one held back")
                .isEqualTo(Integer.toString(DeleteDuringInitFault.HOLD_SECONDS));
        assertThat(DeleteDuringInitFault.HOLD_SECONDS).as("held past the probe's own limit")
                .isGreaterThan(ContainerFactory.PROBE_PERIOD_SECONDS * ContainerFactory.PROBE_FAILURE_THRESHOLD);

        Fault f = Faults.byId("delete-during-init");
        assertThat(f.firesOn(line("sidecar-2", EventKind.STEP, "Delaying 240s"))).as("the held-back sidecar's Delaying line").isTrue();
        assertThat(f.firesOn(line("main", EventKind.STEP, "Working"))).as("not main's Working line").isFalse();
        assertThat(f.targetsMain()).as("a deletion aims at the whole pod").isTrue();
    }

    @Test
    void crashLoopMakesAnOnFailureJobWithRoomForRetriesAndMoreCrashesThanItAllows() {
        WorkloadSpec spec = shaped("native", "exec+probe", "sidecar-crashloop");
        var job = io.sidecarconformance.pattern.JobFactory.job("sc-job", spec, java.util.Map.of());
        Container sidecar = pod(spec).getInitContainers().get(0);

        assertThat(job.getSpec().getBackoffLimit()).as("backoffLimit").isEqualTo(SidecarCrashLoopFault.BACKOFF_LIMIT);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).as("pod restartPolicy").isEqualTo("OnFailure");
        assertThat(env(sidecar, "SC_FAULT_SIDECAR")).as("switch").isEqualTo("crash-loop");
        assertThat(Integer.parseInt(env(sidecar, "SC_CRASH_STARTS"))).as("more crashes than the backoffLimit")
                .isGreaterThan(SidecarCrashLoopFault.BACKOFF_LIMIT);
        assertThat(Integer.parseInt(env(spec.container(Role.MAIN), "SC_WORK_SECONDS"))).as("main outlives 10 + 20 s of back-off")
                .isGreaterThan(30 + 3 * 4);
        assertThat(Faults.byId("sidecar-crashloop").targetsMain()).as("aimed at the sidecar").isFalse();

        var plain = io.sidecarconformance.pattern.JobFactory.job("sc-job", Patterns.byId("native")
                .workload(new ContainerFactory(IMAGES, SidecarKind.LIGHT, Variant.parse("exec"))), java.util.Map.of());
        assertThat(plain.getSpec().getBackoffLimit()).as("other faults: no retries").isZero();
        assertThat(plain.getSpec().getTemplate().getSpec().getRestartPolicy()).as("other faults: Never").isEqualTo("Never");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> spec.retries("Always", 1));
    }

    @Test
    void burstableOomScoresMakesEveryContainerBurstableMainAskingMoreAndReportingItsScore() {
        WorkloadSpec spec = shaped("native", "exec+probe", "burstable-oom-scores");
        Container main = spec.container(Role.MAIN);
        Container sidecar = spec.container(Role.SIDECAR);

        for (Container c : java.util.List.of(main, sidecar)) {
            var request = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(c.getResources().getRequests().get("memory"));
            var limit = io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(c.getResources().getLimits().get("memory"));
            assertThat(request).as("%s: request below limit (Burstable)", c.getName()).isLessThan(limit);
            assertThat(env(c, "SC_REPORT_OOM_SCORE")).as("%s reports its score", c.getName()).isEqualTo("1");
        }
        assertThat(io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(main.getResources().getRequests().get("memory")))
                .as("main asks for far more than the sidecar")
                .isGreaterThan(io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(sidecar.getResources().getRequests().get("memory"))
                        .multiply(java.math.BigDecimal.TEN));
        assertThat(Faults.byId("burstable-oom-scores").targetsMain()).as("nothing aimed at main").isFalse();
    }
}
