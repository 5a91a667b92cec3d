package io.sidecarconformance.cpu;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One reading of a cluster's components at one moment.
 *
 * @param processes component to its processes now, each "pid@start ticks" to its CPU ticks so far
 * @param podNanos  the pods' cgroup's CPU nanoseconds so far; empty when unread
 * @param unread    component to why it was not read this time (no pid file, no such process)
 */
record ComponentSample(Map<String, Map<String, Long>> processes, OptionalLong podNanos, Map<String, String> unread) {
}
