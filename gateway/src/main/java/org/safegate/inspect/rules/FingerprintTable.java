package org.safegate.inspect.rules;

/**
 * Counts 64-bit fingerprints in one primitive array (open addressing, linear probing, at most three
 * quarters full): 16 bytes a slot, 21 to 43 bytes per distinct fingerprint, so 1.28 million distinct
 * ids take 32 MB where a {@code HashSet<String>} of the ids would take several hundred. Serves both as a set (duplicate ids) and as a
 * counter (reason fingerprints). Not thread-safe: one inspection owns it.
 *
 * <p>Each key sits next to its count ({@code slots[2i]}, {@code slots[2i + 1]}): with a million
 * random keys nearly every look-up misses the CPU caches, and one miss is cheaper than two.
 */
public final class FingerprintTable {
    private static final long EMPTY = 0L;
    private static final int MIN_CAPACITY = 1 << 12;

    private long[] slots;
    private int size;
    private int zeroCount;
    private boolean hasZero;

    public FingerprintTable() {
        this(0);
    }

    /** A table that holds {@code expected} distinct keys without growing. */
    public FingerprintTable(long expected) {
        int capacity = MIN_CAPACITY;
        while (capacity < (1 << 29) && capacity / 4 * 3 < expected) {
            capacity *= 2;
        }
        slots = new long[capacity * 2];
    }

    /** Adds one occurrence and returns how many there were before. */
    public int increment(long key) {
        if (key == EMPTY) {
            // zero marks a free slot, so the zero fingerprint is counted apart
            int before = zeroCount;
            zeroCount++;
            hasZero = true;
            return before;
        }
        int slot = slot(key);
        if (slots[slot] == key) {
            return (int) slots[slot + 1]++;
        }
        slots[slot] = key;
        slots[slot + 1] = 1;
        size++;
        if (size > capacity() / 4 * 3) {
            grow();
        }
        return 0;
    }

    public int count(long key) {
        if (key == EMPTY) {
            return hasZero ? zeroCount : 0;
        }
        int slot = slot(key);
        return slots[slot] == key ? (int) slots[slot + 1] : 0;
    }

    public int size() {
        return size + (hasZero ? 1 : 0);
    }

    /**
     * A table of only the keys counted more than {@code threshold} times, with their counts: a
     * handful of boilerplate reasons fit in the CPU cache, where the full table does not.
     */
    public FingerprintTable above(long threshold) {
        FingerprintTable frequent = new FingerprintTable();
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != EMPTY && slots[i + 1] > threshold) {
                frequent.put(slots[i], slots[i + 1]);
            }
        }
        if (hasZero && zeroCount > threshold) {
            frequent.hasZero = true;
            frequent.zeroCount = zeroCount;
        }
        return frequent;
    }

    private int capacity() {
        return slots.length / 2;
    }

    /** The index of the key's slot, or of the free slot where it belongs. */
    private int slot(long key) {
        int mask = capacity() - 1;
        int index = (int) (key ^ (key >>> 32)) & mask;
        while (slots[2 * index] != EMPTY && slots[2 * index] != key) {
            index = (index + 1) & mask;
        }
        return 2 * index;
    }

    private void put(long key, long count) {
        int slot = slot(key);
        slots[slot] = key;
        slots[slot + 1] = count;
        size++;
        if (size > capacity() / 4 * 3) {
            grow();
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                put(old[i], old[i + 1]);
            }
        }
    }
}
