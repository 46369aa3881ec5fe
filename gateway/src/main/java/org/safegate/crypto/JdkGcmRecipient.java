package org.safegate.crypto;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipient;
import org.bouncycastle.operator.InputAEADDecryptor;

/**
 * A key-transport recipient for AuthEnvelopedData whose content is decrypted by
 * {@link GcmVerifyingInputStream} (JDK AES, streaming, constant memory), authenticated attributes
 * included as associated data. The content key is unwrapped by Bouncy Castle (RSA-OAEP with the
 * parameters the file names).
 */
final class JdkGcmRecipient extends JceKeyTransRecipient {

    JdkGcmRecipient(PrivateKey recipientKey) {
        super(recipientKey);
        setProvider(Providers.BC);
    }

    @Override
    public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption,
                                                  AlgorithmIdentifier contentEncryption,
                                                  byte[] encryptedContentKey) throws CMSException {
        Key key;
        try {
            key = extractSecretKey(keyEncryption, contentEncryption, encryptedContentKey);
        } catch (RuntimeException wrongKey) {
            // a wrapped key larger than this private key's modulus: Bouncy Castle's RSA engine throws unchecked
            throw new CMSException("the content key cannot be unwrapped with this private key", wrongKey);
        }
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != 32) {
            throw new CMSException("content key is not an AES-256 key");
        }
        GCMParameters parameters;
        try {
            parameters = GCMParameters.getInstance(contentEncryption.getParameters());
        } catch (IllegalArgumentException e) {
            throw new CMSException("GCM parameters cannot be decoded", e);
        }
        if (parameters.getIcvLen() != GcmVerifyingInputStream.TAG_LENGTH
                || parameters.getNonce().length != GcmVerifyingInputStream.NONCE_LENGTH) {
            throw new CMSException("GCM with a " + parameters.getIcvLen() + "-byte tag and a "
                    + parameters.getNonce().length + "-byte nonce is not accepted (16 and 12 are)");
        }
        return new RecipientOperator(new Decryptor(contentEncryption, new SecretKeySpec(encoded, "AES"),
                parameters.getNonce()));
    }

    private static final class Decryptor implements InputAEADDecryptor {
        private final AlgorithmIdentifier algorithm;
        private final SecretKeySpec key;
        private final byte[] nonce;
        private final ByteArrayOutputStream aad = new ByteArrayOutputStream();
        private GcmVerifyingInputStream stream;

        Decryptor(AlgorithmIdentifier algorithm, SecretKeySpec key, byte[] nonce) {
            this.algorithm = algorithm;
            this.key = key;
            this.nonce = nonce;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public InputStream getInputStream(InputStream encrypted) {
            try {
                stream = new GcmVerifyingInputStream(encrypted, key, nonce, aad::toByteArray);
                return stream;
            } catch (GeneralSecurityException e) {
                throw new UncheckedIOException(new java.io.IOException("AES-GCM unavailable", e));
            }
        }

        /**
         * Where Bouncy Castle writes the DER encoding of the authenticated attributes (a SET, tag
         * 0x31), which RFC 5083 makes the GCM associated data. They follow the ciphertext in the
         * file and are written when it ends, before the tag is read, so the stream can still
         * authenticate them; a file whose attributes were changed, added or removed fails the tag.
         */
        @Override
        public OutputStream getAADStream() {
            return aad;
        }

        @Override
        public byte[] getMAC() {
            return stream == null ? null : stream.tag();
        }
    }
}
