package io.sidecarconformance.pattern;

/**
 * Timings of the test containers that shape an outcome; each is a system property and is named in the report.
 *
 * @param lightStartupSeconds how long the light sidecar's service takes to listen after its container starts
 *                            (-Dsidecar.lightStartupSeconds): a real small service is not listening the instant
 *                            its process starts
 * @param checkTimeoutSeconds bound on one readiness check, main's and the startupProbe's alike
 *                            (-Dclient.checkTimeoutSeconds): a check that blocks longer counts as not ready
 * @param retrySeconds        how long a tolerant main keeps retrying a failed use of the sidecar, once a second,
 *                            before it gives up with exit 4 (-Dclient.retrySeconds)
 * @param proxyDrainSeconds   how long the proxy sidecar keeps proxying after its SIGTERM, its readiness failing, before
 *                            it stops HAProxy gracefully (-Dsidecar.proxyDrainSeconds; Istio's terminationDrainDuration)
 * @param readinessPeriodSeconds the +ready variants' readinessProbe period, main's and the sidecar's
 *                            (-Dprobe.readinessPeriodSeconds): after a SIGTERM that makes a probe fail, the kubelet can
 *                            see it no sooner than one period later
 */
public record ContainerSettings(int lightStartupSeconds, int checkTimeoutSeconds, int retrySeconds, int proxyDrainSeconds,
                                int readinessPeriodSeconds) {

    /** 1 s: the smallest period Kubernetes takes, so that a probe that runs while a container drains is seen soonest. */
    public static final int DEFAULT_READINESS_PERIOD_SECONDS = 1;

    public ContainerSettings {
        if (lightStartupSeconds < 0 || checkTimeoutSeconds < 1 || retrySeconds < 1 || proxyDrainSeconds < 0
                || readinessPeriodSeconds < 1) {
            throw new IllegalArgumentException("container settings out of range: startup " + lightStartupSeconds
                    + "s, check timeout " + checkTimeoutSeconds + "s, retry " + retrySeconds + "s, proxy drain "
                    + proxyDrainSeconds + "s, readiness period " + readinessPeriodSeconds + "s");
        }
    }

    /** With the default proxy drain and readiness probe period. */
    public ContainerSettings(int lightStartupSeconds, int checkTimeoutSeconds, int retrySeconds) {
        this(lightStartupSeconds, checkTimeoutSeconds, retrySeconds, defaults().proxyDrainSeconds(),
                DEFAULT_READINESS_PERIOD_SECONDS);
    }

    /**
     * 3 s start-up: a small real service (a proxy, an agent) needs a second or more to listen, and 3 s is what every
     * published cell used. 1 s check: Kubernetes' default probe timeoutSeconds, which ARC's {@code docker info}
     * startupProbe leaves unset. 30 s retry: the usual CI wait for a service (GitLab Runner's default
     * wait_for_services_timeout), long enough to bridge one sidecar restart. 5 s drain: Istio's default
     * terminationDrainDuration. Readiness period: see {@link #DEFAULT_READINESS_PERIOD_SECONDS}.
     */
    public static ContainerSettings defaults() {
        return new ContainerSettings(3, 1, 30, 5, DEFAULT_READINESS_PERIOD_SECONDS);
    }
}
