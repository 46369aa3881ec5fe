package org.safegate.operator;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many passwords and API tokens are checked at once. Each check computes an argon2id
 * hash that takes 64 MiB, so a flood of logins (right or wrong) would otherwise exhaust the heap
 * of the process that moves the files. A check that finds every place taken waits a moment, then
 * is refused with {@link Busy}: the admin API answers 503 with Retry-After, and nothing was checked.
 */
public final class PasswordChecks {
    private final Semaphore places;
    private final Duration maxWait;

    /**
     * @param concurrent how many checks may run at once
     * @param maxWait    how long a check waits for a place before it is refused
     */
    public PasswordChecks(int concurrent, Duration maxWait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("at least one password check must be able to run");
        }
        this.places = new Semaphore(concurrent, true);
        this.maxWait = maxWait;
    }

    /** Runs the check in a free place. */
    public <T> T check(Supplier<T> check) {
        boolean placed;
        try {
            placed = places.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        if (!placed) {
            throw new Busy();
        }
        try {
            return check.get();
        } finally {
            places.release();
        }
    }

    /** Every place was taken for longer than the wait: nothing was checked. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("too many logins are being checked at once", null, false, false);
        }
    }
}
