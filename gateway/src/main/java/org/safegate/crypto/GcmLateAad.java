package org.safegate.crypto;

import org.bouncycastle.crypto.modes.gcm.BasicGCMExponentiator;
import org.bouncycastle.crypto.modes.gcm.GCMUtil;
import org.bouncycastle.util.Pack;

/**
 * Adds associated data to a GCM tag that was computed without it.
 *
 * <p>Why: CMS AuthEnvelopedData (RFC 5083) carries its authenticated attributes after the
 * ciphertext, while GCM (NIST SP 800-38D) hashes the associated data first. A reader that streams
 * the content cannot wait for the attributes, so it lets the JDK compute the tag over the
 * ciphertext alone and corrects it here once the attributes have arrived.
 *
 * <p>How: GHASH is a polynomial in the hash key H = AES_K(0^128). With a blocks of associated data
 * A, c blocks of ciphertext and the length block last, each block of A is multiplied by
 * H^(c+1) more than in GHASH over A alone, and the length block gains len(A) in its upper half:
 * <pre>
 *   tag(A, C) = tag(empty, C) xor (H^c * GHASH_H(A) xor [bitlen(A)]_64 || 0^64) * H
 * </pre>
 * Bouncy Castle's GCMBlockCipher accepts late associated data with the same identity.
 */
final class GcmLateAad {
    private static final int BLOCK = 16;

    private GcmLateAad() {
    }

    /**
     * The tag of ({@code aad}, ciphertext) from the tag of (no aad, ciphertext).
     *
     * @param tagWithoutAad   the 16-byte tag GCM computed with no associated data
     * @param hashKey         H, the encryption of the zero block under the content key
     * @param aad             the associated data; empty returns the tag unchanged
     * @param ciphertextBytes the length of the ciphertext in bytes
     */
    static byte[] correct(byte[] tagWithoutAad, byte[] hashKey, byte[] aad, long ciphertextBytes) {
        if (aad.length == 0) {
            return tagWithoutAad.clone();
        }
        byte[] x = ghash(hashKey, aad);
        byte[] hToC = new byte[BLOCK];
        BasicGCMExponentiator exponentiator = new BasicGCMExponentiator();
        exponentiator.init(hashKey);
        exponentiator.exponentiateX((ciphertextBytes + BLOCK - 1) / BLOCK, hToC);
        GCMUtil.multiply(x, hToC);
        byte[] lengths = new byte[BLOCK];
        Pack.longToBigEndian((long) aad.length * 8, lengths, 0);
        GCMUtil.xor(x, lengths);
        GCMUtil.multiply(x, hashKey);
        GCMUtil.xor(x, tagWithoutAad);
        return x;
    }

    /** GHASH over {@code data} zero-padded to whole blocks, without a length block. */
    private static byte[] ghash(byte[] hashKey, byte[] data) {
        byte[] y = new byte[BLOCK];
        for (int offset = 0; offset < data.length; offset += BLOCK) {
            byte[] block = new byte[BLOCK];
            System.arraycopy(data, offset, block, 0, Math.min(BLOCK, data.length - offset));
            GCMUtil.xor(y, block);
            GCMUtil.multiply(y, hashKey);
        }
        return y;
    }
}
