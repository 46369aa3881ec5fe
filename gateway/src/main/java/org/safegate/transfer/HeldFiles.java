package org.safegate.transfer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.safegate.OperatorLog;
import org.slf4j.Logger;

/**
 * Files the gateway could not finish (a key, the store or an endpoint was unavailable). They stay
 * where they are and are retried with exponential back-off, so a long outage neither loses them
 * nor floods the audit log with retries.
 */
public final class HeldFiles {
    private static final Duration FIRST = Duration.ofSeconds(2);
    private static final Duration LONGEST = Duration.ofMinutes(5);

    private record Hold(int attempts, Instant since, Instant retryAt, String reason) {
    }

    /** A held file: how often it failed, since when, when it is retried next, and why. */
    public record Held(Path file, int attempts, Instant since, Instant retryAt, String reason) {
    }

    private static final Logger LOG = OperatorLog.logger("hold");

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

    /**
     * Records a failed attempt; returns how many attempts have failed. The first one is logged for
     * the operator (a retry that fails the same way is not: the hold is listed until it ends).
     */
    public int hold(Path file, String reason) {
        Hold next = held.compute(file, (f, old) -> {
            int attempts = old == null ? 1 : old.attempts() + 1;
            Duration wait = FIRST.multipliedBy(1L << Math.min(attempts - 1, 10));
            Instant since = old == null ? clock.instant() : old.since();
            return new Hold(attempts, since, clock.instant().plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait), reason);
        });
        if (next.attempts() == 1) {
            OperatorLog.line("HELD").with("file", file).with("reason", reason).warn(LOG);
        }
        return next.attempts();
    }

    public void release(Path file) {
        held.remove(file);
    }

    /** Makes a held file due for retry at once (an operator asked); false when it is not held. */
    public boolean retryNow(Path file) {
        return held.computeIfPresent(file, (f, hold) -> new Hold(hold.attempts(), hold.since(), clock.instant(),
                hold.reason())) != null;
    }

    /** Every file held now, in path order. */
    public java.util.List<Held> all() {
        return held.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Held(e.getKey(), e.getValue().attempts(), e.getValue().since(), e.getValue().retryAt(),
                        e.getValue().reason())).toList();
    }

    /** The files held now, with why. */
    public Map<Path, String> current() {
        Map<Path, String> reasons = new java.util.TreeMap<>();
        held.forEach((file, hold) -> reasons.put(file, hold.reason()));
        return reasons;
    }
}
