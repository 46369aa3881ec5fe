package org.safegate.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clocks tests run on. None of them reads the wall clock, so no test turns out differently on
 * the day it happens to run (see {@code WallClockGuardTest}).
 */
public final class TestClocks {
    /**
     * A day on which the shipped {@code policies/} (the historical record of the case) and the
     * committed {@code keys-example/} tell the story the README tells: DOJ is current, ICE's review
     * is stale and its CAP items have no dates, every agreement is in force, the example CRL is
     * issued and the negative certificates are expired, not yet valid and revoked as named.
     */
    public static final Instant CASE_DAY = Instant.parse("2026-12-01T12:00:00Z");

    /** {@link #CASE_DAY} as a date (UTC). */
    public static final LocalDate CASE_DATE = LocalDate.ofInstant(CASE_DAY, ZoneOffset.UTC);

    private TestClocks() {
    }

    /** A clock stopped at the case day. */
    public static Clock caseDay() {
        return Clock.fixed(CASE_DAY, ZoneOffset.UTC);
    }

    /**
     * A clock that starts on the case day and then runs with elapsed time, for gateways whose
     * retries, back-off and checkpoint intervals must see time pass.
     */
    public static Clock runningFromCaseDay() {
        return running(CASE_DAY);
    }

    /** A clock that reads {@code start} now and runs with elapsed (monotonic) time from here on. */
    public static Clock running(Instant start) {
        return new RunningClock(start, System.nanoTime());
    }

    private static final class RunningClock extends Clock {
        private final Instant start;
        private final long startNanos;

        RunningClock(Instant start, long startNanos) {
            this.start = start;
            this.startNanos = startNanos;
        }

        @Override
        public Instant instant() {
            return start.plus(Duration.ofNanos(System.nanoTime() - startNanos));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            if (!zone.equals(ZoneOffset.UTC)) {
                throw new UnsupportedOperationException("test clocks run in UTC");
            }
            return this;
        }
    }
}
