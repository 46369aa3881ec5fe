package org.safegate.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The demo's clock: the clock it was started on, moved on when the story skips ahead ("two days
 * later"), so that a due date can pass in a demo that lasts seconds. The gateway, the commands the
 * demo runs and the demo itself all read this one clock.
 */
public final class DemoClock extends Clock {
    private final Clock base;
    private volatile Duration skipped = Duration.ZERO;

    public DemoClock(Clock base) {
        this.base = base;
    }

    /** Moves the story's time on. */
    void skip(Duration duration) {
        skipped = skipped.plus(duration);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(skipped);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the demo keeps one clock for the whole story");
    }
}
