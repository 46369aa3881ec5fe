package org.safegate.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.SignedInput;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.model.Agency;

/**
 * Sender authentication for signed input: a file that arrives CMS-signed must be signed by the
 * sending agency's registered signing certificate, trusted and valid, with algorithms the suite
 * accepts; otherwise it is refused ({@code SIGNER_MISMATCH}, or {@code SIGNER_ALGORITHM_REFUSED}
 * for weak algorithms and keys). A signer whose revocation status is unknown (stale or missing
 * CRL) is no refusal: the check throws, and the file is held. An unsigned file is identified by the
 * outbox it came from alone.
 */
final class SenderCheck {
    private final KeyProvider keys;
    private final CertificateVerifier verifier;
    private final Endpoints endpoints;

    SenderCheck(KeyProvider keys, CertificateVerifier verifier, Endpoints endpoints) {
        this.keys = keys;
        this.verifier = verifier;
        this.endpoints = endpoints;
    }

    /** Empty for an unsigned file; the digests of a file with a good signature; else the refusal. */
    Either<Refusal, Optional<SignedInput.Verified>> check(Agency sender, Path file, Instant now) throws IOException {
        return check(sender, file, now, java.io.OutputStream.nullOutputStream());
    }

    /**
     * As {@link #check(Agency, Path, Instant)}, writing the signed content to {@code content} as it
     * is read: what it received counts only when the answer is a good signature.
     */
    Either<Refusal, Optional<SignedInput.Verified>> check(Agency sender, Path file, Instant now,
                                                          java.io.OutputStream content) throws IOException {
        if (!SignedInput.looksSigned(file)) {
            return Either.right(Optional.empty());
        }
        if (sender.signingCertificate().isEmpty()) {
            return Either.left(new Refusal(RefusalCode.SIGNER_MISMATCH, "the file is signed, but " + sender.id()
                    + " has no registered signing-certificate to check it against"));
        }
        X509Certificate registered = keys.certificate(endpoints.reference(sender.signingCertificate().get()));
        try {
            return Either.right(Optional.of(SignedInput.verifyWithContent(file, registered, verifier, now, content)));
        } catch (SafegateException e) {
            if (e.code() == ErrorCode.CERT_STATUS_UNKNOWN) {
                // not a verdict on the signer: the file is held until its issuer's CRL is current
                throw new SafegateException(ErrorCode.CERT_STATUS_UNKNOWN, ErrorCode.CERT_STATUS_UNKNOWN + ": "
                        + sender.id() + "'s signing certificate: " + e.getMessage()
                        + "; held until a current CRL of its issuer is installed", e);
            }
            return Either.left(new Refusal(refusalFor(e.code()), "the signature of " + sender.id()
                    + "'s file does not hold: " + e.code() + ": " + e.getMessage()));
        }
    }

    private static RefusalCode refusalFor(ErrorCode code) {
        return switch (code) {
            case CRYPTO_MALFORMED -> RefusalCode.INPUT_MALFORMED;
            case CRYPTO_ALGORITHM_REJECTED, CERT_WEAK_KEY, CERT_WEAK_SIGNATURE -> RefusalCode.SIGNER_ALGORITHM_REFUSED;
            default -> RefusalCode.SIGNER_MISMATCH;
        };
    }
}
