package org.safegate.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many failed logins within the lockout period, for one
 * operator id or from one client address, further attempts are refused (429 with Retry-After)
 * until the oldest failure is older than the period, even with the right password.
 */
public final class LoginThrottle {
    /** Bounds memory when someone tries a great many names or addresses. */
    private static final int MAX_TRACKED = 10_000;

    private final int maxPerUser;
    private final int maxPerAddress;
    private final Duration period;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int maxPerUser, int maxPerAddress, Duration period, Clock clock) {
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.period = period;
        this.clock = clock;
    }

    /** How long the client must wait before trying again; empty when it may try now. */
    public Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Optional<Duration> byUser = wait("user:" + user, maxPerUser, now);
        Optional<Duration> byAddress = wait("address:" + address, maxPerAddress, now);
        if (byUser.isPresent() && byAddress.isPresent()) {
            return Optional.of(byUser.get().compareTo(byAddress.get()) >= 0 ? byUser.get() : byAddress.get());
        }
        return byUser.isPresent() ? byUser : byAddress;
    }

    /** Counts a failed login; returns true when this failure starts a lockout. */
    public boolean failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        boolean userLocked = record("user:" + user, maxPerUser, now);
        boolean addressLocked = record("address:" + address, maxPerAddress, now);
        return userLocked || addressLocked;
    }

    /** A successful login clears the operator's failures (the address's stay until they expire). */
    public void succeeded(String user) {
        failures.remove("user:" + user);
    }

    private boolean record(String key, int max, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            return times.size() == max;
        }
    }

    private Optional<Duration> wait(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < max) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(period)));
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(period).isAfter(now)) {
            times.removeFirst();
        }
    }

    private boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            prune(times, now);
            return times.isEmpty();
        }
    }
}
