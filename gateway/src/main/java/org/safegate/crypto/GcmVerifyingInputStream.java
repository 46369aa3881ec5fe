package org.safegate.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * Streaming AES-GCM decryption on the JDK's AES-NI/CLMUL code: the input is ciphertext followed
 * by the 16-byte tag. Decrypts with AES-CTR (GCM's keystream starts at counter 2 after a 96-bit
 * nonce) and recomputes the tag by GCM-encrypting the recovered plaintext, which yields the same
 * ciphertext and so the same tag. At the end of the input the tags are compared in constant time;
 * a mismatch throws an {@link IOException} caused by {@link AEADBadTagException}.
 *
 * <p>Associated data may arrive late, while the ciphertext streams (CMS AuthEnvelopedData sends its
 * authenticated attributes after the content): whatever {@code associatedData} supplies when the
 * end is reached is authenticated with {@link GcmLateAad}.
 *
 * <p>Why not {@code Cipher} "AES/GCM" in decrypt mode: the JDK's GCM buffers the whole ciphertext
 * until the tag verifies, so memory would grow with the file. Like any streaming AEAD reader this
 * one returns plaintext before the tag is checked; callers must discard it unless the end of the
 * stream is reached without an exception. Once a read failed (tag mismatch, truncated input, a
 * failing source), every later read throws again: nothing after a failure looks like a clean end.
 */
final class GcmVerifyingInputStream extends InputStream {
    static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    private static final int CHUNK = 8192;
    private static final long MAX_BYTES = ((1L << 32) - 2) * 16;

    private final InputStream in;
    private final SecretKey key;
    private final Supplier<byte[]> associatedData;
    private final Cipher ctr;
    private final Cipher gcm;
    private final byte[] input = new byte[CHUNK + TAG_LENGTH];
    private final byte[] output = new byte[CHUNK + TAG_LENGTH];
    private final byte[] scratch = new byte[CHUNK + 2 * TAG_LENGTH];
    private int held;
    private int outPos;
    private int outLen;
    private long total;
    private boolean finished;
    private byte[] tag;
    private IOException failure;

    GcmVerifyingInputStream(InputStream in, SecretKey key, byte[] nonce) throws GeneralSecurityException {
        this(in, key, nonce, () -> new byte[0]);
    }

    /** With associated data that is known by the time the input ends ({@code associatedData} is read then). */
    GcmVerifyingInputStream(InputStream in, SecretKey key, byte[] nonce, Supplier<byte[]> associatedData)
            throws GeneralSecurityException {
        if (nonce.length != NONCE_LENGTH) {
            throw new GeneralSecurityException("GCM nonce must be 12 bytes, found " + nonce.length);
        }
        this.in = in;
        this.key = key;
        this.associatedData = associatedData;
        byte[] counter = new byte[16];
        System.arraycopy(nonce, 0, counter, 0, NONCE_LENGTH);
        counter[15] = 2;
        this.ctr = Cipher.getInstance("AES/CTR/NoPadding", Providers.jdkCipher());
        ctr.init(Cipher.DECRYPT_MODE, key, new IvParameterSpec(counter));
        this.gcm = Cipher.getInstance("AES/GCM/NoPadding", Providers.jdkCipher());
        gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    }

    /** The verified tag, once the stream reached its end; null before. */
    byte[] tag() {
        return tag == null ? null : tag.clone();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw new IOException("an earlier read failed: " + failure.getMessage(), failure);
        }
        try {
            while (outPos == outLen) {
                if (finished) {
                    return -1;
                }
                fill();
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException("AES-GCM failed", e);
            throw e;
        }
        int n = Math.min(length, outLen - outPos);
        System.arraycopy(output, outPos, buffer, offset, n);
        outPos += n;
        return n;
    }

    private void fill() throws IOException {
        int n = in.read(input, held, input.length - held);
        if (n < 0) {
            finish();
            return;
        }
        held += n;
        int ready = held - TAG_LENGTH;
        if (ready <= 0) {
            return;
        }
        total += ready;
        if (total > MAX_BYTES) {
            throw new IOException("GCM content longer than the mode allows");
        }
        try {
            outLen = ctr.update(input, 0, ready, output, 0);
            gcm.update(output, 0, outLen, scratch, 0);
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed", e);
        }
        outPos = 0;
        System.arraycopy(input, ready, input, 0, TAG_LENGTH);
        held = TAG_LENGTH;
    }

    private void finish() throws IOException {
        finished = true;
        outPos = 0;
        outLen = 0;
        if (held != TAG_LENGTH) {
            throw new IOException("GCM tag missing", new AEADBadTagException("input shorter than the tag"));
        }
        byte[] expected;
        try {
            byte[] last = gcm.doFinal();
            expected = java.util.Arrays.copyOfRange(last, last.length - TAG_LENGTH, last.length);
            byte[] aad = associatedData.get();
            if (aad.length > 0) {
                expected = GcmLateAad.correct(expected, hashKey(), aad, total);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed", e);
        }
        byte[] received = java.util.Arrays.copyOf(input, TAG_LENGTH);
        if (!MessageDigest.isEqual(expected, received)) {
            throw new IOException("GCM tag mismatch", new AEADBadTagException("tag mismatch"));
        }
        tag = received;
    }

    /** GCM's hash key H: the zero block encrypted under the content key (one block, so ECB is exact). */
    private byte[] hashKey() throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding", Providers.jdkCipher());
        aes.init(Cipher.ENCRYPT_MODE, key);
        return aes.doFinal(new byte[16]);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
