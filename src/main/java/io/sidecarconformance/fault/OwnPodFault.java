package io.sidecarconformance.fault;

import io.sidecarconformance.timeline.TimelineEvent;

import java.time.Duration;

/**
 * A fault on a user's own pod (-Dworkload): it changes nothing in the user's containers, and fires at the moment the
 * user chose ({@link FireMoment}), since their containers write none of our event lines.
 */
abstract class OwnPodFault implements Fault {

    private final FireMoment when;

    OwnPodFault(FireMoment when) {
        this.when = when;
    }

    @Override
    public boolean firesOn(TimelineEvent e) {
        return when.firesOn(e);
    }

    @Override
    public Duration delay() {
        return when.delay();
    }

    @Override
    public String moment() {
        return when.words();
    }
}
