package org.safegate.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;
import org.bouncycastle.cms.CMSAuthEnvelopedDataStreamGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataStreamGenerator;
import org.bouncycastle.operator.jcajce.JceAsymmetricKeyWrapper;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;

/**
 * Seals content for one recipient: signs it with the sender's identity (CMS SignedData, content
 * encapsulated, signer certificate included), then encrypts the signed structure to the
 * recipient's certificate (CMS AuthEnvelopedData). Algorithms come from the {@link AlgorithmSuite}.
 *
 * <p>Security guarantees: only the holder of the recipient's private key can read the content,
 * and the recipient can check who signed it and that nothing was changed. Streaming: memory use
 * does not depend on the content size. The output is binary ASN.1 (BER with indefinite lengths,
 * as streaming requires), which {@code openssl cms -inform DER} reads.
 *
 * <p>This class does not decide whether the recipient's certificate is trusted; callers check it
 * with {@link CertificateVerifier} first. It does refuse keys that are too weak or of the wrong
 * usage.
 *
 * <p>One sealer may seal for several threads at once: each call builds its own generators.
 */
public final class Sealer {
    private static final int CHUNK = 4096;

    private final Identity signer;
    private final AlgorithmSuite suite;
    private final SecureRandom random = new SecureRandom();
    private final CmsSigner cmsSigner;

    /** @param clock dates each signature (the signingTime the recipient sees) */
    public Sealer(Identity signer, Clock clock) {
        this(signer, AlgorithmSuite.DEFAULT, clock);
    }

    public Sealer(Identity signer, AlgorithmSuite suite, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.suite = Objects.requireNonNull(suite, "suite");
        requireUsable(signer.certificate(), Purpose.SIGNING);
        this.cmsSigner = new CmsSigner(signer, suite, clock);
    }

    /** Whose signature the sealed files carry. */
    public Identity signer() {
        return signer;
    }

    /** Seals a file into a new file; the output appears only when sealing completed. */
    public void seal(Path plaintext, Path sealed, X509Certificate recipient) {
        try (AtomicFile out = AtomicFile.create(sealed)) {
            try (InputStream in = Files.newInputStream(plaintext); OutputStream os = out.newOutputStream()) {
                seal(in, os, recipient);
            } catch (NoSuchFileException e) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "input file not found: " + plaintext, e);
            } catch (IOException e) {
                throw new SafegateException(ErrorCode.IO_FAILURE, "cannot seal " + plaintext, e);
            }
            out.commit();
        }
    }

    /** Reads {@code plaintext} to its end and writes the sealed form; closes neither stream. */
    public void seal(InputStream plaintext, OutputStream sealed, X509Certificate recipient) {
        try (OutputStream envelope = openEnvelope(sealed, recipient);
             OutputStream signed = openSignature(envelope)) {
            plaintext.transferTo(signed);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "sealing failed while streaming", e);
        }
    }

    /**
     * Signs without encrypting, the content encapsulated: what an agency drops as signed input (a
     * certificate of disposal, say) is this, as {@code openssl cms -sign -nodetach -binary} makes it.
     */
    public void sign(InputStream plaintext, OutputStream signed) {
        try (OutputStream out = openSignature(signed)) {
            plaintext.transferTo(out);
        } catch (IOException e) {
            throw new SafegateException(ErrorCode.IO_FAILURE, "signing failed while streaming", e);
        }
    }

    /** The AuthEnvelopedData layer alone: what is written to the result is encrypted to the recipient. */
    OutputStream openEnvelope(OutputStream out, X509Certificate recipient) throws IOException {
        requireUsable(recipient, Purpose.ENCRYPTION);
        if (!(recipient.getPublicKey() instanceof RSAPublicKey)) {
            throw new SafegateException(ErrorCode.CERT_WEAK_KEY, "recipient key must be RSA for key transport");
        }
        try {
            var wrapper = new JceAsymmetricKeyWrapper(suite.keyTransport(), recipient.getPublicKey())
                    .setProvider(Providers.BC);
            var generator = new CMSAuthEnvelopedDataStreamGenerator();
            generator.addRecipientInfoGenerator(new IssuerSerialRecipient(recipient, wrapper));
            generator.setBufferSize(CHUNK);
            return generator.open(out, new JdkGcmEncryptor(suite, random));
        } catch (CMSException | GeneralSecurityException e) {
            throw new SafegateException(ErrorCode.CRYPTO_FAILURE, "cannot encrypt to "
                    + recipient.getSubjectX500Principal().getName(), e);
        }
    }

    /** The SignedData layer alone: what is written to the result is signed, content encapsulated. */
    OutputStream openSignature(OutputStream out) throws IOException {
        var generator = new CMSSignedDataStreamGenerator();
        cmsSigner.addTo(generator);
        generator.setBufferSize(CHUNK);
        return generator.open(out, true);
    }

    private static void requireUsable(X509Certificate certificate, Purpose purpose) {
        var failure = CertificateVerifier.weakKey(certificate.getPublicKey())
                .or(() -> CertificateVerifier.keyUsage(certificate, purpose));
        if (failure.isPresent()) {
            throw new SafegateException(failure.get().code(), "certificate "
                    + certificate.getSubjectX500Principal().getName() + ": " + failure.get().detail());
        }
    }
}
