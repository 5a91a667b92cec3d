package io.sidecarconformance.timeline;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * How the timeline names a pod's containers. Our patterns name theirs after their roles ("main", "sidecar"); a user's
 * own pod (-Dworkload) names them as it likes, and the timeline records each container that plays a role under the
 * role's name (the cell says which container that was), so that one set of rules decides every cell. A container that
 * plays no role but carries a role's name is recorded as "other-" + its name. A user's pod may also name a pattern of
 * main's log lines that a fault fires on: the first line that matches is a {@link EventKind#LOG_MATCH}.
 *
 * @param roles      container name to role name ("runner" to "main"); empty for our patterns
 * @param mainMark   the pattern of main's log lines a fault fires on, if any
 */
public record ContainerNames(Map<String, String> roles, Optional<Pattern> mainMark) {

    public ContainerNames {
        roles = Map.copyOf(roles);
    }

    /** Our patterns: every container as it is named. */
    public static ContainerNames asNamed() {
        return new ContainerNames(Map.of(), Optional.empty());
    }

    /** The name the timeline records for a container of the pod (or "pod", "job", "suite"). */
    public String observed(String container) {
        String role = roles.get(container);
        if (role != null) {
            return role;
        }
        return roles.containsValue(container) ? "other-" + container : container;
    }

    /** The event as the timeline records it. */
    public TimelineEvent observed(TimelineEvent e) {
        String name = observed(e.container());
        return name.equals(e.container()) ? e
                : new TimelineEvent(e.time(), name, e.kind(), e.detail(), e.source(), e.observedAt());
    }

    /** Which log lines of this container (as the pod names it) are marks: main's that match, when a pattern is given. */
    Predicate<String> marks(String container) {
        return mainMark.filter(p -> "main".equals(observed(container)))
                .<Predicate<String>>map(p -> line -> p.matcher(line).find())
                .orElse(line -> false);
    }
}
