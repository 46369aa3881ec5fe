package org.safegate.crypto;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.OperatorCreationException;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;

/**
 * A file an agency signed before dropping it (as {@code openssl cms -sign -nodetach} makes): the
 * signature is verified in one streaming pass, and the signer must be exactly the certificate the
 * agency registered, valid and trusted. The file travels on as it is, so the recipient can verify
 * the agency's signature too; the digest of the signed content is what redisclosure compares.
 *
 * <p>The algorithms are held to the same {@link AlgorithmSuite} as sealed files: a digest outside
 * SHA-2 (MD5, SHA-1) is refused before any content is hashed, and the signer's key must be RSA of
 * 2048 bits or more or EC of 256 bits or more. A file made with weak algorithms proves little
 * about who made it, however well it verifies.
 */
public final class SignedInput {
    /** DER of the OID 1.2.840.113549.1.7.2 (id-signedData). */
    private static final byte[] SIGNED_DATA_OID = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7,
        0x0D, 0x01, 0x07, 0x02};

    /** The verified signer and the SHA-256 of the signed content. */
    /** The signer, the SHA-256 of the signed content, and that of the whole file as it was read to check it. */
    public record Verified(X509Certificate signer, String contentSha256, String fileSha256) {
    }

    private SignedInput() {
    }

    /** True when the file begins as a CMS ContentInfo of type signedData. */
    public static boolean looksSigned(Path file) throws IOException {
        byte[] head = new byte[32];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read < 2 + SIGNED_DATA_OID.length || head[0] != 0x30) {
            return false;
        }
        for (int start = 2; start + SIGNED_DATA_OID.length <= read && start <= 6; start++) {
            if (java.util.Arrays.equals(head, start, start + SIGNED_DATA_OID.length, SIGNED_DATA_OID, 0,
                    SIGNED_DATA_OID.length)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Verifies the signature and that {@code registered} made it, trusted at {@code at}; throws a
     * {@link SafegateException} naming what failed: {@code CRYPTO_ALGORITHM_REJECTED} for a digest
     * or signature algorithm the suite refuses, {@code CERT_WEAK_KEY} for a signer key too small,
     * else another CRYPTO_* or CERT_* code.
     */
    public static Verified verify(Path file, X509Certificate registered, CertificateVerifier verifier, Instant at) {
        return verify(file, registered, verifier, at, OutputStream.nullOutputStream());
    }

    /**
     * As {@link #verify(Path, X509Certificate, CertificateVerifier, Instant)}, writing the signed
     * content to {@code content} as it is read, BEFORE the signature is verified: the caller must
     * discard what it received when this throws. For a signed document the gateway reads itself
     * (a certificate of disposal), held to the same rules as any signed input.
     */
    public static Verified verifyWithContent(Path file, X509Certificate registered, CertificateVerifier verifier,
                                             Instant at, OutputStream content) {
        return verify(file, java.util.Objects.requireNonNull(registered, "registered"), verifier, at, content);
    }

    /**
     * As {@link #verify(Path, X509Certificate, CertificateVerifier, Instant)}, writing the signed
     * content to {@code content} BEFORE it is verified (callers discard it when this throws); with
     * {@code registered} null, any signer whose certificate is in the file and that the verifier
     * trusts.
     */
    static Verified verify(Path file, X509Certificate registered, CertificateVerifier verifier, Instant at,
                           OutputStream contentOut) {
        AlgorithmSuite suite = AlgorithmSuite.DEFAULT;
        MessageDigest whole;
        try {
            whole = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new BufferedInputStream(new DigestInputStream(Files.newInputStream(file), whole),
                64 * 1024)) {
            CMSSignedDataParser parser = new CMSSignedDataParser(new RestrictedDigests(suite), in);
            for (AlgorithmIdentifier digest : parser.getDigestAlgorithmIDs()) {
                if (!suite.acceptsDigest(digest.getAlgorithm())) {
                    throw new SafegateException(ErrorCode.CRYPTO_ALGORITHM_REJECTED,
                            "digest algorithm not accepted: " + digest.getAlgorithm() + " (SHA-256, SHA-384, SHA-512 are)");
                }
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            if (parser.getSignedContent() == null) {
                throw new SafegateException(ErrorCode.CRYPTO_SIGNATURE_INVALID, "the signed content is not in the file");
            }
            try (InputStream content = new DigestInputStream(parser.getSignedContent().getContentStream(), sha256)) {
                content.transferTo(contentOut);
            }
            var signers = parser.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                throw new SafegateException(ErrorCode.CRYPTO_SIGNATURE_INVALID, "expected one signer, found "
                        + signers.size());
            }
            SignerInformation signer = signers.iterator().next();
            Opener.requireAcceptedAlgorithms(signer, suite);
            X509Certificate certificate = Opener.signerCertificate(new CmsReader.Signed(signer, parser.getCertificates(),
                    0), registered);
            var weakKey = CertificateVerifier.weakKey(certificate.getPublicKey());
            if (weakKey.isPresent()) {
                throw new SafegateException(ErrorCode.CERT_WEAK_KEY, "the signer's " + weakKey.get().detail()
                        + " is too weak (RSA of 2048 bits or EC of 256 bits at least)");
            }
            Opener.verifySignature(signer, certificate);
            verifier.require(certificate, at, Purpose.SIGNING);
            // the rest of the file counts too: the digest is of the file as it was read for this check
            in.transferTo(OutputStream.nullOutputStream());
            return new Verified(certificate, HexFormat.of().formatHex(sha256.digest()),
                    HexFormat.of().formatHex(whole.digest()));
        } catch (CMSException | OperatorCreationException | IOException | NoSuchAlgorithmException
                 | RuntimeException e) {
            if (e instanceof SafegateException se) {
                throw se;
            }
            if (e instanceof Failures.RejectedAlgorithm) {
                throw new SafegateException(ErrorCode.CRYPTO_ALGORITHM_REJECTED, e.getMessage(), e);
            }
            throw new SafegateException(ErrorCode.CRYPTO_MALFORMED, "the signed file cannot be read: " + e.getMessage(), e);
        }
    }
}
