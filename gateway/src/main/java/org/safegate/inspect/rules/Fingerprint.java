package org.safegate.inspect.rules;

/**
 * A 64-bit fingerprint of a string (FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser
 * to spread the bits). Two different strings share a fingerprint with probability about 2^-64; for
 * the 1.28 million ids of the case the chance of any false duplicate is about 1 in 20 million.
 * Not a cryptographic hash: a requester able to craft a collision only harms its own request.
 * {@link #START}, {@link #add} and {@link #finish} let a caller fingerprint text it never builds.
 */
public final class Fingerprint {
    static final long START = 0xcbf29ce484222325L;

    private Fingerprint() {
    }

    public static long of(String text) {
        long hash = START;
        for (int i = 0; i < text.length(); i++) {
            hash = add(hash, text.charAt(i));
        }
        return finish(hash);
    }

    static long add(long hash, char c) {
        return (hash ^ c) * 0x100000001b3L;
    }

    static long finish(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
