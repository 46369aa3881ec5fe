package org.safegate.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.keys.Identity;

/**
 * Opens files sealed to the recipient's identity: decrypts, then verifies the signature and the
 * signer's certificate (at the time of opening, against the verifier's trust material).
 *
 * <p>Security guarantee: {@link #open(Path, Path)} releases nothing unverified. The content is
 * written to a temporary file in the target directory and moved into place only after the GCM tag,
 * the signature and the signer certificate all verified; on any failure the temporary file is
 * removed, no output file exists and a {@link SafegateException} names the reason.
 */
public final class Opener {
    private final Identity recipient;
    private final CertificateVerifier verifier;
    private final Clock clock;
    private final AlgorithmSuite suite;

    public Opener(Identity recipient, CertificateVerifier verifier, Clock clock) {
        this(recipient, verifier, clock, AlgorithmSuite.DEFAULT);
    }

    public Opener(Identity recipient, CertificateVerifier verifier, Clock clock, AlgorithmSuite suite) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.suite = Objects.requireNonNull(suite, "suite");
    }

    /** Opens {@code sealed} into {@code out}, accepting any signer the verifier trusts. */
    public OpenedFile open(Path sealed, Path out) {
        return open(sealed, out, null);
    }

    /**
     * Opens {@code sealed} into {@code out}; when {@code expectedSigner} is not null the file must
     * be signed with exactly that certificate (an agency's registered signing certificate).
     */
    public OpenedFile open(Path sealed, Path out, X509Certificate expectedSigner) {
        try (AtomicFile result = AtomicFile.create(out)) {
            OpenedFile opened;
            try (InputStream in = Files.newInputStream(sealed); OutputStream os = result.newOutputStream()) {
                opened = open(in, Files.size(sealed), os, expectedSigner);
            } catch (NoSuchFileException e) {
                throw new SafegateException(ErrorCode.INVALID_ARGUMENT, "input file not found: " + sealed, e);
            } catch (IOException e) {
                throw Failures.io("cannot open " + sealed, e);
            }
            if (looksSigned(result.temporary())) {
                return unwrapSender(result.temporary(), out, opened);
            }
            result.commit();
            return opened;
        }
    }

    /**
     * What the gateway signed is a file its sender signed first: that signature is verified too
     * (against the same trust anchors), and only the innermost content is written. A bad inner
     * signature fails the whole open, as a bad outer one does.
     */
    private OpenedFile unwrapSender(Path signedBySender, Path out, OpenedFile outer) {
        try (AtomicFile result = AtomicFile.create(out)) {
            SignedInput.Verified inner;
            try (OutputStream os = result.newOutputStream()) {
                inner = SignedInput.verify(signedBySender, null, verifier, clock.instant(), os);
            } catch (IOException e) {
                throw Failures.io("cannot write " + out, e);
            } catch (SafegateException e) {
                throw new SafegateException(e.code(), "the sender's signature inside: " + e.getMessage(), e);
            }
            result.commit();
            long size;
            try {
                size = Files.size(out);
            } catch (IOException e) {
                throw Failures.io("cannot read " + out, e);
            }
            return new OpenedFile(outer.signer(), outer.signingTime(), size, Optional.of(inner.signer()));
        }
    }

    private static boolean looksSigned(Path content) {
        try {
            return SignedInput.looksSigned(content);
        } catch (IOException e) {
            throw Failures.io("cannot read " + content, e);
        }
    }

    /**
     * The streaming core: writes content to {@code content} BEFORE it is verified. Only callers
     * that discard {@code content} when this throws may use it (the file variant does).
     */
    OpenedFile open(InputStream sealed, long limit, OutputStream content, X509Certificate expectedSigner) {
        CmsReader.Signed signed = new CmsReader(recipient, suite).read(sealed, limit, content);
        SignerInformation signer = signed.signer();
        requireAcceptedAlgorithms(signer, suite);
        X509Certificate certificate = signerCertificate(signed, expectedSigner);
        verifier.require(certificate, clock.instant(), Purpose.SIGNING);
        verifySignature(signer, certificate);
        return new OpenedFile(certificate, signingTime(signer), signed.size());
    }

    /**
     * The suite's policy for a signature, the same for sealed files and for signed input: digest
     * and signature algorithm (SHA-2 only), else {@code CRYPTO_ALGORITHM_REJECTED} naming the OID.
     * Key sizes are the certificate's check ({@code CERT_WEAK_KEY}).
     */
    static void requireAcceptedAlgorithms(SignerInformation signer, AlgorithmSuite suite) {
        ASN1ObjectIdentifier digest = new ASN1ObjectIdentifier(signer.getDigestAlgOID());
        if (!suite.acceptsDigest(digest)) {
            throw new SafegateException(ErrorCode.CRYPTO_ALGORITHM_REJECTED, "digest algorithm not accepted: " + digest);
        }
        AlgorithmIdentifier signature = signer.toASN1Structure().getDigestEncryptionAlgorithm();
        if (!suite.acceptsSignature(signature)) {
            throw new SafegateException(ErrorCode.CRYPTO_ALGORITHM_REJECTED, "signature algorithm not accepted: "
                    + signature.getAlgorithm() + (signature.getParameters() == null ? "" : " with its parameters"));
        }
    }

    static X509Certificate signerCertificate(CmsReader.Signed signed, X509Certificate expected) {
        @SuppressWarnings("unchecked")
        Selector<X509CertificateHolder> sid = signed.signer().getSID();
        Collection<X509CertificateHolder> matches = signed.certificates().getMatches(sid);
        try {
            if (matches.isEmpty()) {
                if (expected != null && signed.signer().getSID().match(new X509CertificateHolder(expected.getEncoded()))) {
                    return expected;
                }
                throw new SafegateException(ErrorCode.CRYPTO_SIGNER_MISMATCH,
                        "the signer's certificate is not in the file");
            }
            X509Certificate found = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            if (expected != null && !expected.equals(found)) {
                throw new SafegateException(ErrorCode.CRYPTO_SIGNER_MISMATCH, "signed by "
                        + found.getSubjectX500Principal().getName() + ", expected "
                        + expected.getSubjectX500Principal().getName());
            }
            return found;
        } catch (CertificateException | IOException e) {
            throw new SafegateException(ErrorCode.CRYPTO_MALFORMED, "the signer's certificate cannot be decoded", e);
        }
    }

    static void verifySignature(SignerInformation signer, X509Certificate certificate) {
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Providers.BC).build(certificate));
        } catch (CMSSignerDigestMismatchException e) {
            throw new SafegateException(ErrorCode.CRYPTO_SIGNATURE_INVALID,
                    "the content does not match its signed digest", e);
        } catch (CMSVerifierCertificateNotValidException e) {
            throw new SafegateException(ErrorCode.CERT_EXPIRED,
                    "the signer's certificate was not valid at the signing time", e);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw new SafegateException(ErrorCode.CRYPTO_SIGNATURE_INVALID, "the signature cannot be verified", e);
        }
        if (!valid) {
            throw new SafegateException(ErrorCode.CRYPTO_SIGNATURE_INVALID, "the signature does not verify");
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            throw new SafegateException(ErrorCode.CRYPTO_MALFORMED, "the signing time cannot be decoded", e);
        }
    }
}
