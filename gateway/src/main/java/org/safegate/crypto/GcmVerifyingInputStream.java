package org.safegate.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
 * <p>Why not {@code Cipher} "AES/GCM" in decrypt mode: the JDK's GCM buffers the whole ciphertext
 * until the tag verifies, so memory would grow with the file. Like any streaming AEAD reader this
 * one returns plaintext before the tag is checked; callers must discard it unless the end of the
 * stream is reached without an exception.
 */
final class GcmVerifyingInputStream extends InputStream {
    static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    private static final int CHUNK = 8192;
    private static final long MAX_BYTES = ((1L << 32) - 2) * 16;

    private final InputStream in;
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

    GcmVerifyingInputStream(InputStream in, SecretKey key, byte[] nonce) throws GeneralSecurityException {
        if (nonce.length != NONCE_LENGTH) {
            throw new GeneralSecurityException("GCM nonce must be 12 bytes, found " + nonce.length);
        }
        this.in = in;
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
        while (outPos == outLen) {
            if (finished) {
                return -1;
            }
            fill();
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
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-GCM failed", e);
        }
        byte[] received = java.util.Arrays.copyOf(input, TAG_LENGTH);
        if (!MessageDigest.isEqual(expected, received)) {
            throw new IOException("GCM tag mismatch", new AEADBadTagException("tag mismatch"));
        }
        tag = received;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
