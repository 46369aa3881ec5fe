package org.safegate.admin;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How long files take from pickup to outcome, as a Prometheus histogram with fixed buckets.
 * The routes report each processed file; the metrics endpoint reads it.
 */
public final class TransferTimings {
    /** Upper bounds in seconds; the last bucket (+Inf) takes the rest. */
    static final double[] BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};

    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length + 1);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalMillis = new AtomicLong();

    public void record(long millis) {
        double seconds = millis / 1000.0;
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        buckets.incrementAndGet(bucket);
        count.incrementAndGet();
        totalMillis.addAndGet(millis);
    }

    /** Files observed in the bucket with this index (not cumulative). */
    long inBucket(int index) {
        return buckets.get(index);
    }

    long count() {
        return count.get();
    }

    double totalSeconds() {
        return totalMillis.get() / 1000.0;
    }
}
