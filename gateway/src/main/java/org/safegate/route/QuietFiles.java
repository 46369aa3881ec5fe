package org.safegate.route;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Whether a file in an outbox has stopped changing: its size and modification time have stayed
 * the same for a quiet period measured on the gateway's own monotonic clock since it first saw
 * them. Comparing the modification time with the gateway's wall clock instead (as Camel's read
 * lock does) trusts the file server's clock: an outbox on a share whose clock is behind the
 * gateway's would have a file still being written taken at first sight.
 */
final class QuietFiles {
    /** Entries of files not seen for this long are forgotten (the file was taken, or went). */
    private static final Duration FORGET = Duration.ofMinutes(1);

    private record Seen(long size, long modified, long since, long lastSeen) {
    }

    private final long quietNanos;
    private final LongSupplier nanos;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

    QuietFiles(Duration quiet, LongSupplier nanos) {
        this.quietNanos = quiet.toNanos();
        this.nanos = nanos;
    }

    /** True once the file has kept this size and time for the quiet period; the first sighting starts it. */
    boolean settled(Path file, long size, long modified) {
        long now = nanos.getAsLong();
        Seen next = seen.compute(file, (f, old) -> old != null && old.size() == size && old.modified() == modified
                ? new Seen(size, modified, old.since(), now) : new Seen(size, modified, now, now));
        if (now - next.since() >= quietNanos) {
            seen.remove(file);
            return true;
        }
        return false;
    }

    /** Forgets files not seen for a while, so a long run does not keep every name it ever saw. */
    void forgetGone() {
        long now = nanos.getAsLong();
        seen.values().removeIf(s -> now - s.lastSeen() > FORGET.toNanos());
    }

    int remembered() {
        return seen.size();
    }
}
