package org.safegate.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slows down password guessing without giving anyone a way to lock an operator out. Failed logins
 * are counted per client address, and per operator id from that address. When a count reaches its
 * limit within the period, that address (or that id from that address) is refused for a lockout,
 * and each lockout that follows another lasts twice as long, up to a ceiling. Failures from one
 * address never lock the id out from another: a stranger who knows the security officer's id
 * cannot keep her from revoking an agency.
 *
 * <p>An attempt is admitted before its password is checked and counts against the limits until it
 * ends, so attempts sent in parallel cannot check more passwords than the limit allows.
 *
 * <p>The counts live in this process only: after a restart, or on another node, they start again.
 */
public final class LoginThrottle {
    /** Bounds memory when someone tries a great many names or addresses. */
    private static final int MAX_TRACKED = 10_000;
    /** What a client is told to wait when only attempts still being checked stand in its way. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    /**
     * @param perOperator  failures of one operator id from one address before that pair is refused
     * @param perAddress   failures from one address, whatever the ids, before the address is refused
     * @param firstLockout how long the first lockout lasts, and the period within which failures count
     * @param maxLockout   the ceiling for doubled lockouts; a key this quiet after its lockout starts afresh
     */
    public record Limits(int perOperator, int perAddress, Duration firstLockout, Duration maxLockout) {
        public Limits {
            if (perOperator < 1 || perAddress < 1 || firstLockout.isNegative() || firstLockout.isZero()
                    || maxLockout.compareTo(firstLockout) < 0) {
                throw new IllegalArgumentException("login limits must be positive and the ceiling at least the"
                        + " first lockout");
            }
        }
    }

    /** What {@link #admit} answers: an attempt to check, or how long to wait first. */
    public sealed interface Admission permits Attempt, Wait {
    }

    /** Refused for now: try again after the duration (at least one second). */
    public record Wait(Duration duration) implements Admission {
    }

    /** One address, or one operator id from one address ({@code user} null for the address alone). */
    private record Key(String user, String address) {
    }

    /** Failures, lockouts and attempts in progress for one key. */
    private static final class Counter {
        final Deque<Instant> failures = new ArrayDeque<>();
        int pending;
        int lockouts;
        Instant lockedUntil = Instant.MIN;
    }

    private final Limits limits;
    private final Clock clock;
    /** Guarded by {@code this}: every change is a few field updates, so one lock serves all keys. */
    private final Map<Key, Counter> counters = new HashMap<>();

    public LoginThrottle(Limits limits, Clock clock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Admits an attempt for the id from the address (it counts until it ends), or says how long to wait. */
    public synchronized Admission admit(String user, String address) {
        Instant now = clock.instant();
        if (counters.size() > MAX_TRACKED) {
            counters.values().removeIf(c -> idle(c, now));
        }
        Key pair = new Key(user, address);
        Key alone = new Key(null, address);
        Optional<Duration> wait = longer(wait(pair, limits.perOperator(), now), wait(alone, limits.perAddress(), now));
        if (wait.isPresent()) {
            return new Wait(wait.get());
        }
        counter(pair).pending++;
        counter(alone).pending++;
        return new Attempt(pair, alone);
    }

    /**
     * Lifts every lockout of the operator id, from every address, and the address's own when one is
     * given. Returns how many lockouts or counted failures were cleared.
     */
    public synchronized int unlock(String user, Optional<String> address) {
        int cleared = 0;
        for (Map.Entry<Key, Counter> entry : counters.entrySet()) {
            Key key = entry.getKey();
            boolean match = user.equals(key.user()) || (key.user() == null && address.isPresent()
                    && address.get().equals(key.address()));
            if (match && (!entry.getValue().failures.isEmpty() || entry.getValue().lockouts > 0)) {
                reset(entry.getValue());
                cleared++;
            }
        }
        return cleared;
    }

    /** An admitted attempt; it ends exactly once, as succeeded, failed or abandoned. */
    public final class Attempt implements Admission {
        private final Key pair;
        private final Key alone;
        private boolean ended;

        private Attempt(Key pair, Key alone) {
            this.pair = pair;
            this.alone = alone;
        }

        /** The credentials were right: the id's failures from this address are forgotten (the address's are not). */
        public void succeeded() {
            synchronized (LoginThrottle.this) {
                end();
                Counter counter = counter(pair);
                counter.pending--;
                reset(counter);
                counter(alone).pending--;
            }
        }

        /** The credentials were wrong; returns true when this failure starts a lockout. */
        public boolean failed() {
            synchronized (LoginThrottle.this) {
                end();
                Instant now = clock.instant();
                boolean byOperator = fail(counter(pair), limits.perOperator(), now);
                boolean byAddress = fail(counter(alone), limits.perAddress(), now);
                return byOperator || byAddress;
            }
        }

        /** Nothing was checked (the server was busy, or failed): the attempt does not count. */
        public void abandoned() {
            synchronized (LoginThrottle.this) {
                end();
                counter(pair).pending--;
                counter(alone).pending--;
            }
        }

        private void end() {
            if (ended) {
                throw new IllegalStateException("a login attempt ends once");
            }
            ended = true;
        }
    }

    private Optional<Duration> wait(Key key, int max, Instant now) {
        Counter counter = counters.get(key);
        if (counter == null) {
            return Optional.empty();
        }
        if (now.isBefore(counter.lockedUntil)) {
            return Optional.of(atLeastASecond(Duration.between(now, counter.lockedUntil)));
        }
        if (counter.lockouts > 0 && !now.isBefore(counter.lockedUntil.plus(limits.maxLockout()))) {
            counter.lockouts = 0; // quiet for a whole ceiling since its last lockout: it starts afresh
        }
        prune(counter, now);
        return counter.failures.size() + counter.pending >= max ? Optional.of(IN_FLIGHT_WAIT) : Optional.empty();
    }

    private boolean fail(Counter counter, int max, Instant now) {
        counter.pending--;
        prune(counter, now);
        counter.failures.addLast(now);
        if (counter.failures.size() < max) {
            return false;
        }
        counter.lockouts++;
        counter.lockedUntil = now.plus(lockout(counter.lockouts));
        counter.failures.clear();
        return true;
    }

    /** The first lockout, doubled for each one before it, at most the ceiling. */
    private Duration lockout(int count) {
        Duration lockout = limits.firstLockout();
        for (int i = 1; i < count && lockout.compareTo(limits.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(limits.maxLockout()) > 0 ? limits.maxLockout() : lockout;
    }

    private Counter counter(Key key) {
        return counters.computeIfAbsent(key, k -> new Counter());
    }

    private void prune(Counter counter, Instant now) {
        while (!counter.failures.isEmpty() && !counter.failures.peekFirst().plus(limits.firstLockout()).isAfter(now)) {
            counter.failures.removeFirst();
        }
    }

    private boolean idle(Counter counter, Instant now) {
        prune(counter, now);
        return counter.pending == 0 && counter.failures.isEmpty() && !now.isBefore(counter.lockedUntil)
                && (counter.lockouts == 0 || !now.isBefore(counter.lockedUntil.plus(limits.maxLockout())));
    }

    private static void reset(Counter counter) {
        counter.failures.clear();
        counter.lockouts = 0;
        counter.lockedUntil = Instant.MIN;
    }

    private static Duration atLeastASecond(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private static Optional<Duration> longer(Optional<Duration> a, Optional<Duration> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().compareTo(b.get()) >= 0 ? a.get() : b.get());
        }
        return a.isPresent() ? a : b;
    }
}
