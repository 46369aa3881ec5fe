package org.safegate.inspect;

/**
 * A 64-bit fingerprint of a string (FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser
 * to spread the bits). Two different strings share a fingerprint with probability about 2^-64; for
 * the 1.28 million ids of the case the chance of any false duplicate is about 1 in 20 million.
 * Not a cryptographic hash: a requester able to craft a collision only harms its own request.
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static long of(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
