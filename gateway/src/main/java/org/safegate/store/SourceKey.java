package org.safegate.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the journal keys a file by its place in the outbox: the relative path itself, or, for a path
 * longer than the column, its digest (a key only needs to be stable).
 */
final class SourceKey {
    private static final int LONGEST_SOURCE = 1000;
    private static final String DIGEST_PREFIX = "sha256:";

    private SourceKey() {
    }

    static String of(String sourcePath) {
        if (sourcePath.length() <= LONGEST_SOURCE) {
            return sourcePath;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourcePath.getBytes(StandardCharsets.UTF_8));
            return DIGEST_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether a stored key is the path itself (not the digest of a long one). */
    static boolean isPath(String key) {
        return key.length() <= LONGEST_SOURCE && !key.startsWith(DIGEST_PREFIX);
    }
}
