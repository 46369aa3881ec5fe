package org.safegate.crypto;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1SequenceParser;
import org.bouncycastle.asn1.ASN1StreamParser;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfoParser;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.CMSTypedStream;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientId;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Store;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;

/**
 * Reads a sealed file in one streaming pass: AuthEnvelopedData addressed to the recipient, then
 * the SignedData inside it. Writes the signed content as it goes, so what it writes is NOT yet
 * verified: the caller must discard it unless {@link #read} returns normally and the signature
 * then verifies. Returns the signer information for that verification.
 */
final class CmsReader {
    private static final int BUFFER = 64 * 1024;

    /** The signature to verify, the certificates that came with it, and the content size. */
    record Signed(SignerInformation signer, Store<X509CertificateHolder> certificates, long size) {
    }

    private final Identity recipient;
    private final AlgorithmSuite suite;

    CmsReader(Identity recipient, AlgorithmSuite suite) {
        this.recipient = recipient;
        this.suite = suite;
    }

    /**
     * Reads {@code sealed}, writing the (unverified) content to {@code content}. {@code limit}
     * bounds every declared ASN.1 length, so a forged length cannot make the parser allocate
     * more than the input could hold; pass the input's size.
     */
    Signed read(InputStream sealed, long limit, OutputStream content) {
        int asn1Limit = (int) Math.min(Integer.MAX_VALUE, Math.max(limit, 0));
        BufferedInputStream decrypted = new BufferedInputStream(decrypt(sealed, asn1Limit), BUFFER);
        try {
            Signed signed = readSigned(decrypted, asn1Limit, content);
            if (drain(decrypted) > 0) {
                throw new SafegateException(ErrorCode.CRYPTO_MALFORMED, "data after the signed content");
            }
            return signed;
        } catch (RuntimeException | IOException | CMSException | OperatorCreationException | StackOverflowError e) {
            if (!Failures.isTagFailure(e) && tagFails(decrypted)) {
                // the structure looked wrong because the ciphertext was altered: report the cause
                throw new SafegateException(ErrorCode.CRYPTO_DECRYPT_FAILED,
                        "authenticated decryption failed: the file was altered or damaged", e);
            }
            throw Failures.reading(e);
        }
    }

    private InputStream decrypt(InputStream sealed, int limit) {
        try {
            BufferedInputStream in = new BufferedInputStream(sealed, BUFFER);
            requireContentType(in, limit, CMSObjectIdentifiers.authEnvelopedData, "AuthEnvelopedData (encrypted)");
            CMSAuthEnvelopedDataParser envelope = new CMSAuthEnvelopedDataParser(new ASN1InputStream(in, limit));
            RecipientInformation info = envelope.getRecipientInfos()
                    .get(new JceKeyTransRecipientId(recipient.certificate()));
            if (info == null) {
                throw new SafegateException(ErrorCode.CRYPTO_NOT_RECIPIENT,
                        "the file is not encrypted to " + recipient.subject());
            }
            ASN1ObjectIdentifier keyTransport = new ASN1ObjectIdentifier(info.getKeyEncryptionAlgOID());
            if (!suite.acceptsKeyTransport(keyTransport)) {
                throw new SafegateException(ErrorCode.CRYPTO_ALGORITHM_REJECTED,
                        "key transport algorithm not accepted: " + keyTransport);
            }
            if (!suite.acceptsContentEncryption(envelope.getEncryptionAlgOID())) {
                throw new SafegateException(ErrorCode.CRYPTO_ALGORITHM_REJECTED, "content encryption not accepted: "
                        + envelope.getEncryptionAlgOID().getAlgorithm() + " (AES-256-GCM, 12-byte nonce, 16-byte tag is)");
            }
            var operator = new JdkGcmRecipient(recipient.privateKey());
            CMSTypedStream stream;
            try {
                stream = info.getContentStream(operator);
            } catch (CMSException e) {
                throw new SafegateException(ErrorCode.CRYPTO_NOT_RECIPIENT,
                        "the content key cannot be unwrapped with the key of " + recipient.subject(), e);
            }
            return stream.getContentStream();
        } catch (RuntimeException | IOException | CMSException | StackOverflowError e) {
            throw Failures.reading(e);
        }
    }

    private Signed readSigned(BufferedInputStream in, int limit, OutputStream content)
            throws IOException, CMSException, OperatorCreationException {
        requireContentType(in, limit, CMSObjectIdentifiers.signedData, "SignedData inside the encryption");
        CMSSignedDataParser parser = new CMSSignedDataParser(new RestrictedDigests(suite), new ASN1InputStream(in, limit));
        if (!CMSObjectIdentifiers.data.getId().equals(parser.getSignedContentTypeOID())) {
            throw new SafegateException(ErrorCode.CRYPTO_MALFORMED,
                    "signed content is not plain data (nested CMS is not accepted): " + parser.getSignedContentTypeOID());
        }
        CMSTypedStream signedContent = parser.getSignedContent();
        if (signedContent == null) {
            throw new SafegateException(ErrorCode.CRYPTO_SIGNATURE_INVALID, "the signed content is missing (detached)");
        }
        long size = copy(signedContent.getContentStream(), content);
        var signers = parser.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new SafegateException(ErrorCode.CRYPTO_SIGNATURE_INVALID,
                    "expected exactly one signer, found " + signers.size());
        }
        @SuppressWarnings("unchecked")
        Store<X509CertificateHolder> certificates = parser.getCertificates();
        return new Signed(signers.iterator().next(), certificates, size);
    }

    /** Checks the ContentInfo type without consuming anything, for a clear message on the wrong kind of file. */
    private static void requireContentType(BufferedInputStream in, int limit, ASN1ObjectIdentifier expected,
                                           String name) throws IOException {
        in.mark(BUFFER);
        ASN1Encodable first = new ASN1StreamParser(in, limit).readObject();
        if (first == null) {
            throw new SafegateException(ErrorCode.CRYPTO_MALFORMED, "empty input, expected " + name);
        }
        if (!(first instanceof ASN1SequenceParser sequence)) {
            throw new SafegateException(ErrorCode.CRYPTO_MALFORMED, "not a CMS structure, expected " + name);
        }
        ASN1ObjectIdentifier type = new ContentInfoParser(sequence).getContentType();
        in.reset();
        if (!expected.equals(type)) {
            throw new SafegateException(ErrorCode.CRYPTO_MALFORMED, "expected " + name + ", found content type " + type);
        }
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static long drain(InputStream in) throws IOException {
        return copy(in, OutputStream.nullOutputStream());
    }

    private static boolean tagFails(InputStream decrypted) {
        try {
            drain(decrypted);
            return false;
        } catch (IOException | RuntimeException e) {
            return Failures.isTagFailure(e);
        }
    }
}
