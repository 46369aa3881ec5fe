package org.safegate.transfer;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safegate.ErrorCode;
import org.safegate.SafegateException;
import org.safegate.crypto.CertificateCheck;
import org.safegate.crypto.CertificateVerifier;
import org.safegate.crypto.Purpose;
import org.safegate.keys.KeyProvider;
import org.safegate.policy.Reason;
import org.safegate.policy.ReasonCode;
import org.safegate.policy.model.Agency;

/**
 * The certificate rule of a transfer decision, in full: the recipient's encryption certificate
 * (from its file or Vault) must chain to a trust anchor, not be revoked (CRL or a security
 * officer's record), be valid on the day, and be fit for encryption. A certificate that does not
 * exist (no such file, not a certificate, Vault has no such secret or field) is a reason,
 * CERT_MISSING, so the transfer is denied rather than sent. A certificate that cannot be obtained
 * right now (Vault unreachable, sealed or refusing) decides nothing: the check throws
 * {@link ErrorCode#KEY_UNAVAILABLE}, and the file is held and retried, neither sent nor denied.
 */
public final class VerifiedCertificateCheck implements org.safegate.policy.CertificateCheck {
    private final KeyProvider keys;
    private final CertificateVerifier verifier;
    private final Endpoints paths;

    public VerifiedCertificateCheck(KeyProvider keys, CertificateVerifier verifier, Endpoints paths) {
        this.keys = keys;
        this.verifier = verifier;
        this.paths = paths;
    }

    @Override
    public List<Reason> check(Agency recipient, LocalDate day) {
        X509Certificate certificate;
        try {
            certificate = keys.certificate(paths.reference(recipient.certificate()));
        } catch (SafegateException e) {
            if (e.code() == ErrorCode.KEY_UNAVAILABLE) {
                throw new SafegateException(ErrorCode.KEY_UNAVAILABLE, recipient.id() + "'s certificate "
                        + recipient.certificate() + " cannot be obtained now: " + e.getMessage(), e);
            }
            return List.of(new Reason(ReasonCode.CERT_MISSING, recipient.id() + "'s certificate "
                    + recipient.certificate() + " cannot be obtained: " + e.getMessage()));
        }
        CertificateCheck check = verifier.verify(certificate, day, Purpose.ENCRYPTION);
        List<Reason> reasons = new ArrayList<>();
        for (CertificateCheck.Failure failure : check.failures()) {
            reasons.add(new Reason(reasonFor(failure), recipient.id() + "'s certificate " + recipient.certificate()
                    + ": " + failure.detail()));
        }
        return reasons;
    }

    private static ReasonCode reasonFor(CertificateCheck.Failure failure) {
        return switch (failure.code()) {
            case CERT_EXPIRED -> ReasonCode.CERT_EXPIRED;
            case CERT_NOT_YET_VALID -> ReasonCode.CERT_NOT_YET_VALID;
            case CERT_REVOKED -> ReasonCode.CERT_REVOKED;
            case CERT_UNTRUSTED -> ReasonCode.CERT_UNTRUSTED;
            default -> ReasonCode.CERT_UNUSABLE;
        };
    }
}
