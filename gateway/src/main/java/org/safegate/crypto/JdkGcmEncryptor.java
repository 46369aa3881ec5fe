package org.safegate.crypto;

import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JceGenericKey;

/**
 * AES-256-GCM content encryption for CMS on the JDK's cipher, fed in fixed slices into a reused
 * buffer (the JDK's GCM reaches its compiled AES-NI/CLMUL path much sooner that way than with
 * large, allocating updates). A fresh random key and 96-bit nonce per message; the 16-byte tag
 * goes into the AuthEnvelopedData mac field, not after the ciphertext.
 */
final class JdkGcmEncryptor implements OutputAEADEncryptor {
    private static final int SLICE = 8192;
    private static final int TAG_LENGTH = 16;

    private final AlgorithmIdentifier algorithm;
    private final SecretKeySpec key;
    private final Cipher cipher;
    private byte[] mac;

    JdkGcmEncryptor(AlgorithmSuite suite, SecureRandom random) throws GeneralSecurityException {
        byte[] keyBytes = new byte[32];
        byte[] nonce = new byte[GcmVerifyingInputStream.NONCE_LENGTH];
        random.nextBytes(keyBytes);
        random.nextBytes(nonce);
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.algorithm = new AlgorithmIdentifier(suite.contentEncryption(), new GCMParameters(nonce, TAG_LENGTH));
        this.cipher = Cipher.getInstance("AES/GCM/NoPadding", Providers.jdkCipher());
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return algorithm;
    }

    @Override
    public GenericKey getKey() {
        return new JceGenericKey(algorithm, key);
    }

    @Override
    public OutputStream getAADStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                cipher.updateAAD(new byte[] {(byte) b});
            }

            @Override
            public void write(byte[] b, int off, int len) {
                cipher.updateAAD(b, off, len);
            }
        };
    }

    @Override
    public byte[] getMAC() {
        return mac == null ? null : mac.clone();
    }

    /** Encrypts into {@code out}; closing it writes the last block and keeps the tag, but leaves {@code out} open. */
    @Override
    public OutputStream getOutputStream(OutputStream out) {
        return new OutputStream() {
            private final byte[] buffer = new byte[SLICE + 2 * TAG_LENGTH];
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    for (int done = 0; done < len; done += SLICE) {
                        int n = cipher.update(b, off + done, Math.min(SLICE, len - done), buffer, 0);
                        out.write(buffer, 0, n);
                    }
                } catch (GeneralSecurityException e) {
                    throw new IOException("AES-GCM encryption failed", e);
                }
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    byte[] last = cipher.doFinal();
                    out.write(last, 0, last.length - TAG_LENGTH);
                    mac = Arrays.copyOfRange(last, last.length - TAG_LENGTH, last.length);
                } catch (GeneralSecurityException e) {
                    throw new IOException("AES-GCM encryption failed", e);
                }
            }
        };
    }
}
