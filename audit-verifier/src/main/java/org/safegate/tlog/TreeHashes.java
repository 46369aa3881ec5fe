package org.safegate.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of an RFC 9162 (Certificate Transparency 2.0) Merkle tree, section 2.1.1: a leaf is
 * SHA-256(0x00 || data), an interior node SHA-256(0x01 || left || right), the empty tree SHA-256("").
 * The prefixes keep a leaf from ever passing for a node and the other way round.
 */
public final class TreeHashes {
    private static final HexFormat HEX = HexFormat.of();
    // a digest per thread: looking one up costs more than hashing a small event
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TreeHashes::newSha256);

    private TreeHashes() {
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest digest = SHA256.get();
        digest.update((byte) 0);
        return digest.digest(data);
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = SHA256.get();
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    public static byte[] emptyRoot() {
        return SHA256.get().digest(new byte[0]);
    }

    public static String hex(byte[] hash) {
        return HEX.formatHex(hash);
    }

    /** Parses a lower- or upper-case hex hash of 32 bytes; anything else is an {@link IllegalArgumentException}. */
    public static byte[] fromHex(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 hash is 64 hex digits, not '" + hex + "'");
        }
        return HEX.parseHex(hex);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
