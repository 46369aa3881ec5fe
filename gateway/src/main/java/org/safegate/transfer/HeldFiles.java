package org.safegate.transfer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Files the gateway could not finish (a key, the store or an endpoint was unavailable). They stay
 * where they are and are retried with exponential back-off, so a long outage neither loses them
 * nor floods the audit log with retries.
 */
public final class HeldFiles {
    private static final Duration FIRST = Duration.ofSeconds(2);
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private record Hold(int attempts, Instant retryAt, String reason) {
    }

    private final Clock clock;
    private final Map<Path, Hold> held = new ConcurrentHashMap<>();

    public HeldFiles(Clock clock) {
        this.clock = clock;
    }

    /** True while the file's next retry is not due yet. */
    public boolean waiting(Path file) {
        Hold hold = held.get(file);
        return hold != null && clock.instant().isBefore(hold.retryAt());
    }

    /** Records a failed attempt; returns how many attempts have failed. */
    public int hold(Path file, String reason) {
        Hold next = held.compute(file, (f, old) -> {
            int attempts = old == null ? 1 : old.attempts() + 1;
            Duration wait = FIRST.multipliedBy(1L << Math.min(attempts - 1, 10));
            return new Hold(attempts, clock.instant().plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait), reason);
        });
        return next.attempts();
    }

    public void release(Path file) {
        held.remove(file);
    }

    /** The files held now, with why. */
    public Map<Path, String> current() {
        Map<Path, String> reasons = new java.util.TreeMap<>();
        held.forEach((file, hold) -> reasons.put(file, hold.reason()));
        return reasons;
    }
}
