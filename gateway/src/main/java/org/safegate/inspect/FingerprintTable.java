package org.safegate.inspect;

/**
 * Counts 64-bit fingerprints in two primitive arrays (open addressing, linear probing, at most three
 * quarters full): 16 to 32 bytes per distinct fingerprint, so 1.28 million distinct ids take 25 MB
 * where a {@code HashSet<String>} of the ids would take several hundred. Serves both as a set (duplicate ids) and as a
 * counter (reason fingerprints). Not thread-safe: one inspection owns it.
 */
final class FingerprintTable {
    private static final long EMPTY = 0L;

    private long[] keys;
    private int[] counts;
    private int size;
    private int zeroCount;
    private boolean hasZero;

    FingerprintTable() {
        keys = new long[1 << 12];
        counts = new int[1 << 12];
    }

    /** Adds one occurrence and returns how many there were before. */
    int increment(long key) {
        if (key == EMPTY) {
            // zero marks a free slot, so the zero fingerprint is counted apart
            int before = zeroCount;
            zeroCount++;
            hasZero = true;
            return before;
        }
        int slot = slot(key);
        if (keys[slot] == key) {
            return counts[slot]++;
        }
        keys[slot] = key;
        counts[slot] = 1;
        size++;
        if (size > keys.length / 4 * 3) {
            grow();
        }
        return 0;
    }

    int count(long key) {
        if (key == EMPTY) {
            return hasZero ? zeroCount : 0;
        }
        int slot = slot(key);
        return keys[slot] == key ? counts[slot] : 0;
    }

    int size() {
        return size + (hasZero ? 1 : 0);
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
